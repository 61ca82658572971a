import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { DashboardService } from './dashboards.service';

/** Checked every 10 minutes; the service decides whether tonight's run is due and takes the lease (docs/regulations.md §16). */
export function startDashboardJobs(deps: { dashboards: Pick<DashboardService, 'runNightly'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const at = await deps.dashboards.runNightly(deps.leases);
      if (at) log.info({ at }, 'dashboard figures recomputed');
    } catch (err) {
      log.warn({ err }, 'dashboard nightly run failed');
    }
  };
  const timer = setInterval(run, 10 * 60_000);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
