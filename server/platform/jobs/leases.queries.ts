import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The only SQL of job leases; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export const leasesQueries = {
  /** Takes the lease when it is free, expired or already ours; true when this holder got it. */
  async take(db: Q, name: string, holder: string, now: string, until: string): Promise<boolean> {
    await db
      .insertInto('job_leases')
      .values({ name, holder: '', lease_until: new Date(0).toISOString(), last_run_at: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const res = await db
      .updateTable('job_leases')
      .set({ holder, lease_until: until, last_run_at: now })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('lease_until', '<', now), eb('holder', '=', holder)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
};
