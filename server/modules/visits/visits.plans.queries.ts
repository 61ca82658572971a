import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { people } from '../org/org.queries';
import type { VisitPlanLineTable, VisitPlanTable } from './visits.tables';

type Q = Kysely<Database>;

export interface PlanFilters {
  authorId?: number;
  kind?: string;
  status?: string;
  period?: string;
}

function planRows(db: Q) {
  return db
    .selectFrom('visit_plans')
    .leftJoin('user_directory as author', 'author.id', 'visit_plans.author_id')
    .selectAll('visit_plans')
    .select(['author.display_name as author_name']);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof planRows>['executeTakeFirstOrThrow']>>;

function lineRows(db: Q) {
  return db
    .selectFrom('visit_plan_lines')
    .innerJoin('customer_directory as customers', 'customers.id', 'visit_plan_lines.customer_id')
    .selectAll('visit_plan_lines')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no'])
    // the earliest visit recorded against the line: the line is done
    .select((eb) => eb.selectFrom('visits').select((e) => e.fn.min('visits.id').as('v')).whereRef('visits.plan_line_id', '=', 'visit_plan_lines.id').as('visit_id'));
}
export type PlanLineRow = Awaited<ReturnType<ReturnType<typeof lineRows>['executeTakeFirstOrThrow']>>;

/** The SQL of visit plans (docs/regulations.md §8). */
export const planQueries = {
  user: async (db: Q, id: number) => (await people.byIds(db, [id]))[0],

  async insertPlan(db: Q, row: Insertable<VisitPlanTable>) {
    return (await db.insertInto('visit_plans').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async patchPlan(db: Q, id: number, patch: Updateable<VisitPlanTable>) {
    await db.updateTable('visit_plans').set(patch).where('id', '=', id).execute();
  },
  getPlan: (db: Q, id: number) => planRows(db).where('visit_plans.id', '=', id).executeTakeFirst(),
  planOf: (db: Q, authorId: number, kind: string, period: string) =>
    db.selectFrom('visit_plans').select('id').where('author_id', '=', authorId).where('kind', '=', kind).where('period', '=', period).executeTakeFirst(),
  planVisible: async (db: Q, actor: Actor, id: number) =>
    !!(await db.selectFrom('visit_plans').select('visit_plans.id').where('visit_plans.id', '=', id).where(scopeCondition(actor, RESOURCES.visit_plan)).executeTakeFirst()),

  listPlans(db: Q, actor: Actor, f: PlanFilters) {
    let qb = planRows(db).where(scopeCondition(actor, RESOURCES.visit_plan));
    if (f.authorId !== undefined) qb = qb.where('visit_plans.author_id', '=', f.authorId);
    if (f.kind) qb = qb.where('visit_plans.kind', '=', f.kind);
    if (f.status) qb = qb.where('visit_plans.status', '=', f.status);
    if (f.period) qb = qb.where('visit_plans.period', '=', f.period);
    return qb.orderBy('visit_plans.period_start', 'desc').orderBy('visit_plans.id', 'desc').limit(500).execute();
  },

  /** Counts of lines and done lines per plan. */
  async lineCounts(db: Q, planIds: number[]) {
    const out = new Map<number, { lines: number; done: number }>();
    if (!planIds.length) return out;
    const rows = await db
      .selectFrom('visit_plan_lines')
      .select(['visit_plan_lines.plan_id'])
      .select((eb) => eb.exists(eb.selectFrom('visits').select('visits.id').whereRef('visits.plan_line_id', '=', 'visit_plan_lines.id')).as('done'))
      .where('visit_plan_lines.plan_id', 'in', planIds)
      .execute();
    for (const r of rows) {
      const c = out.get(r.plan_id) ?? { lines: 0, done: 0 };
      c.lines++;
      if (r.done === true || Number(r.done) === 1) c.done++;
      out.set(r.plan_id, c);
    }
    return out;
  },

  lines: (db: Q, planId: number) => lineRows(db).where('visit_plan_lines.plan_id', '=', planId).orderBy('visit_plan_lines.position').orderBy('visit_plan_lines.id').execute(),
  line: (db: Q, id: number) =>
    db
      .selectFrom('visit_plan_lines')
      .innerJoin('visit_plans', 'visit_plans.id', 'visit_plan_lines.plan_id')
      .select(['visit_plan_lines.id', 'visit_plan_lines.customer_id', 'visit_plans.author_id', 'visit_plans.status'])
      .where('visit_plan_lines.id', '=', id)
      .executeTakeFirst(),
  async insertLine(db: Q, row: Insertable<VisitPlanLineTable>) {
    await db.insertInto('visit_plan_lines').values(row).execute();
  },
  async updateLine(db: Q, id: number, planId: number, patch: Updateable<VisitPlanLineTable>) {
    await db.updateTable('visit_plan_lines').set(patch).where('id', '=', id).where('plan_id', '=', planId).execute();
  },
  async deleteLines(db: Q, planId: number, keep: number[]) {
    let qb = db.deleteFrom('visit_plan_lines').where('plan_id', '=', planId);
    if (keep.length) qb = qb.where('id', 'not in', keep);
    await qb.execute();
  },

  /** The author's open lines for a customer, of plans submitted or approved: what a visit may carry out. */
  openLinesOf: (db: Q, authorId: number, customerId: number) =>
    lineRows(db)
      .innerJoin('visit_plans', 'visit_plans.id', 'visit_plan_lines.plan_id')
      .select(['visit_plans.kind as plan_kind', 'visit_plans.period as plan_period'])
      .where('visit_plans.author_id', '=', authorId)
      .where('visit_plan_lines.customer_id', '=', customerId)
      .where('visit_plans.status', 'in', ['pending', 'approved'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('visits').select('visits.id').whereRef('visits.plan_line_id', '=', 'visit_plan_lines.id'))))
      .orderBy('visit_plan_lines.planned_on')
      .limit(50)
      .execute(),

  /** The customers of the archive the author owns, for suggestions after those owed by cadence. */
  ownedCustomers: (db: Q, ownerId: number) =>
    db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.name', 'customers.archive_no', 'customers.grade'])
      .where('customers.owner_id', '=', ownerId)
      .where('customers.status', '!=', 'lost')
      .orderBy('customers.name')
      .limit(500)
      .execute(),
  customersByIds: (db: Q, ids: number[]) =>
    ids.length
      ? db.selectFrom('customer_directory as customers').select(['customers.id', 'customers.name', 'customers.archive_no', 'customers.grade']).where('customers.id', 'in', [...new Set(ids)]).execute()
      : Promise.resolve([]),
  customersVisible: async (db: Q, actor: Actor, ids: number[]) =>
    ids.length
      ? new Set(
          (await db.selectFrom('customer_directory as customers').select('customers.id').where('customers.id', 'in', [...new Set(ids)]).where(scopeCondition(actor, RESOURCES.customer)).execute()).map(
            (r) => r.id,
          ),
        )
      : new Set<number>(),

  /** One author's plans of a kind for some periods, with their first submission (for the KPIs' plans owed). */
  plansOfPeriods(db: Q, authorId: number, kind: string, periods: string[]) {
    // An empty IN list is not valid SQL: no period matches the empty string.
    return db.selectFrom('visit_plans').select(['id', 'period', 'submitted_at']).where('author_id', '=', authorId).where('kind', '=', kind).where('period', 'in', periods.length ? periods : ['']).execute();
  },

  /** Plans first submitted after their due day (for the KPIs). */
  latePlans(db: Q, f: { authorId?: number; from?: string; to?: string }) {
    let qb = planRows(db).where('visit_plans.late', '=', 1);
    if (f.authorId !== undefined) qb = qb.where('visit_plans.author_id', '=', f.authorId);
    if (f.from) qb = qb.where('visit_plans.period_start', '>=', f.from);
    if (f.to) qb = qb.where('visit_plans.period_start', '<=', f.to);
    return qb.orderBy('visit_plans.period_start').orderBy('visit_plans.author_id').execute();
  },

  /** A merge keeps the survivor: plan lines follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('visit_plan_lines').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
};
