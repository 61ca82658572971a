import type { Kysely } from 'kysely';
import { ddl, type NamedMigration } from './helpers';
import type { DialectKind } from '../database';

/**
 * Labels in zh-TW and English for the reference lists shipped with the product (industries, complaint
 * categories …). A list value is its zh-CN label, as stored in the records; a module's own migration fills
 * the rows for the values it ships, and an administrator may fill them for entries added later.
 */
export function referenceLabels20261212(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261212_20_00_reference_labels',
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('reference_labels')
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('label_zh_tw', 'text')
        .addColumn('label_en', 'text')
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('reference_labels_pk', ['list', 'value'])
        .execute();
    },
  };
}

/** A module's shipped labels: [zh-CN value, zh-TW, en]; rows an administrator already filled are kept. */
export async function seedReferenceLabels(db: Kysely<any>, list: string, rows: [string, string, string][], at: string) {
  for (const [value, zhTW, en] of rows) {
    const exists = await db.selectFrom('reference_labels').select('value').where('list', '=', list).where('value', '=', value).executeTakeFirst();
    if (!exists) await db.insertInto('reference_labels').values({ list, value, label_zh_tw: zhTW, label_en: en, updated_at: at }).execute();
  }
}
