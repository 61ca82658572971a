import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../time';

/**
 * Fixed-window counters in the database, so several app processes share one limit.
 * Returns the number of hits in the current window including this one.
 */
export function createRateLimiter(db: Kysely<Database>, clock: Clock) {
  return {
    async hit(key: string, windowSeconds: number): Promise<number> {
      const nowMs = clock.now().getTime();
      const windowStart = new Date(nowMs - (nowMs % (windowSeconds * 1000))).toISOString();
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_start: windowStart, hits: 1 })
        .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
        .returning('hits')
        .executeTakeFirstOrThrow();
      return row.hits;
    },
    /** Drops windows older than a day (called by the housekeeping job). */
    async prune(): Promise<void> {
      const cutoff = new Date(clock.now().getTime() - 24 * 3600 * 1000).toISOString();
      await db.deleteFrom('rate_limits').where('window_start', '<', cutoff).execute();
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
