import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { CareService } from './care.service';

const EVERY_MS = 60 * 60_000;

/** Care reminders (docs/regulations.md §12), hourly under a lease; each occasion's key makes a repeat harmless. */
export function startCareJobs(deps: { care: Pick<CareService, 'runReminders'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const n = await deps.care.runReminders(deps.leases, EVERY_MS - 5000);
      if (n) log.info({ reminders: n }, 'care reminders sent');
    } catch (err) {
      log.warn({ err }, 'care reminders run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
