import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { Database } from '../../../db/schema';
import type { NamedMigration } from '../../../db/migrations/helpers';
import { customerQueries } from '../customers.queries';
import { pinyinSortKey, searchDocument } from '../customers.rules';

/** Customers per batch: one transaction each on SQLite, bounded memory on both databases. */
export const REINDEX_BATCH = 2000;

/**
 * Every existing customer's search document and pinyin sort key rebuilt with the readings of
 * docs/regulations.md §2 (every reading of polyphonic characters, surnames read as surnames, traditional
 * folded to simplified). In id order, in batches, with progress printed.
 */
export async function reindexCustomers(db: Kysely<any>, kind: DialectKind, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
  const q = customerQueries(kind);
  const total = Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  if (!total) return { total: 0, seconds: 0 };
  const started = Date.now();
  // Every document is rewritten: an empty index takes plain inserts instead of replacements. On SQLite a
  // run cut short is simply run again at the next start (the migration is recorded only when it ends).
  if (kind === 'sqlite') {
    await sql`DROP TABLE customer_search`.execute(db);
    await sql`CREATE VIRTUAL TABLE customer_search USING fts5(tokens, tokenize = 'unicode61')`.execute(db);
  } else {
    // The GIN index is built once at the end rather than updated row by row.
    await sql`TRUNCATE customer_search`.execute(db);
    await sql`DROP INDEX customer_search_tsv_idx`.execute(db);
  }
  let done = 0;
  let afterId = 0;
  let nextReport = 0;
  for (;;) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'name', 'archive_no', 'credit_code', 'phone'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(REINDEX_BATCH)
      .execute();
    if (!rows.length) break;
    afterId = rows[rows.length - 1].id;
    const work = async (trx: Kysely<any>) => {
      const contacts = await trx.selectFrom('customer_contacts').select(['customer_id', 'name', 'mobile', 'phone']).where('customer_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
      const byCustomer = new Map<number, typeof contacts>();
      for (const c of contacts) byCustomer.set(c.customer_id, [...(byCustomer.get(c.customer_id) ?? []), c]);
      const docs = rows.map((r) => [r.id, searchDocument({ name: r.name, archiveNo: r.archive_no, creditCode: r.credit_code, phone: r.phone, contacts: byCustomer.get(r.id) ?? [] })] as const);
      await q.writeSearchDocuments(trx as Kysely<Database>, docs);
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        const values = sql.join(part.map((r) => sql`(CAST(${r.id} AS integer), ${pinyinSortKey(r.name)})`));
        await sql`WITH v(id, name_pinyin) AS (VALUES ${values})
                  UPDATE customers SET name_pinyin = v.name_pinyin FROM v WHERE customers.id = v.id`.execute(trx);
      }
    };
    // The migrator wraps PostgreSQL's migrations in its own transaction; SQLite's run outside one.
    if (db.isTransaction) await work(db);
    else await db.transaction().execute(work);
    done += rows.length;
    if (done >= nextReport || done === total) {
      const s = (Date.now() - started) / 1000;
      log(`customer search re-index: ${done}/${total} (${Math.round(done / Math.max(s, 0.001))}/s)`);
      nextReport = done + Math.max(REINDEX_BATCH, Math.ceil(total / 20));
    }
  }
  if (kind === 'postgres') await sql`CREATE INDEX customer_search_tsv_idx ON customer_search USING gin (tsv)`.execute(db);
  return { total: done, seconds: (Date.now() - started) / 1000 };
}

export function customerSearchReadings20261210(kind: DialectKind): NamedMigration {
  return {
    name: '20261210_70_customer_search_readings',
    async up(db: Kysely<any>) {
      await reindexCustomers(db, kind);
    },
  };
}
