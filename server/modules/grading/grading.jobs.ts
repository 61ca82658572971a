import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { GradingService } from './grading.service';

const EVERY_MS = 10 * 60_000;

/**
 * The nightly grade proposal (docs/regulations.md §3): checked every 10 minutes; runNightly decides
 * whether today's run is due and takes the database lease, so one process runs it once a day.
 */
export function startGradingJobs(deps: { grading: Pick<GradingService, 'runNightly'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const changed = await deps.grading.runNightly(deps.leases);
      if (changed !== null) log.info({ changed }, 'grades proposed');
    } catch (err) {
      log.warn({ err }, 'nightly grade proposal failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
