import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { PoolService } from './pool.service';

/**
 * The nightly pool run (docs/regulations.md §8), checked every 10 minutes; it decides itself whether
 * tonight's run is due, and the lease lets one process run it.
 */
export function startPoolJobs(deps: { pool: Pick<PoolService, 'runNightly'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const n = await deps.pool.runNightly(deps.leases);
      if (n !== null) log.info({ moved: n }, 'customers moved to the public pool');
    } catch (err) {
      log.warn({ err }, 'public pool run failed');
    }
  };
  const timer = setInterval(run, 10 * 60_000);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
