import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { ProjectService } from './projects.service';

const EVERY_MS = 30 * 60_000;

/** Overdue milestones notify the project lead (docs/regulations.md §15): every half hour, under a database lease. */
export function startProjectJobs(deps: { projects: Pick<ProjectService, 'runOverdue'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const n = await deps.projects.runOverdue(deps.leases, EVERY_MS - 5000);
      if (n) log.info({ notices: n }, 'overdue project milestones notified');
    } catch (err) {
      log.warn({ err }, 'overdue project milestones run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
