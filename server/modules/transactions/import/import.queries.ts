import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { Database } from '../../../db/schema';
import { importStoreQueries } from '../../../platform/import/import.store.queries';
import type { Actor } from '../../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../../platform/permissions/scope';

/** The SQL of the transactions import; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

/** IN lists and multi-row inserts stay well below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;
function chunks<T>(values: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

async function inChunks<T, R>(values: T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks([...new Set(values)])) out.push(...(await run(part)));
  return out;
}

const TRANSACTION_COLUMNS = ['customer_id', 'date', 'product', 'model', 'quantity', 'unit_price_cents', 'amount_cents', 'salesperson_id', 'contract_id', 'source_system', 'source_doc_no', 'created_by', 'created_at'] as const;
const RETURN_COLUMNS = ['customer_id', 'transaction_id', 'kind', 'date', 'amount_cents', 'reason', 'responsible_party', 'source_system', 'source_doc_no', 'created_by', 'created_at'] as const;
const INSERT_ROWS = 500;

/**
 * An import writes up to 200,000 rows: the statement text is built once per chunk size and the values
 * bound as a flat list, instead of a query tree per row (the text repeats, so SQLite reuses the prepared
 * statement). Conflicting document numbers are skipped by the unique index.
 */
async function insertMany<R extends object>(db: Q, kind: DialectKind, table: string, columns: readonly (keyof R & string)[], rows: R[]): Promise<number> {
  const texts = new Map<number, string>();
  const text = (n: number) => {
    let t = texts.get(n);
    if (t) return t;
    let p = 0;
    const tuple = () => `(${columns.map(() => (kind === 'postgres' ? `$${++p}` : '?')).join(', ')})`;
    t = `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: n }, tuple).join(', ')} on conflict (source_system, source_doc_no) do nothing`;
    texts.set(n, t);
    return t;
  };
  let written = 0;
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const part = rows.slice(i, i + INSERT_ROWS);
    const params: unknown[] = [];
    for (const r of part) for (const c of columns) params.push((r as Record<string, unknown>)[c] ?? null);
    const res = await db.executeQuery(CompiledQuery.raw(text(part.length), params));
    written += Number(res.numAffectedRows ?? 0);
  }
  return written;
}

export const txImportQueries = {
  store: importStoreQueries<{ kind: string }>('transaction_imports'),

  /** Customers inside the actor's scope by archive number or by exact name (docs/regulations.md §1). */
  async visibleCustomers(db: Q, actor: Actor, archiveNos: string[], names: string[]) {
    const base = () => db.selectFrom('customer_directory as customers').select(['customers.id', 'customers.archive_no', 'customers.name']).where(scopeCondition(actor, RESOURCES.customer));
    const byNo = await inChunks(archiveNos, (part) => base().where('customers.archive_no', 'in', part).execute());
    const byName = await inChunks(names, (part) => base().where('customers.name', 'in', part).execute());
    return { byNo, byName };
  },

  /** Active people by login or display name. */
  async activeUsers(db: Q, keys: string[]) {
    const base = () => db.selectFrom('user_directory').select(['id', 'username', 'display_name']).where('active', '=', 1);
    const byLogin = await inChunks(keys, (part) => base().where('username', 'in', part).execute());
    const byName = await inChunks(keys, (part) => base().where('display_name', 'in', part).execute());
    return { byLogin, byName };
  },

  contractsByNo(db: Q, nos: string[]) {
    return inChunks(nos, (part) => db.selectFrom('contracts').select(['id', 'customer_id', 'contract_no']).where('contract_no', 'in', part).execute());
  },

  /** Document numbers of this source system already recorded. */
  async transactionDocNosTaken(db: Q, sourceSystem: string, docNos: string[]) {
    const rows = await inChunks(docNos, (part) => db.selectFrom('transactions').select('source_doc_no').where('source_system', '=', sourceSystem).where('source_doc_no', 'in', part).execute());
    return new Set(rows.map((r) => r.source_doc_no!));
  },

  async returnDocNosTaken(db: Q, sourceSystem: string, docNos: string[]) {
    const rows = await inChunks(docNos, (part) =>
      db.selectFrom('transaction_returns').select('source_doc_no').where('source_system', '=', sourceSystem).where('source_doc_no', 'in', part).execute(),
    );
    return new Set(rows.map((r) => r.source_doc_no!));
  },

  /** Transactions by source document number (any system) inside the actor's scope, with what was returned of them. */
  transactionsByDocNo(db: Q, actor: Actor, docNos: string[]) {
    return inChunks(docNos, (part) =>
      db
        .selectFrom('transactions')
        .innerJoin('customer_directory as customers', 'customers.id', 'transactions.customer_id')
        .select((eb) => [
          'transactions.id',
          'transactions.customer_id',
          'transactions.source_doc_no',
          'transactions.amount_cents',
          eb
            .selectFrom('transaction_returns')
            .select((e) => e.fn.coalesce(e.fn.sum<number>('transaction_returns.amount_cents'), e.lit(0)).as('n'))
            .whereRef('transaction_returns.transaction_id', '=', 'transactions.id')
            .as('returned_cents'),
        ])
        .where('transactions.source_doc_no', 'in', part)
        .where(scopeCondition(actor, RESOURCES.customer))
        .execute(),
    );
  },

  /** Multi-row inserts; a document recorded meanwhile is left alone. The number of rows written. */
  insertTransactions(db: Q, kind: DialectKind, rows: Insertable<Database['transactions']>[]): Promise<number> {
    return insertMany(db, kind, 'transactions', TRANSACTION_COLUMNS, rows);
  },

  insertReturns(db: Q, kind: DialectKind, rows: Insertable<Database['transaction_returns']>[]): Promise<number> {
    return insertMany(db, kind, 'transaction_returns', RETURN_COLUMNS, rows);
  },
};
