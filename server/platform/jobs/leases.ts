import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../time';
import { leasesQueries } from './leases.queries';

/**
 * Scheduled work lives in the database: a job runs only in the process that holds its lease, so
 * several app processes on one PostgreSQL run each job once (issue 2 §1, issue 4 §4).
 */
export function createLeases(db: Kysely<Database>, clock: Clock, holder = `${process.pid}-${crypto.randomUUID()}`) {
  return {
    holder,
    /** Takes the lease if it is free or expired; true when this process may run the job now. */
    async acquire(name: string, leaseMs: number): Promise<boolean> {
      const now = clock.now();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      return leasesQueries.take(db, name, holder, now.toISOString(), until);
    },
  };
}
export type Leases = ReturnType<typeof createLeases>;
