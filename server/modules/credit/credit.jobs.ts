import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { CreditService } from './credit.service';

const EVERY_MS = 60 * 60_000;

/**
 * The nightly re-assessment run for low risks (docs/regulations.md §5). It is idempotent (one task per
 * review date), so it runs every hour under a database lease: one process at a time, soon after midnight.
 */
export function startCreditJobs(deps: { credit: Pick<CreditService, 'runReviews'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const n = await deps.credit.runReviews(deps.leases, EVERY_MS - 5000);
      if (n) log.info({ tasks: n }, 'risk re-assessment tasks created');
    } catch (err) {
      log.warn({ err }, 'risk re-assessment run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
