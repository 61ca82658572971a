import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { CadenceService } from './cadence.service';

const EVERY_MS = 60 * 60_000;

/**
 * The cadence run (docs/regulations.md §8): idempotent (one task per customer and missed due date), so it is
 * tried every hour under a database lease held for the hour: one process runs it, and a new visit is seen
 * by the next run at the latest.
 */
export function startCadenceJobs(deps: { cadence: Pick<CadenceService, 'runNightly'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const r = await deps.cadence.runNightly(deps.leases, EVERY_MS - 5000);
      if (r && (r.created || r.closed || r.escalated)) log.info(r, 'visit cadence checked');
    } catch (err) {
      log.warn({ err }, 'visit cadence run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
