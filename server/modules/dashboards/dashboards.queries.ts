import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { type ScopedResource, scopeCondition } from '../../platform/permissions/scope';

type Q = Kysely<Database>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Source<Row> = SelectQueryBuilder<any, any, Row>;

/** The customer as the directory shows it, scoped like the archive (docs/regulations.md §1); finance reads every customer. */
export const CUSTOMER: ScopedResource = { table: 'customer_directory', id: 'c.id', owner: 'c.owner_id', team: 'c.team_id', department: 'c.department_id', widerFor: { finance: 'all' } };
/** A pool movement belongs to the person who released or claimed the customer (docs/regulations.md §8). */
const MOVER: ScopedResource = { table: 'pool_events', id: 'p.id', owner: 'p.user_id', team: 'u.team_id', department: 'u.department_id' };

export type SalesByMonth = Source<{ customer_id: number; month: string; amount_cents: number | string }>;
export type SalesByProduct = Source<{ customer_id: number; product: string; amount_cents: number | string }>;
export type Scores = Source<{ customer_id: number; satisfaction_index: number | null }>;
export type Movements = Source<{ id: number; kind: string; day: string; user_id: number | null }>;

const int = (v: unknown) => Number(v ?? 0);
const customers = (db: Q, actor: Actor) => db.selectFrom('customer_directory as c').where(scopeCondition(actor, CUSTOMER));

/** The only SQL of the dashboards (docs/regulations.md §16): every figure is one aggregate within the caller's scope. */
export const dashboardQueries = {
  /** Customers per confirmed grade and province. */
  async gradeRegion(db: Q, actor: Actor) {
    const rows = await customers(db, actor)
      .groupBy(['c.grade', 'c.province'])
      .select((eb) => ['c.grade', 'c.province', eb.fn.countAll<number>().as('n')])
      .execute();
    return rows.map((r) => ({ grade: (r.grade as string | null) ?? null, province: (r.province as string | null) ?? null, customers: int(r.n) }));
  },

  async salesByMonth(db: Q, actor: Actor, sales: SalesByMonth) {
    const rows = await customers(db, actor)
      .innerJoin(sales.as('s'), 's.customer_id', 'c.id')
      .groupBy('s.month')
      .select((eb) => ['s.month', eb.fn.sum<number>('s.amount_cents').as('cents')])
      .orderBy('s.month')
      .execute();
    return rows.map((r) => ({ month: String(r.month), cents: int(r.cents) }));
  },

  async topCustomers(db: Q, actor: Actor, sales: SalesByProduct, limit: number) {
    const rows = await customers(db, actor)
      .innerJoin(sales.as('s'), 's.customer_id', 'c.id')
      .groupBy(['c.id', 'c.name'])
      .select((eb) => ['c.id', 'c.name', eb.fn.sum<number>('s.amount_cents').as('cents')])
      .orderBy('cents', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id as number, name: r.name as string, cents: int(r.cents) }));
  },

  async satisfaction(db: Q, actor: Actor, scores: Scores) {
    const r = await customers(db, actor)
      .innerJoin(scores.as('s'), 's.customer_id', 'c.id')
      .select((eb: ExpressionBuilder<any, any>) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('s.satisfaction_index').as('idx')])
      .executeTakeFirst();
    return { responses: int(r?.n), index: r?.idx == null ? null : Math.round(Number(r.idx) * 10) / 10 };
  },

  async poolByMonth(db: Q, actor: Actor, moves: Movements) {
    const month = sql<string>`substr(p.day, 1, 7)`;
    const rows = await db
      .selectFrom(moves.as('p'))
      .leftJoin('user_directory as u', 'u.id', 'p.user_id')
      .where(scopeCondition(actor, MOVER))
      .groupBy(month)
      .select((eb: ExpressionBuilder<any, any>) => [
        month.as('month'),
        eb.fn.sum<number>(sql`case when p.kind = 'released' then 1 else 0 end`).as('released'),
        eb.fn.sum<number>(sql`case when p.kind = 'claimed' then 1 else 0 end`).as('claimed'),
      ])
      .orderBy(month)
      .execute();
    return rows.map((r) => ({ month: String(r.month), released: int(r.released), claimed: int(r.claimed) }));
  },

  snapshot: (db: Q, name: string) => db.selectFrom('dashboard_snapshots').selectAll().where('name', '=', name).executeTakeFirst(),
  async saveSnapshot(db: Q, name: string, body: string, at: string) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('dashboard_snapshots').where('name', '=', name).execute();
      await trx.insertInto('dashboard_snapshots').values({ name, body, computed_at: at }).execute();
    });
  },
};
