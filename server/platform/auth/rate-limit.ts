import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../time';
import { authQueries } from './auth.queries';

/**
 * Fixed-window counters in the database, so several app processes share one limit.
 * Returns the number of hits in the current window including this one.
 */
export function createRateLimiter(db: Kysely<Database>, clock: Clock) {
  return {
    async hit(key: string, windowSeconds: number): Promise<number> {
      const nowMs = clock.now().getTime();
      const windowStart = new Date(nowMs - (nowMs % (windowSeconds * 1000))).toISOString();
      return authQueries.rateLimitHit(db, key, windowStart);
    },
    /** Drops windows older than a day (called by the housekeeping job). */
    async prune(): Promise<void> {
      const cutoff = new Date(clock.now().getTime() - 24 * 3600 * 1000).toISOString();
      await authQueries.deleteRateLimitsBefore(db, cutoff);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
