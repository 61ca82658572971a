import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The only SQL on reference_labels. */
export const referenceQueries = {
  all(db: Kysely<Database>, lists?: string[]) {
    let qb = db.selectFrom('reference_labels').selectAll();
    if (lists?.length) qb = qb.where('list', 'in', lists);
    return qb.orderBy('list').orderBy('value').execute();
  },
  get(db: Kysely<Database>, list: string, value: string) {
    return db.selectFrom('reference_labels').selectAll().where('list', '=', list).where('value', '=', value).executeTakeFirst();
  },
  async upsert(db: Kysely<Database>, row: { list: string; value: string; label_zh_tw: string | null; label_en: string | null; updated_at: string }) {
    await db
      .insertInto('reference_labels')
      .values(row)
      .onConflict((oc) => oc.columns(['list', 'value']).doUpdateSet({ label_zh_tw: row.label_zh_tw, label_en: row.label_en, updated_at: row.updated_at }))
      .execute();
  },
};
