import type { Insertable, Kysely } from 'kysely';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import type { MaintenancePlanTaskTable } from './maintenance.tables';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { paged } from '../../db/paging';
import { customerLookups } from '../customers/customers.queries';
import { people } from '../org/org.queries';

type Q = Kysely<Database>;

export interface PlanFilters {
  q?: string;
  status?: string;
  customerId?: number;
  ownerId?: number;
}

const SORTS = { createdAt: 'maintenance_plans.created_at', startDate: 'maintenance_plans.start_date', status: 'maintenance_plans.status', title: 'maintenance_plans.title' } as const;
export type PlanSort = keyof typeof SORTS;

/** The only SQL of maintenance plans. Every function takes the connection (or transaction) to use. */
export const maintenanceQueries = {
  /** Titles by id, for the audit log. */
  async titles(db: Q, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('maintenance_plans').select(['id', 'title']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },

  /** For the public pool (docs/regulations.md §8): customers named in a maintenance plan under review or in progress. */
  async openPlanCustomers(db: Q, customerIds: number[]): Promise<number[]> {
    if (!customerIds.length) return [];
    const rows = await db
      .selectFrom('maintenance_plan_customers as pc')
      .innerJoin('maintenance_plans as p', 'p.id', 'pc.plan_id')
      .select('pc.customer_id')
      .distinct()
      .where('pc.customer_id', 'in', customerIds)
      .where('p.status', 'in', ['pending', 'returned', 'approved'])
      .execute();
    return rows.map((r) => r.customer_id);
  },
  async list(db: Q, actor: Actor, f: PlanFilters, p: { page: number; pageSize: number; sort: { field: PlanSort; direction: 'asc' | 'desc' } }) {
    let qb = db.selectFrom('maintenance_plans').where(scopeCondition(actor, RESOURCES.maintenance_plan));
    if (f.status) qb = qb.where('maintenance_plans.status', '=', f.status);
    if (f.ownerId) qb = qb.where('maintenance_plans.owner_id', '=', f.ownerId);
    if (f.customerId) {
      const customerId = f.customerId;
      qb = qb.where((eb) =>
        eb.exists(eb.selectFrom('maintenance_plan_customers as pc').select('pc.plan_id').whereRef('pc.plan_id', '=', 'maintenance_plans.id').where('pc.customer_id', '=', customerId)),
      );
    }
    if (f.q) qb = qb.where(containsText('maintenance_plans.title', f.q));
    return paged(
      qb
        .leftJoin('user_directory as owner', 'owner.id', 'maintenance_plans.owner_id')
        .selectAll('maintenance_plans')
        .select('owner.display_name as owner_name')
        .orderBy(SORTS[p.sort.field], p.sort.direction)
        .orderBy('maintenance_plans.id', 'desc'),
      qb,
      p,
    );
  },

  async get(db: Q, id: number) {
    return db
      .selectFrom('maintenance_plans')
      .leftJoin('user_directory as owner', 'owner.id', 'maintenance_plans.owner_id')
      .leftJoin('teams', 'teams.id', 'maintenance_plans.team_id')
      .leftJoin('user_directory as closer', 'closer.id', 'maintenance_plans.closed_by')
      .selectAll('maintenance_plans')
      .select(['owner.display_name as owner_name', 'teams.name as team_name', 'closer.display_name as closed_by_name'])
      .where('maintenance_plans.id', '=', id)
      .executeTakeFirst();
  },

  /** Whether the actor may see the plan (the same condition as the guard's). */
  async visible(db: Q, actor: Actor, id: number) {
    const row = await db.selectFrom('maintenance_plans').select('id').where('id', '=', id).where(scopeCondition(actor, RESOURCES.maintenance_plan)).executeTakeFirst();
    return !!row;
  },

  async customers(db: Q, planIds: number[]) {
    if (planIds.length === 0) return [];
    return db
      .selectFrom('maintenance_plan_customers as pc')
      .innerJoin('customer_directory as customers', 'customers.id', 'pc.customer_id')
      .select(['pc.plan_id', 'customers.id', 'customers.name', 'customers.archive_no', 'customers.owner_id'])
      .where('pc.plan_id', 'in', planIds)
      .orderBy('pc.plan_id')
      .orderBy('pc.sort_order')
      .execute();
  },

  async staff(db: Q, planIds: number[]) {
    if (planIds.length === 0) return [];
    return db
      .selectFrom('maintenance_plan_staff as ps')
      .innerJoin('user_directory as users', 'users.id', 'ps.user_id')
      .select(['ps.plan_id', 'users.id', 'users.display_name'])
      .where('ps.plan_id', 'in', planIds)
      .orderBy('ps.plan_id')
      .orderBy('ps.sort_order')
      .execute();
  },

  async replaceCustomers(db: Q, planId: number, customerIds: number[]) {
    await db.deleteFrom('maintenance_plan_customers').where('plan_id', '=', planId).execute();
    if (customerIds.length) {
      await db
        .insertInto('maintenance_plan_customers')
        .values(customerIds.map((customer_id, i) => ({ plan_id: planId, customer_id, sort_order: i })))
        .execute();
    }
  },

  async replaceStaff(db: Q, planId: number, userIds: number[]) {
    await db.deleteFrom('maintenance_plan_staff').where('plan_id', '=', planId).execute();
    if (userIds.length) {
      await db
        .insertInto('maintenance_plan_staff')
        .values(userIds.map((user_id, i) => ({ plan_id: planId, user_id, sort_order: i })))
        .execute();
    }
  },

  /** Of these customers, the ids the actor may see (a plan names only customers its drafter works on). */
  async visibleCustomerIds(db: Q, actor: Actor, ids: number[]) {
    return customerLookups.visibleIds(db, actor, ids);
  },

  async activeUserIds(db: Q, ids: number[]) {
    return new Set(await people.activeIds(db, ids));
  },

  async userInfo(db: Q, id: number) {
    const user = await people.placement(db, id);
    if (!user) throw new Error(`user ${id} not found`);
    return user;
  },

  async tasks(db: Q, planId: number) {
    return db
      .selectFrom('maintenance_plan_tasks as t')
      .innerJoin('tasks', 'tasks.id', 't.task_id')
      .innerJoin('user_directory as assignee', 'assignee.id', 't.assignee_id')
      .leftJoin('customer_directory as customers', 'customers.id', 't.customer_id')
      .selectAll('t')
      // The workflow task is the truth about status and deadline (it may be completed or moved there too).
      .select(['tasks.status', 'tasks.due_date as task_due_date', 'tasks.completed_at', 'assignee.display_name as assignee_name', 'customers.name as customer_name'])
      .where('t.plan_id', '=', planId)
      .orderBy('t.due_date')
      .orderBy('t.id')
      .execute();
  },

  async task(db: Q, planId: number, planTaskId: number) {
    return db
      .selectFrom('maintenance_plan_tasks as t')
      .innerJoin('tasks', 'tasks.id', 't.task_id')
      .selectAll('t')
      .select('tasks.status')
      .where('t.plan_id', '=', planId)
      .where('t.id', '=', planTaskId)
      .executeTakeFirst();
  },

  async insertTask(db: Q, row: Insertable<MaintenancePlanTaskTable>) {
    return db.insertInto('maintenance_plan_tasks').values(row).returning('id').executeTakeFirstOrThrow();
  },

  async isStaff(db: Q, planId: number, userId: number) {
    const row = await db.selectFrom('maintenance_plan_staff').select('user_id').where('plan_id', '=', planId).where('user_id', '=', userId).executeTakeFirst();
    return !!row;
  },

  /** 客服工作记录表 rows of a plan, or of one customer across the plans the actor may see. */
  async records(db: Q, where: { planId: number } | { customerId: number; actor: Actor }) {
    let qb = db
      .selectFrom('maintenance_plan_records as r')
      .innerJoin('maintenance_plans', 'maintenance_plans.id', 'r.plan_id')
      .innerJoin('user_directory as author', 'author.id', 'r.created_by')
      .leftJoin('customer_directory as customers', 'customers.id', 'r.customer_id')
      .leftJoin('maintenance_plan_tasks as t', 't.id', 'r.plan_task_id')
      .selectAll('r')
      .select(['author.display_name as author_name', 'customers.name as customer_name', 't.title as task_title', 'maintenance_plans.title as plan_title']);
    if ('planId' in where) qb = qb.where('r.plan_id', '=', where.planId);
    else qb = qb.where('r.customer_id', '=', where.customerId).where(scopeCondition(where.actor, RESOURCES.maintenance_plan));
    return qb.orderBy('r.at', 'desc').orderBy('r.id', 'desc').execute();
  },

  async insertRecord(db: Q, row: { plan_id: number; plan_task_id: number | null; customer_id: number | null; content: string; feedback: string; at: string; created_by: number; created_at: string }) {
    return db.insertInto('maintenance_plan_records').values(row).returning('id').executeTakeFirstOrThrow();
  },

  async expenses(db: Q, planId: number) {
    return db
      .selectFrom('maintenance_plan_expenses as e')
      .innerJoin('user_directory as author', 'author.id', 'e.created_by')
      .selectAll('e')
      .select('author.display_name as author_name')
      .where('e.plan_id', '=', planId)
      .orderBy('e.spent_on', 'desc')
      .orderBy('e.id', 'desc')
      .execute();
  },

  async insertExpense(db: Q, row: { plan_id: number; amount_fen: number; spent_on: string; item: string; created_by: number; created_at: string }) {
    return db.insertInto('maintenance_plan_expenses').values(row).returning('id').executeTakeFirstOrThrow();
  },

  /** Total spending per plan, in fen. */
  async spent(db: Q, planIds: number[]) {
    const out = new Map<number, number>();
    if (planIds.length === 0) return out;
    const rows = await db
      .selectFrom('maintenance_plan_expenses')
      .select(['plan_id', (eb) => eb.fn.sum<number>('amount_fen').as('total')])
      .where('plan_id', 'in', planIds)
      .groupBy('plan_id')
      .execute();
    for (const r of rows) out.set(r.plan_id, Number(r.total));
    return out;
  },

  async setStatus(db: Q, id: number, patch: Partial<{ status: string; submitted_at: string; approved_at: string | null }>, now: string) {
    await db
      .updateTable('maintenance_plans')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
  },

  /** A merge (查重) keeps the survivor: its plans, records and tasks follow it (see customers.merge.ts). */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    const both = await db.selectFrom('maintenance_plan_customers').select('plan_id').where('customer_id', '=', toId).execute();
    const already = both.map((r) => r.plan_id);
    let del = db.deleteFrom('maintenance_plan_customers').where('customer_id', '=', fromId);
    if (already.length) {
      del = del.where('plan_id', 'in', already);
      await del.execute();
    }
    await db.updateTable('maintenance_plan_customers').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('maintenance_plan_tasks').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('maintenance_plan_records').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  async insertPlan(db: Q, values: Insertable<Database['maintenance_plans']>): Promise<number> {
    return (await db.insertInto('maintenance_plans').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
};
