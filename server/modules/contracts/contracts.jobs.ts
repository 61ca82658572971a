import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../../platform/jobs/leases';
import type { ContractService } from './contracts.service';

const EVERY_MS = 60 * 60_000;

/**
 * The daily expiry run (issue 4 §7): effective contracts past their end date become 到期. It is
 * idempotent, so it runs every hour (shortly after midnight in Shanghai a contract is marked, not up to a
 * day later), by one process at a time through a database lease (platform/jobs/leases.ts).
 */
export function startContractJobs(deps: { contracts: Pick<ContractService, 'expireDue'>; leases: Leases }, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      if (!(await deps.leases.acquire('contracts.expiry', EVERY_MS - 5000))) return;
      const n = await deps.contracts.expireDue();
      if (n > 0) log.info({ expired: n }, 'contracts expired');
    } catch (err) {
      log.warn({ err }, 'contract expiry run failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
