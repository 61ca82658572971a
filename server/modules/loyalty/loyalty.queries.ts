import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { transactionQueries } from '../transactions/transactions.queries';

type Q = Kysely<Database>;

/** Customers who buy: 正式 and 休眠 (prospects are not yet customers; lost ones are no longer watched). */
export const ACTIVE_STATUSES = ['formal', 'dormant'];

function customers(db: Q) {
  return db
    .selectFrom('customer_directory as customers')
    .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
    .select(['customers.id', 'customers.name', 'customers.archive_no', 'customers.status', 'customers.owner_id', 'customers.team_id', 'customers.cooperation_since', 'owner.display_name as owner_name'])
    .where('customers.status', 'in', ACTIVE_STATUSES);
}
export type LoyaltyCustomer = Awaited<ReturnType<ReturnType<typeof customers>['execute']>>[number];

export interface RfmRow {
  customer_id: number;
  last_date: string;
  orders: number;
  amount_cents: number;
  r: number;
  f: number;
  m: number;
  value_rank: number;
  population: number;
}

/**
 * RFM quintiles in one statement (docs/regulations.md §16): NTILE(5) over every customer with purchases in
 * the window (SQLite ≥ 3.25 and PostgreSQL). Higher is better: the most recent, most frequent, biggest buyers
 * score 5; ties are ranked by customer id, so the split is stable. The value rank orders by R + F + M, then amount.
 */
function rfm(db: Q, from: string, to: string) {
  const p = transactionQueries.purchaseTotals(db, from, to).as('p');
  const scored = db
    .selectFrom(p)
    .select([
      'p.customer_id',
      'p.last_date',
      'p.orders',
      'p.amount_cents',
      sql<number>`ntile(5) over (order by p.last_date, p.customer_id)`.as('r'),
      sql<number>`ntile(5) over (order by p.orders, p.customer_id)`.as('f'),
      sql<number>`ntile(5) over (order by p.amount_cents, p.customer_id)`.as('m'),
    ])
    .as('s');
  return db
    .selectFrom(scored)
    .select([
      's.customer_id',
      's.last_date',
      's.orders',
      's.amount_cents',
      's.r',
      's.f',
      's.m',
      sql<number>`row_number() over (order by s.r + s.f + s.m desc, s.amount_cents desc, s.customer_id)`.as('value_rank'),
      sql<number>`count(*) over ()`.as('population'),
    ])
    .as('rfm');
}

const num = (r: Record<string, unknown>): RfmRow => ({
  customer_id: Number(r.customer_id),
  last_date: String(r.last_date),
  orders: Number(r.orders),
  amount_cents: Number(r.amount_cents),
  r: Number(r.r),
  f: Number(r.f),
  m: Number(r.m),
  value_rank: Number(r.value_rank),
  population: Number(r.population),
});

export const loyaltyQueries = {
  /** RFM scores of every buyer in [from, to] as a sub-query aliased `rfm` (customer_id, r, f, m), for the C卡 table. */
  rfmSource: (db: Q, from: string, to: string) => rfm(db, from, to),
  /** Active customers in id order from `afterId` (the run, in batches). */
  batch: (db: Q, afterId: number, limit: number) => customers(db).where('customers.id', '>', afterId).orderBy('customers.id').limit(limit).execute(),
  inScope(db: Q, actor: Actor, f: { ownerId?: number; teamId?: number }) {
    let qb = customers(db).where(scopeCondition(actor, RESOURCES.customer));
    if (f.ownerId) qb = qb.where('customers.owner_id', '=', f.ownerId);
    if (f.teamId) qb = qb.where('customers.team_id', '=', f.teamId);
    return qb.orderBy('customers.id').execute();
  },
  one: (db: Q, id: number) => customers(db).where('customers.id', '=', id).executeTakeFirst(),
  status: (db: Q, id: number) => db.selectFrom('customer_directory').select(['id', 'status']).where('id', '=', id).executeTakeFirst(),

  risksOf: (db: Q, customerIds: number[]) =>
    customerIds.length ? db.selectFrom('loyalty_churn_risks').selectAll().where('customer_id', 'in', customerIds).execute() : Promise.resolve([]),
  risk: (db: Q, customerId: number, riskSince: string) => db.selectFrom('loyalty_churn_risks').selectAll().where('customer_id', '=', customerId).where('risk_since', '=', riskSince).executeTakeFirst(),
  async insertRisk(db: Q, row: { customer_id: number; risk_since: string; owner_id: number | null; created_at: string }) {
    return (await db.insertInto('loyalty_churn_risks').values({ ...row, task_id: null, reason: null, reason_by: null, reason_at: null, closed_at: null }).returning('id').executeTakeFirstOrThrow()).id;
  },
  /** Conditional, so of two runs only one attaches its task to the period. */
  async attachTask(db: Q, id: number, taskId: number) {
    return Number((await db.updateTable('loyalty_churn_risks').set({ task_id: taskId }).where('id', '=', id).where('task_id', 'is', null).executeTakeFirst()).numUpdatedRows) === 1;
  },
  openWithTask: (db: Q, afterId: number, limit: number) =>
    db.selectFrom('loyalty_churn_risks').selectAll().where('closed_at', 'is', null).where('task_id', 'is not', null).where('id', '>', afterId).orderBy('id').limit(limit).execute(),
  /** Conditional, so two runs cannot both close one period. */
  async close(db: Q, id: number, at: string) {
    return Number((await db.updateTable('loyalty_churn_risks').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst()).numUpdatedRows) === 1;
  },
  setReason: (db: Q, id: number, reason: string, by: number, at: string) => db.updateTable('loyalty_churn_risks').set({ reason, reason_by: by, reason_at: at }).where('id', '=', id).execute(),

  /** Active customers in scope whose newest purchase is on or before `cutoff` (customers who never bought are not listed). */
  async lostCandidates(db: Q, actor: Actor, cutoff: string, today: string) {
    const p = transactionQueries.purchaseTotals(db, null, today).as('p');
    const rows = await customers(db)
      .innerJoin(p, 'p.customer_id', 'customers.id')
      .select(['p.last_date', 'p.orders', 'p.amount_cents'])
      .where(scopeCondition(actor, RESOURCES.customer))
      .where('p.last_date', '<=', cutoff)
      .orderBy('p.last_date')
      .orderBy('customers.id')
      .limit(1000)
      .execute();
    return rows.map((r) => ({ ...r, last_date: String(r.last_date), orders: Number(r.orders), amount_cents: Number(r.amount_cents) }));
  },
  lastPurchase: async (db: Q, customerId: number, today: string) => {
    const r = await db.selectFrom(transactionQueries.purchaseTotals(db, null, today).as('p')).select(['p.last_date']).where('p.customer_id', '=', customerId).executeTakeFirst();
    return r?.last_date != null ? String(r.last_date) : null;
  },

  /** The RFM rows of the customers in the actor's scope, ranked by value (scores over every buyer in the window). */
  async rfmInScope(db: Q, actor: Actor, from: string, to: string, f: { highs?: { r: boolean; f: boolean; m: boolean }; limit: number }) {
    let qb = db
      .selectFrom(rfm(db, from, to))
      .innerJoin('customer_directory as customers', 'customers.id', 'rfm.customer_id')
      .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
      .selectAll('rfm')
      .select(['customers.name', 'customers.archive_no', 'customers.owner_id', 'owner.display_name as owner_name'])
      .where(scopeCondition(actor, RESOURCES.customer));
    // One segment = high or low on each score (loyalty.rules.ts segmentOf: high = 3 or more).
    if (f.highs) for (const k of ['r', 'f', 'm'] as const) qb = qb.where(`rfm.${k}`, f.highs[k] ? '>=' : '<', 3);
    const rows = await qb.orderBy('rfm.value_rank').limit(f.limit).execute();
    return rows.map((r) => ({ ...num(r), name: r.name, archive_no: r.archive_no, owner_id: r.owner_id, owner_name: r.owner_name }));
  },
  async rfmOf(db: Q, customerId: number, from: string, to: string) {
    const r = await db.selectFrom(rfm(db, from, to)).selectAll('rfm').where('rfm.customer_id', '=', customerId).executeTakeFirst();
    return r ? num(r) : null;
  },

  /** Customer merge (docs/architecture.md): periods both customers have collapse into the kept one's. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db
      .deleteFrom('loyalty_churn_risks')
      .where('customer_id', '=', fromId)
      .where('risk_since', 'in', db.selectFrom('loyalty_churn_risks as kept').select('kept.risk_since').where('kept.customer_id', '=', toId))
      .execute();
    await db.updateTable('loyalty_churn_risks').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
};
