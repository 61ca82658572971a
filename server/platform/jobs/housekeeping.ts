import type { FastifyBaseLogger } from 'fastify';
import type { PlatformServices } from '../services';

const EVERY_MS = 10 * 60_000;

/** Periodic clean-up (expired sessions, old rate-limit windows), run by one process at a time via a lease. */
export function startHousekeeping(services: Pick<PlatformServices, 'leases' | 'auth' | 'rateLimiter'>, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      if (!(await services.leases.acquire('housekeeping', EVERY_MS - 5000))) return;
      await services.auth.pruneSessions();
      await services.rateLimiter.prune();
    } catch (err) {
      log.warn({ err }, 'housekeeping failed');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
