import type { FastifyBaseLogger } from 'fastify';
import { CHANNEL_NAMES, type NotificationsService } from './notifications.service';
import type { RemindersService } from './reminders.service';
import type { SettingsService } from '../../platform/settings/settings.service';

/** Each loop waits this long at most between rounds; `notifications.pollSeconds` sets it. */
async function pollMs(settings: Pick<SettingsService, 'number'>): Promise<number> {
  try {
    return (await settings.number('notifications.pollSeconds')) * 1000;
  } catch {
    return 5_000;
  }
}

/**
 * The reminder scheduler and one delivery worker per channel, in every app process (issue 18 §3): each is
 * its own loop, so a mail server that never answers holds only the e-mail worker (for at most the send
 * timeout) while robot messages and due reminders go on. No lease is needed: each reminder and each
 * delivery is claimed by an atomic conditional UPDATE, so several processes share the work and none
 * fires or sends anything twice (issue 4 §4).
 */
export function startWorkflowJobs(
  services: { reminders: RemindersService; notifications: NotificationsService; settings: Pick<SettingsService, 'number'> },
  log: FastifyBaseLogger,
): () => void {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        timers.delete(t);
        wakers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      t.unref();
      timers.add(t);
      wakers.add(done);
    });

  const loop = async (name: string, round: () => Promise<number | null>) => {
    while (!stopped) {
      let next: number | null = null;
      try {
        next = await round();
      } catch (err) {
        log.warn({ err, loop: name }, 'workflow job failed');
      }
      if (stopped) break;
      const every = await pollMs(services.settings);
      await sleep(next == null ? every : Math.min(next, every));
    }
  };

  void loop('reminders', async () => {
    const r = await services.reminders.runOnce();
    for (const e of r.errors) log.warn({ error: e.error }, 'reminder failed; it stays due and is retried');
    return null;
  });
  for (const channel of CHANNEL_NAMES) {
    void loop(`deliveries:${channel}`, async () => {
      const d = await services.notifications.runChannel(channel);
      if (d.sent || d.retrying || d.failed) log.info({ channel, ...d }, 'notification deliveries');
      // Paced: come back when the bucket has a token; a full batch: go on at once.
      if (d.waitMs > 0) return d.waitMs;
      return d.full ? 0 : null;
    });
  }
  return () => {
    stopped = true;
    for (const wake of [...wakers]) wake();
  };
}
