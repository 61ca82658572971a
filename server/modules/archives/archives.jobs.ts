import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { ArchiveService } from './archives.service';

const EVERY_MS = 10 * 60_000;

/** Overdue loans notify the archive keepers (docs/regulations.md §1): every 10 minutes, under a lease, each loan once. */
export function startArchiveJobs(deps: { archives: Pick<ArchiveService, 'runOverdue'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const n = await deps.archives.runOverdue(deps.leases, EVERY_MS - 5000);
      if (n) log.info({ loans: n }, 'overdue archive loans notified');
    } catch (err) {
      log.warn({ err }, 'overdue archive loans run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
