import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { LoyaltyService } from './loyalty.service';

const EVERY_MS = 60 * 60_000;

/**
 * The churn-risk run (docs/regulations.md §16): idempotent (one task per customer and risk period), tried every
 * hour under a database lease held for the hour, so one process runs it.
 */
export function startLoyaltyJobs(deps: { loyalty: Pick<LoyaltyService, 'runScheduled'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const r = await deps.loyalty.runScheduled(deps.leases, EVERY_MS - 5000);
      if (r?.created) log.info(r, 'churn risks checked');
    } catch (err) {
      log.warn({ err }, 'churn-risk run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
