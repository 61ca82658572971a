import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { CreditService } from './credit.service';
import type { ReceivableService } from './receivables.service';

const EVERY_MS = 60 * 60_000;

/**
 * The nightly re-assessment run for low risks (docs/regulations.md §5). It is idempotent (one task per
 * review date), so it runs every hour under a database lease: one process at a time, soon after midnight.
 * The overdue-receivables run is checked every 10 minutes; it decides itself whether tonight's run is due.
 */
export function startCreditJobs(deps: { credit: Pick<CreditService, 'runReviews'>; receivables: Pick<ReceivableService, 'runNightly'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const overdue = async () => {
    try {
      const n = await deps.receivables.runNightly(deps.leases);
      if (n !== null) log.info({ changed: n }, 'credit ratings recomputed for overdue receivables');
    } catch (err) {
      log.warn({ err }, 'overdue receivables run failed');
    }
  };
  const overdueTimer = setInterval(overdue, 10 * 60_000);
  overdueTimer.unref();
  void overdue();
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
  return () => {
    clearInterval(timer);
    clearInterval(overdueTimer);
  };
}
