import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The only SQL of the settings store; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export const settingsQueries = {
  all: (db: Q) => db.selectFrom('settings').selectAll().execute(),
  /** First write of a key (version 1); false when another request stored it first. */
  async insertFirst(db: Q, key: string, value: string, at: string, by: number): Promise<boolean> {
    const inserted = await db
      .insertInto('settings')
      .values({ key, value, version: 1, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  /** Applies only at the version the caller read; false when it is stale. */
  async updateAtVersion(db: Q, key: string, value: string, version: number, at: string, by: number): Promise<boolean> {
    const res = await db
      .updateTable('settings')
      .set({ value, version: version + 1, updated_at: at, updated_by: by })
      .where('key', '=', key)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  },
};
