import type { FastifyBaseLogger } from 'fastify';
import type { NotificationsService } from './notifications.service';
import type { RemindersService } from './reminders.service';

const EVERY_MS = 30_000;

/**
 * The reminder scheduler and the delivery sender, in every app process. No lease is needed: each
 * reminder and each delivery is claimed by an atomic conditional UPDATE, so several processes share
 * the work and none fires or sends anything twice (issue 4 §4).
 */
export function startWorkflowJobs(services: { reminders: RemindersService; notifications: NotificationsService }, log: FastifyBaseLogger): () => void {
  let running = false;
  const run = async () => {
    if (running) return; // a slow SMTP server must not pile up overlapping runs
    running = true;
    try {
      const r = await services.reminders.runOnce();
      for (const e of r.errors) log.warn({ error: e.error }, 'reminder failed; it stays due and is retried');
      const d = await services.notifications.runOnce();
      if (d.sent || d.retrying || d.failed) log.info(d, 'notification deliveries');
    } catch (err) {
      log.warn({ err }, 'workflow jobs failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
