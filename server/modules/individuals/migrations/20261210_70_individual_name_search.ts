import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';
import { nameKeys } from '../individuals.rules';

const BATCH = 2000;

/**
 * Guests get a search column with every reading of the name and the name folded to simplified, and their
 * pinyin, initials and initial letter are recomputed with the surname read as a surname (曾 → Z,
 * docs/regulations.md §2). In id order, in batches, with progress printed.
 */
export function individualNameSearch20261210(_kind: DialectKind): NamedMigration {
  return {
    name: '20261210_70_individual_name_search',
    async up(db: Kysely<any>) {
      await db.schema.alterTable('individual_customers').addColumn('name_search', 'text', (c) => c.notNull().defaultTo('')).execute();
      const total = Number((await db.selectFrom('individual_customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      let afterId = 0;
      let done = 0;
      for (;;) {
        const rows = await db.selectFrom('individual_customers').select(['id', 'name']).where('id', '>', afterId).orderBy('id').limit(BATCH).execute();
        if (!rows.length) break;
        afterId = rows[rows.length - 1].id;
        const work = async (trx: Kysely<any>) => {
          for (let i = 0; i < rows.length; i += 250) {
            const values = sql.join(
              rows.slice(i, i + 250).map((r) => {
                const k = nameKeys(r.name);
                return sql`(CAST(${r.id} AS integer), ${k.pinyin}, ${k.initials}, ${k.initial}, ${k.search})`;
              }),
            );
            await sql`WITH v(id, name_pinyin, name_initials, initial, name_search) AS (VALUES ${values})
                      UPDATE individual_customers SET name_pinyin = v.name_pinyin, name_initials = v.name_initials, initial = v.initial, name_search = v.name_search
                      FROM v WHERE individual_customers.id = v.id`.execute(trx);
          }
        };
        // The migrator wraps PostgreSQL's migrations in its own transaction; SQLite's run outside one.
        if (db.isTransaction) await work(db);
        else await db.transaction().execute(work);
        done += rows.length;
        process.stdout.write(`guest name re-index: ${done}/${total}\n`);
      }
    },
  };
}
