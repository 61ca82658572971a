import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The only SQL of the working-day calendar; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export const calendarQueries = {
  /** Changes whenever any instance adds, deletes or re-imports days. */
  async changeStamp(db: Q): Promise<string> {
    const r = await db
      .selectNoFrom((eb) => [
        eb.selectFrom('calendar_days').select((e) => e.fn.countAll().as('n')).as('days'),
        eb.selectFrom('calendar_days').select((e) => e.fn.max('id').as('m')).as('last_day'),
        eb.selectFrom('calendar_years').select((e) => e.fn.max('imported_at').as('m')).as('last_import'),
      ])
      .executeTakeFirstOrThrow();
    return `${r.days}|${r.last_day}|${r.last_import}`;
  },
  allDays: (db: Q) => db.selectFrom('calendar_days').selectAll().execute(),
  importedYears: (db: Q) => db.selectFrom('calendar_years').selectAll().execute(),
  companyDays: (db: Q) => db.selectFrom('calendar_days').selectAll().where('source', '=', 'company').orderBy('day').execute(),
  companyDayOn: (db: Q, day: string) => db.selectFrom('calendar_days').select('id').where('day', '=', day).where('source', '=', 'company').executeTakeFirst(),
  companyDay: (db: Q, id: number) => db.selectFrom('calendar_days').selectAll().where('id', '=', id).where('source', '=', 'company').executeTakeFirst(),
  insertDay: (db: Q, values: Insertable<Database['calendar_days']>) => db.insertInto('calendar_days').values(values).returningAll().executeTakeFirstOrThrow(),
  async deleteDay(db: Q, id: number): Promise<void> {
    await db.deleteFrom('calendar_days').where('id', '=', id).execute();
  },
  /** Replaces the official days between two dates and stamps the year as imported. */
  async replaceOfficialYear(
    db: Q,
    year: { year: number; from: string; to: string; at: string; by: number },
    rows: Insertable<Database['calendar_days']>[],
  ): Promise<void> {
    await db.deleteFrom('calendar_days').where('source', '=', 'official').where('day', '>=', year.from).where('day', '<=', year.to).execute();
    if (rows.length) await db.insertInto('calendar_days').values(rows).execute();
    await db
      .insertInto('calendar_years')
      .values({ year: year.year, imported_at: year.at, imported_by: year.by })
      .onConflict((oc) => oc.column('year').doUpdateSet({ imported_at: year.at, imported_by: year.by }))
      .execute();
  },
};
