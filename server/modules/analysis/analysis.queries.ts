import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { type ScopedResource, scopeCondition } from '../../platform/permissions/scope';

type Q = Kysely<Database>;

/** The customer as the directory shows it, scoped like the archive (finance reads every customer). */
const CUSTOMER: ScopedResource = { table: 'customer_directory', id: 'c.id', owner: 'c.owner_id', team: 'c.team_id', department: 'c.department_id', widerFor: { finance: 'all' } };

export interface CustomerFilter {
  teamId?: number;
  ownerId?: number;
  province?: string;
  city?: string;
  industry?: string;
  grade?: string;
}

/** Per customer and product: sales between two days, as built by the transactions service. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SalesSource = SelectQueryBuilder<any, any, { customer_id: number; product: string; amount_cents: number | string }>;

const int = (v: unknown) => Number(v ?? 0);

/** The caller's scope and the page's filters on the directory, aliased `c`. */
function customers(db: Q, actor: Actor, f: CustomerFilter) {
  let qb = db.selectFrom('customer_directory as c').where(scopeCondition(actor, CUSTOMER));
  if (f.teamId) qb = qb.where('c.team_id', '=', f.teamId);
  if (f.ownerId) qb = qb.where('c.owner_id', '=', f.ownerId);
  if (f.province) qb = qb.where('c.province', '=', f.province);
  if (f.city) qb = qb.where('c.city', '=', f.city);
  if (f.industry) qb = qb.where('c.industry', '=', f.industry);
  if (f.grade) qb = qb.where('c.grade', '=', f.grade);
  return qb;
}

/**
 * When a customer left the archive (删除, docs/regulations.md §16): the latest change of its status to 流失 in
 * the customer's history, counted only while it is still 流失 (a customer brought back is not removed).
 */
function removals(db: Q) {
  return db
    .selectFrom('audit_log')
    .where('entity_type', '=', 'customer')
    .where('changes', 'like', '%"status":[%,"lost"]%')
    .groupBy('entity_id')
    .select((eb) => ['entity_id', eb.fn.max('at').as('removed_at')]);
}

function withRemovals(db: Q, actor: Actor, f: CustomerFilter) {
  return customers(db, actor, f).leftJoin(removals(db).as('r'), (j) =>
    j.on((eb) => eb.and([eb('r.entity_id', '=', sql<string>`cast(c.id as varchar(20))`), eb('c.status', '=', 'lost')])),
  );
}

// The ref of the removal instant, null for customers still in the archive.
const removedAt = sql.ref<string | null>('r.removed_at');

export const analysisQueries = {
  /** Customers before / entered / removed / after the period [start, end) of instants. */
  async growth(db: Q, actor: Actor, f: CustomerFilter, start: string, end: string) {
    const row = await withRemovals(db, actor, f)
      .select((eb: ExpressionBuilder<any, any>) => [
        eb.fn.sum<number>(sql`case when c.created_at < ${start} and (${removedAt} is null or ${removedAt} >= ${start}) then 1 else 0 end`).as('previous'),
        eb.fn.sum<number>(sql`case when c.created_at >= ${start} and c.created_at < ${end} then 1 else 0 end`).as('added'),
        eb.fn.sum<number>(sql`case when c.created_at < ${end} and ${removedAt} >= ${start} and ${removedAt} < ${end} then 1 else 0 end`).as('removed'),
        eb.fn.sum<number>(sql`case when c.created_at < ${end} and (${removedAt} is null or ${removedAt} >= ${end}) then 1 else 0 end`).as('current'),
      ])
      .executeTakeFirst();
    return { previous: int(row?.previous), added: int(row?.added), removed: int(row?.removed), current: int(row?.current) };
  },

  /** Sales in the period split by customers who were in the archive before it began (原客户) and those who entered during it. */
  async salesOldNew(db: Q, actor: Actor, f: CustomerFilter, sales: SalesSource, start: string) {
    const row = await customers(db, actor, f)
      .innerJoin(sales.as('s'), 's.customer_id', 'c.id')
      .select((eb: ExpressionBuilder<any, any>) => [
        eb.fn.sum<number>(sql`case when c.created_at < ${start} then s.amount_cents else 0 end`).as('old_cents'),
        eb.fn.sum<number>(sql`case when c.created_at >= ${start} then s.amount_cents else 0 end`).as('new_cents'),
      ])
      .executeTakeFirst();
    return { oldCents: int(row?.old_cents), newCents: int(row?.new_cents) };
  },

  /** Customers in the archive at the end of the period, per province and city. */
  async customersByRegion(db: Q, actor: Actor, f: CustomerFilter, end: string) {
    const rows = await withRemovals(db, actor, f)
      .where('c.created_at', '<', end)
      .where((eb) => eb.or([eb(removedAt, 'is', null), eb(removedAt, '>=', end)]))
      .groupBy(['c.province', 'c.city'])
      .select((eb) => ['c.province', 'c.city', eb.fn.countAll<number>().as('n')])
      .execute();
    return rows.map((r) => ({ province: r.province, city: r.city, customers: int(r.n) }));
  },

  async salesByRegion(db: Q, actor: Actor, f: CustomerFilter, sales: SalesSource) {
    const rows = await customers(db, actor, f)
      .innerJoin(sales.as('s'), 's.customer_id', 'c.id')
      .groupBy(['c.province', 'c.city'])
      .select((eb) => ['c.province', 'c.city', eb.fn.sum<number>('s.amount_cents').as('cents')])
      .execute();
    return rows.map((r) => ({ province: r.province as string | null, city: r.city as string | null, cents: int(r.cents) }));
  },

  /** The customers with the largest sales in the period, largest first. */
  async topCustomers(db: Q, actor: Actor, f: CustomerFilter, sales: SalesSource, limit: number) {
    const rows = await customers(db, actor, f)
      .innerJoin(sales.as('s'), 's.customer_id', 'c.id')
      .groupBy(['c.id', 'c.name'])
      .select((eb) => ['c.id', 'c.name', eb.fn.sum<number>('s.amount_cents').as('cents')])
      .orderBy('cents', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id as number, name: r.name as string, cents: int(r.cents) }));
  },

  /** Per product: sales and the number of customers who bought it, largest first (purchase structure). */
  async byProduct(db: Q, actor: Actor, f: CustomerFilter, sales: SalesSource) {
    const rows = await customers(db, actor, f)
      .innerJoin(sales.as('s'), 's.customer_id', 'c.id')
      .groupBy('s.product')
      .select((eb) => ['s.product', eb.fn.sum<number>('s.amount_cents').as('cents'), eb.fn.count<number>('c.id').distinct().as('buyers')])
      .orderBy('cents', 'desc')
      .orderBy('s.product')
      .execute();
    return rows.map((r) => ({ product: r.product as string, cents: int(r.cents), customers: int(r.buyers) }));
  },

  /** C卡 (docs/regulations.md §16): customers in the archive at the end of the period, per value of one directory column. */
  async cardBy(db: Q, actor: Actor, f: CustomerFilter, end: string, column: 'status' | 'province' | 'industry') {
    const col = `c.${column}` as const;
    const rows = await withRemovals(db, actor, f)
      .where('c.created_at', '<', end)
      .where((eb) => eb.or([eb(removedAt, 'is', null), eb(removedAt, '>=', end)]))
      .groupBy(col)
      .select((eb) => [sql<string | null>`${sql.ref(col)}`.as('k'), eb.fn.countAll<number>().as('n')])
      .execute();
    return rows.map((r) => ({ key: (r.k as string | null) ?? null, count: int(r.n) }));
  },

  /** C卡 by product: of those customers, how many bought each product in the period; and how many bought anything. */
  async cardByProduct(db: Q, actor: Actor, f: CustomerFilter, end: string, sales: SalesSource) {
    const base = () =>
      withRemovals(db, actor, f)
        .where('c.created_at', '<', end)
        .where((eb) => eb.or([eb(removedAt, 'is', null), eb(removedAt, '>=', end)]))
        .innerJoin(sales.as('s'), 's.customer_id', 'c.id');
    const rows = await base()
      .groupBy('s.product')
      .select((eb) => ['s.product', eb.fn.count<number>('c.id').distinct().as('n')])
      .orderBy('n', 'desc')
      .orderBy('s.product')
      .execute();
    const any = await base()
      .select((eb) => eb.fn.count<number>('c.id').distinct().as('n'))
      .executeTakeFirst();
    return { rows: rows.map((r) => ({ key: r.product as string, count: int(r.n) })), buyers: int(any?.n) };
  },

  /** C卡 by loyalty: those customers with RFM scores, counted by which of R, F, M are high (3 and above, as the segments read them). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async cardByLoyalty(db: Q, actor: Actor, f: CustomerFilter, end: string, rfm: any) {
    const rows = await withRemovals(db, actor, f)
      .where('c.created_at', '<', end)
      .where((eb) => eb.or([eb(removedAt, 'is', null), eb(removedAt, '>=', end)]))
      .innerJoin(rfm, 'rfm.customer_id', 'c.id')
      .groupBy([sql`1`, sql`2`, sql`3`])
      .select((eb: ExpressionBuilder<any, any>) => [
        sql<number>`case when rfm.r >= 3 then 1 else 0 end`.as('rh'),
        sql<number>`case when rfm.f >= 3 then 1 else 0 end`.as('fh'),
        sql<number>`case when rfm.m >= 3 then 1 else 0 end`.as('mh'),
        eb.fn.countAll<number>().as('n'),
      ])
      .execute();
    return rows.map((r: any) => ({ r: int(r.rh) === 1, f: int(r.fh) === 1, m: int(r.mh) === 1, count: int(r.n) }));
  },

  /** The customer × product grid with every customer and product outside the given ones folded into 0 / null (其他). */
  async grid(db: Q, actor: Actor, f: CustomerFilter, sales: SalesSource, customerIds: number[], products: string[]) {
    const cust = customerIds.length ? sql<number>`case when c.id in (${sql.join(customerIds)}) then c.id else 0 end` : sql<number>`0`;
    const prod = products.length ? sql<string | null>`case when s.product in (${sql.join(products)}) then s.product else null end` : sql<string | null>`null`;
    const rows = await customers(db, actor, f)
      .innerJoin(sales.as('s'), 's.customer_id', 'c.id')
      .groupBy([sql`1`, sql`2`]) // by position: PostgreSQL would not match the two parameterised expressions
      .select((eb: ExpressionBuilder<any, any>) => [cust.as('customer_id'), prod.as('product'), eb.fn.sum<number>('s.amount_cents').as('cents')])
      .execute();
    return rows.map((r) => ({ customerId: int(r.customer_id), product: r.product as string | null, cents: int(r.cents) }));
  },
};
