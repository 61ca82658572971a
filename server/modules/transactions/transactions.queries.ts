import { sql, type Insertable, type Kysely, type SelectQueryBuilder } from 'kysely';
import { paged } from '../../db/paging';
import { nextIdsInAny, pagedCapped } from '../../db/paging.queries';
import type { DialectKind } from '../../db/database';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { YearTotal } from './transactions.rules';

type Q = Kysely<Database>;

export interface TransactionFilters {
  customerId?: number;
  salespersonId?: number;
  from?: string;
  to?: string;
  q?: string;
}

/** The transactions list counts its total up to `countCap` (then "10,000+"), as the customer search does; tests lower it. */
export const transactionListLimits = { countCap: 10_000 };

export const TRANSACTION_SORT = {
  date: 'transactions.date',
  amount: 'transactions.amount_cents',
  createdAt: 'transactions.created_at',
} as const;
export type TransactionSortField = keyof typeof TRANSACTION_SORT;

function base(db: Q) {
  return db
    .selectFrom('transactions')
    .innerJoin('customer_directory as customers', 'customers.id', 'transactions.customer_id')
    .leftJoin('user_directory as salesperson', 'salesperson.id', 'transactions.salesperson_id')
    .leftJoin('contracts', 'contracts.id', 'transactions.contract_id')
    .selectAll('transactions')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'salesperson.display_name as salesperson_name', 'contracts.contract_no as contract_no']);
}
export type TransactionRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function returnsBase(db: Q) {
  return db
    .selectFrom('transaction_returns')
    .innerJoin('customer_directory as customers', 'customers.id', 'transaction_returns.customer_id')
    .leftJoin('transactions', 'transactions.id', 'transaction_returns.transaction_id')
    .leftJoin('user_directory as creator', 'creator.id', 'transaction_returns.created_by')
    .selectAll('transaction_returns')
    .select(['customers.name as customer_name', 'transactions.source_doc_no as transaction_doc_no', 'transactions.product as transaction_product', 'creator.display_name as created_by_name']);
}
export type ReturnRow = Awaited<ReturnType<ReturnType<typeof returnsBase>['executeTakeFirstOrThrow']>>;

const year4 = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 4)`;

/** The only SQL of transactions; every call takes the transaction when there is one. */
/**
 * Insert-or-update rows keyed by customer, 500 to a statement: every column a row gives other than the key
 * takes the new value. The rows of one call share their columns.
 */
async function upsertPerCustomer<T extends 'customer_classes' | 'customer_dimension_classes'>(db: Q, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  const anyDb = db as Kysely<any>; // the columns are the rows' own keys, known only at run time
  if (!rows.length) return;
  const columns = Object.keys(rows[0]).filter((c) => c !== 'customer_id');
  for (let i = 0; i < rows.length; i += 500) {
    await anyDb
      .insertInto(table as string)
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('customer_id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}

export const transactionQueries = {
  /**
   * Sales per customer and product between two days (inclusive), not yet executed: the analysis tables
   * (docs/regulations.md §16) join it to the customer directory and aggregate further in one statement.
   */
  salesByCustomerProduct(db: Q, from: string, to: string) {
    return db
      .selectFrom('transactions')
      .where('date', '>=', from)
      .where('date', '<=', to)
      .groupBy(['customer_id', 'product'])
      .select((eb) => ['customer_id', 'product', eb.fn.sum<number | string>('amount_cents').as('amount_cents')]);
  },
  /** Gross sales per customer and month (YYYY-MM) from one day to another, for the dashboards (docs/regulations.md §16). */
  salesByCustomerMonth(db: Q, from: string, to: string) {
    const month = sql<string>`substr(date, 1, 7)`;
    return db
      .selectFrom('transactions')
      .where('date', '>=', from)
      .where('date', '<=', to)
      .groupBy(['customer_id', month])
      .select((eb) => ['customer_id', month.as('month'), eb.fn.sum<number | string>('amount_cents').as('amount_cents')]);
  },
  /**
   * Sales lines (customer, month YYYY-MM, amount) between two days, not aggregated: joined to a few customers'
   * ids the database reads only their lines through the (customer_id, date) index (docs/regulations.md §16).
   */
  salesLines(db: Q, from: string, to: string) {
    return db
      .selectFrom('transactions')
      .where('date', '>=', from)
      .where('date', '<=', to)
      .select(['customer_id', sql<string>`substr(date, 1, 7)`.as('month'), 'amount_cents']);
  },
  /** For the public pool (docs/regulations.md §8): the day of each customer's latest sale. */
  async lastDates(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    return db.selectFrom('transactions').select((eb) => ['customer_id', eb.fn.max('date').as('last')]).where('customer_id', 'in', customerIds).groupBy('customer_id').execute();
  },
  async firstDates(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    return db.selectFrom('transactions').select((eb) => ['customer_id', eb.fn.min('date').as('first')]).where('customer_id', 'in', customerIds).groupBy('customer_id').execute();
  },
  /**
   * Transactions are scoped by their customer (docs/regulations.md §1): a transfer moves them along. The
   * total stops at transactionListLimits.countCap: the opening screen over a 10M-line ledger is not counted to the end.
   */
  async list(db: Q, actor: Actor, f: TransactionFilters, p: { page: number; pageSize: number; sort: { field: TransactionSortField; direction: 'asc' | 'desc' } }) {
    let qb = base(db).where(scopeCondition(actor, RESOURCES.customer));
    if (f.customerId !== undefined) qb = qb.where('transactions.customer_id', '=', f.customerId);
    if (f.salespersonId !== undefined) qb = qb.where('transactions.salesperson_id', '=', f.salespersonId);
    if (f.from) qb = qb.where('transactions.date', '>=', f.from);
    if (f.to) qb = qb.where('transactions.date', '<=', f.to);
    if (f.q) {
      const text = f.q;
      qb = qb.where((eb) =>
        eb.or([containsText('customers.name', text), containsText('transactions.product', text), containsText('transactions.model', text), containsText('transactions.source_doc_no', text)]),
      );
    }
    return pagedCapped(db, qb.orderBy(sql.ref(TRANSACTION_SORT[p.sort.field]), p.sort.direction).orderBy('transactions.id', p.sort.direction), qb.clearSelect(), p, transactionListLimits.countCap);
  },

  get(db: Q, id: number) {
    return base(db).where('transactions.id', '=', id).executeTakeFirst();
  },

  async visible(db: Q, actor: Actor, id: number) {
    return !!(await db
      .selectFrom('transactions')
      .innerJoin('customer_directory as customers', 'customers.id', 'transactions.customer_id')
      .select('transactions.id')
      .where('transactions.id', '=', id)
      .where(scopeCondition(actor, RESOURCES.customer))
      .executeTakeFirst());
  },

  /** Inserts unless the source system already has this document; the id, or undefined when it was there. */
  async insertIfNew(db: Q, values: Insertable<Database['transactions']>) {
    const row = await db
      .insertInto('transactions')
      .values(values)
      .onConflict((oc) => oc.columns(['source_system', 'source_doc_no']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  /**
   * Many pushed documents in one statement per 500 rows (an ERP batch); those the source system already
   * has are skipped. Returns the document numbers inserted, with their ids.
   */
  async insertManyIfNew(db: Q, rows: Insertable<Database['transactions']>[]) {
    const out: { id: number; source_doc_no: string | null }[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      out.push(
        ...(await db
          .insertInto('transactions')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) => oc.columns(['source_system', 'source_doc_no']).doNothing())
          .returning(['id', 'source_doc_no'])
          .execute()),
      );
    }
    return out;
  },

  async docNosTaken(db: Q, sourceSystem: string, docNos: string[]) {
    if (!docNos.length) return new Set<string>();
    const out = new Set<string>();
    for (let i = 0; i < docNos.length; i += 500) {
      const rows = await db.selectFrom('transactions').select('source_doc_no').where('source_system', '=', sourceSystem).where('source_doc_no', 'in', docNos.slice(i, i + 500)).execute();
      for (const r of rows) if (r.source_doc_no) out.add(r.source_doc_no);
    }
    return out;
  },

  /** Customers inside the actor's scope, by id or archive number. */
  async visibleCustomers(db: Q, actor: Actor, ids: number[], archiveNos: string[]) {
    if (!ids.length && !archiveNos.length) return [];
    return db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.archive_no'])
      .where((eb) => eb.or([...(ids.length ? [eb('customers.id', 'in', ids)] : []), ...(archiveNos.length ? [eb('customers.archive_no', 'in', archiveNos)] : [])]))
      .where(scopeCondition(actor, RESOURCES.customer))
      .execute();
  },

  contract(db: Q, id: number) {
    return db.selectFrom('contracts').select(['id', 'customer_id', 'contract_no']).where('id', '=', id).executeTakeFirst();
  },

  contractsByNo(db: Q, nos: string[]) {
    if (!nos.length) return Promise.resolve([] as { id: number; customer_id: number; contract_no: string }[]);
    return db.selectFrom('contracts').select(['id', 'customer_id', 'contract_no']).where('contract_no', 'in', nos).execute();
  },

  activeUser(db: Q, id: number) {
    return db.selectFrom('user_directory').select(['id', 'display_name']).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  },

  activeUsersByName(db: Q, usernames: string[]) {
    if (!usernames.length) return Promise.resolve([] as { id: number; username: string }[]);
    return db.selectFrom('user_directory').select(['id', 'username']).where('username', 'in', usernames).where('active', '=', 1).execute();
  },

  async insertReturn(db: Q, values: Insertable<Database['transaction_returns']>) {
    return (await db.insertInto('transaction_returns').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },

  getReturn(db: Q, id: number) {
    return returnsBase(db).where('transaction_returns.id', '=', id).executeTakeFirstOrThrow();
  },

  async returnedOf(db: Q, transactionId: number) {
    const r = await db.selectFrom('transaction_returns').select((eb) => eb.fn.sum<number>('amount_cents').as('n')).where('transaction_id', '=', transactionId).executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  listReturns(db: Q, actor: Actor, f: { customerId?: number }, p: { page: number; pageSize: number }) {
    let qb = returnsBase(db).where(scopeCondition(actor, RESOURCES.customer));
    if (f.customerId !== undefined) qb = qb.where('transaction_returns.customer_id', '=', f.customerId);
    return paged(qb.orderBy('transaction_returns.date', 'desc').orderBy('transaction_returns.id', 'desc'), qb.clearSelect(), p);
  },

  /**
   * Gross purchases and returns per customer and calendar year. A return counts in the year of the
   * transaction it belongs to (it undoes that year's purchase), else in its own year.
   */
  async yearTotals(db: Q, customerIds: number[]): Promise<Map<number, YearTotal[]>> {
    const out = new Map<number, YearTotal[]>();
    if (!customerIds.length) return out;
    const gross = await db
      .selectFrom('transactions')
      .select(['customer_id', year4('date').as('y'), (eb) => eb.fn.sum<number>('amount_cents').as('n')])
      .where('customer_id', 'in', customerIds)
      .groupBy(['customer_id', year4('date')])
      .execute();
    const returnYear = sql<string>`substr(coalesce(${sql.ref('transactions.date')}, ${sql.ref('transaction_returns.date')}), 1, 4)`;
    const returned = await db
      .selectFrom('transaction_returns')
      .leftJoin('transactions', 'transactions.id', 'transaction_returns.transaction_id')
      .select(['transaction_returns.customer_id', returnYear.as('y'), (eb) => eb.fn.sum<number>('transaction_returns.amount_cents').as('n')])
      .where('transaction_returns.customer_id', 'in', customerIds)
      .groupBy(['transaction_returns.customer_id', returnYear])
      .execute();
    const slot = (customerId: number, y: number) => {
      const list = out.get(customerId) ?? [];
      out.set(customerId, list);
      let t = list.find((x) => x.year === y);
      if (!t) list.push((t = { year: y, grossCents: 0, returnedCents: 0 }));
      return t;
    };
    for (const r of gross) slot(r.customer_id, Number(r.y)).grossCents += Number(r.n);
    for (const r of returned) slot(r.customer_id, Number(r.y)).returnedCents += Number(r.n);
    for (const list of out.values()) list.sort((a, b) => a.year - b.year);
    return out;
  },

  classesOf(db: Q, customerIds: number[]) {
    if (!customerIds.length) return Promise.resolve([]);
    return db.selectFrom('customer_classes').selectAll().where('customer_id', 'in', customerIds).execute();
  },

  classOf(db: Q, customerId: number) {
    return db.selectFrom('customer_classes').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  },

  async upsertClass(db: Q, values: Insertable<Database['customer_classes']>) {
    const { customer_id, ...rest } = values;
    await db
      .insertInto('customer_classes')
      .values(values)
      .onConflict((oc) => oc.column('customer_id').doUpdateSet(rest))
      .execute();
  },

  /** The nightly run writes its classes set-based: one statement per 500 customers, not one per customer. */
  upsertClasses: (db: Q, rows: Insertable<Database['customer_classes']>[]) => upsertPerCustomer(db, 'customer_classes', rows),

  async deleteClasses(db: Q, customerIds: number[]) {
    if (customerIds.length) await db.deleteFrom('customer_classes').where('customer_id', 'in', customerIds).execute();
  },

  async insertClassChanges(db: Q, rows: Insertable<Database['customer_class_changes']>[]) {
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('customer_class_changes').values(rows.slice(i, i + 500)).execute();
  },

  async touchClasses(db: Q, customerIds: number[], now: string) {
    if (customerIds.length) await db.updateTable('customer_classes').set({ computed_at: now }).where('customer_id', 'in', customerIds).execute();
  },

  async deleteClass(db: Q, customerId: number) {
    await db.deleteFrom('customer_classes').where('customer_id', '=', customerId).execute();
  },

  classChanges(db: Q, customerId: number) {
    return db
      .selectFrom('customer_class_changes')
      .leftJoin('user_directory as users', 'users.id', 'customer_class_changes.actor_id')
      .selectAll('customer_class_changes')
      .select('users.display_name as actor_name')
      .where('customer_class_changes.customer_id', '=', customerId)
      .orderBy('customer_class_changes.id', 'desc')
      .limit(100)
      .execute();
  },

  /** What the industry and cooperation classes are computed from: the archive's fields and the first transaction. */
  async dimensionInputs(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    const first = db
      .selectFrom('transactions')
      .select(['customer_id', (eb) => eb.fn.min<string>('date').as('first_date')])
      .where('customer_id', 'in', customerIds)
      .groupBy('customer_id')
      .as('first');
    return db
      .selectFrom('customer_directory as customers')
      .leftJoin(first, 'first.customer_id', 'customers.id')
      .select(['customers.id', 'customers.industry', 'customers.cooperation_since', 'first.first_date'])
      .where('customers.id', 'in', customerIds)
      .execute();
  },

  dimensionClassesOf(db: Q, customerIds: number[]) {
    if (!customerIds.length) return Promise.resolve([]);
    return db.selectFrom('customer_dimension_classes').selectAll().where('customer_id', 'in', customerIds).execute();
  },

  /** Set-based, like upsertClasses (the nightly run covers every customer). */
  upsertDimensionClasses: (db: Q, rows: Insertable<Database['customer_dimension_classes']>[]) => upsertPerCustomer(db, 'customer_dimension_classes', rows),

  async deleteDimensionClasses(db: Q, customerIds: number[]) {
    if (customerIds.length) await db.deleteFrom('customer_dimension_classes').where('customer_id', 'in', customerIds).execute();
  },

  async touchDimensionClasses(db: Q, customerIds: number[], now: string) {
    if (customerIds.length) await db.updateTable('customer_dimension_classes').set({ computed_at: now }).where('customer_id', 'in', customerIds).execute();
  },

  /** When the nightly run last started (its lease row), if ever. */
  async lastRunAt(db: Q, name: string) {
    return (await db.selectFrom('job_leases').select('last_run_at').where('name', '=', name).executeTakeFirst())?.last_run_at ?? null;
  },

  /**
   * Customers that have purchases, an industry, a cooperation start or a class, in id order from `afterId` (the
   * nightly run's batches; on PostgreSQL a union of each source's next ids, 10 ms a batch against 1.3 s for the
   * OR of EXISTS at 1M customers: docs/performance.md).
   */
  classifiableAfter: (db: Q, kind: DialectKind, afterId: number, limit: number) =>
    nextIdsInAny(db, kind, {
      directory: 'customer_directory',
      afterId,
      limit,
      sources: [
        { table: 'transactions', column: 'customer_id' },
        { table: 'customer_classes', column: 'customer_id' },
        { table: 'customer_dimension_classes', column: 'customer_id' },
      ],
      own: [(eb) => eb('d.industry', 'is not', null), (eb) => eb('d.cooperation_since', 'is not', null)],
    }),

  /**
   * What membership earns and takes back points from (docs/regulations.md §3): these customers'
   * transactions and returns from a day on, read through this export so transactions names no reader.
   */
  async pointSources(db: Q, customerIds: number[], fromDate: string) {
    if (!customerIds.length) return { transactions: [], returns: [] };
    const transactions = await db
      .selectFrom('transactions')
      .select(['id', 'customer_id', 'date', 'amount_cents'])
      .where('customer_id', 'in', customerIds)
      .where('date', '>=', fromDate)
      .orderBy('id')
      .execute();
    const returns = await db
      .selectFrom('transaction_returns')
      .select(['id', 'customer_id', 'transaction_id', 'date', 'amount_cents'])
      .where('customer_id', 'in', customerIds)
      .where('date', '>=', fromDate)
      .orderBy('id')
      .execute();
    return { transactions, returns };
  },

  /**
   * Purchases per customer between two days (inclusive; `from` null = since the first): the newest day,
   * the number of transactions and their amount in 分. An unexecuted subquery, so the loyalty module's RFM
   * quintiles (docs/regulations.md §16) are computed in one statement without naming this table.
   */
  purchaseTotals(db: Q, from: string | null, to: string) {
    let qb = db
      .selectFrom('transactions')
      .select((eb) => ['transactions.customer_id', eb.fn.max('transactions.date').as('last_date'), eb.fn.countAll().as('orders'), eb.fn.sum('transactions.amount_cents').as('amount_cents')])
      .where('transactions.date', '<=', to)
      .groupBy('transactions.customer_id');
    if (from) qb = qb.where('transactions.date', '>=', from);
    return qb;
  },

  /** A merge (查重) keeps the survivor: the merged customer's transactions, returns and class history follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('transactions').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('transaction_returns').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('customer_class_changes').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.deleteFrom('customer_classes').where('customer_id', '=', fromId).execute();
    await db.deleteFrom('customer_dimension_classes').where('customer_id', '=', fromId).execute();
  },
};
