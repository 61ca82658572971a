import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { MembershipService } from './membership.service';

const EVERY_MS = 10 * 60_000;

/**
 * Points for new transactions and returns every 10 minutes, and the year end once after 1 January
 * (docs/regulations.md §3); both under database leases, so one process runs each.
 */
export function startMembershipJobs(deps: { membership: Pick<MembershipService, 'runProcessing' | 'runYearEnd'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const written = await deps.membership.runProcessing(deps.leases, EVERY_MS - 5000);
      if (written) log.info({ written }, 'membership points entered');
      const expired = await deps.membership.runYearEnd(deps.leases);
      if (expired !== null) log.info({ expired }, 'membership year end done');
    } catch (err) {
      log.warn({ err }, 'membership job failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
