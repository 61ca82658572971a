import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { GuestStayTable } from './stays.tables';

type Q = Kysely<Database>;

function base(db: Q) {
  return db
    .selectFrom('guest_stays')
    .leftJoin('user_directory as keeper', 'keeper.id', 'guest_stays.keeper_id')
    .leftJoin('user_directory as met', 'met.id', 'guest_stays.met_by')
    .selectAll('guest_stays')
    .select(['keeper.display_name as keeper_name', 'met.display_name as met_by_name']);
}
export type StayRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The only SQL of guest stays (docs/regulations.md §9). */
export const stayQueries = {
  ofIndividual: (db: Q, individualId: number) => base(db).where('guest_stays.individual_id', '=', individualId).orderBy('guest_stays.checked_in_at', 'desc').orderBy('guest_stays.id', 'desc').limit(200).execute(),
  get: (db: Q, id: number) => base(db).where('guest_stays.id', '=', id).executeTakeFirst(),
  byBooking: (db: Q, ref: string) => base(db).where('guest_stays.booking_ref', '=', ref).executeTakeFirst(),
  async insert(db: Q, row: Insertable<GuestStayTable>) {
    return (await db.insertInto('guest_stays').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async update(db: Q, id: number, set: Updateable<GuestStayTable>) {
    await db.updateTable('guest_stays').set(set).where('id', '=', id).execute();
  },
  /** Conditional on not yet met, so two people recording the meeting at once record it once. */
  async markMet(db: Q, id: number, set: { met_at: string; met_by: number; meeting_note: string | null; updated_at: string }) {
    return Number((await db.updateTable('guest_stays').set(set).where('id', '=', id).where('met_at', 'is', null).executeTakeFirst()).numUpdatedRows) === 1;
  },
  /** individual id → the newest recorded meeting (ISO instant): a contact for the cadence of individual members. */
  async lastMeetings(db: Q, individualIds: number[]) {
    if (!individualIds.length) return new Map<number, string>();
    const rows = await db
      .selectFrom('guest_stays')
      .select(['individual_id', (eb) => eb.fn.max('met_at').as('last')])
      .where('individual_id', 'in', individualIds)
      .where('met_at', 'is not', null)
      .groupBy('individual_id')
      .execute();
    return new Map(rows.filter((r) => r.last).map((r) => [r.individual_id, new Date(r.last as string).toISOString()]));
  },
};
