import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { TransactionService } from './transactions.service';

const EVERY_MS = 10 * 60_000;

/**
 * The nightly reclassification (docs/regulations.md §3): checked every 10 minutes; runNightly decides
 * whether today's run is due and takes the database lease, so one process runs it once a day.
 */
export function startTransactionJobs(deps: { transactions: Pick<TransactionService, 'runNightly'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const changed = await deps.transactions.runNightly(deps.leases);
      if (changed !== null) log.info({ changed }, 'customers reclassified');
    } catch (err) {
      log.warn({ err }, 'nightly reclassification failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
