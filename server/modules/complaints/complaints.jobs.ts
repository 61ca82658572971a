import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { ComplaintService } from './complaints.service';

const EVERY_MS = 5 * 60_000;

/**
 * Records missed complaint deadlines for the KPIs (issue 5 §5): every five minutes, by one process at a time
 * (database lease). The alerts themselves are reminders scheduled with each complaint; this only writes the
 * complaint_breaches rows, once per deadline, so it may run late or twice without harm.
 */
export function startComplaintJobs(deps: { complaints: Pick<ComplaintService, 'recordBreaches'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      if (!(await deps.leases.acquire('complaints.breaches', EVERY_MS - 5000))) return;
      const n = await deps.complaints.recordBreaches();
      if (n > 0) log.info({ breaches: n }, 'complaint deadlines missed');
    } catch (err) {
      log.warn({ err }, 'complaint breach run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
