import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { CadenceTaskTable } from './cadence.tables';

type Q = Kysely<Database>;

/** Lost customers (流失) are no longer visited (docs/regulations.md §8). */
const LOST = 'lost';

function customers(db: Q, grades: string[]) {
  return db
    .selectFrom('customer_directory as customers')
    .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
    .select(['customers.id', 'customers.name', 'customers.archive_no', 'customers.owner_id', 'customers.team_id', 'customers.grade', 'customers.cooperation_since', 'owner.display_name as owner_name'])
    .where('customers.grade', 'in', grades.length ? grades : [''])
    .where('customers.status', '!=', LOST);
}
export type CadenceCustomer = Awaited<ReturnType<ReturnType<typeof customers>['execute']>>[number];

export const cadenceQueries = {
  /** Every graded customer, in id order from `afterId` (the nightly run, in batches). */
  batch: (db: Q, grades: string[], afterId: number, limit: number) => customers(db, grades).where('customers.id', '>', afterId).orderBy('customers.id').limit(limit).execute(),

  /** The graded customers the actor sees, optionally of one owner, team or grade. */
  inScope(db: Q, actor: Actor, grades: string[], f: { ownerId?: number; teamId?: number; grade?: string }) {
    let qb = customers(db, grades).where(scopeCondition(actor, RESOURCES.customer));
    if (f.ownerId) qb = qb.where('customers.owner_id', '=', f.ownerId);
    if (f.teamId) qb = qb.where('customers.team_id', '=', f.teamId);
    if (f.grade) qb = qb.where('customers.grade', '=', f.grade);
    return qb.orderBy('customers.id').execute();
  },

  inScopeOf: (db: Q, grades: string[], customerId: number) => customers(db, grades).where('customers.id', '=', customerId).execute(),
  ofOwner: (db: Q, grades: string[], ownerId: number) => customers(db, grades).where('customers.owner_id', '=', ownerId).orderBy('customers.id').execute(),
  one: (db: Q, id: number) => db.selectFrom('customer_directory').select(['id', 'name', 'grade', 'cooperation_since', 'owner_id', 'status']).where('id', '=', id).executeTakeFirst(),

  async exempted(db: Q, customerIds: number[]): Promise<Set<number>> {
    if (!customerIds.length) return new Set();
    const rows = await db.selectFrom('cadence_exemptions').select('customer_id').where('customer_id', 'in', customerIds).execute();
    return new Set(rows.map((r) => r.customer_id));
  },
  exemption: (db: Q, customerId: number) => db.selectFrom('cadence_exemptions').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),
  async setExemption(db: Q, row: { customer_id: number; reason: string; created_by: number; created_at: string }) {
    await db.deleteFrom('cadence_exemptions').where('customer_id', '=', row.customer_id).execute();
    await db.insertInto('cadence_exemptions').values(row).execute();
  },
  async deleteExemption(db: Q, customerId: number) {
    return Number((await db.deleteFrom('cadence_exemptions').where('customer_id', '=', customerId).executeTakeFirst()).numDeletedRows);
  },

  taskFor: (db: Q, customerId: number, dueDate: string) => db.selectFrom('cadence_tasks').select('id').where('customer_id', '=', customerId).where('due_date', '=', dueDate).executeTakeFirst(),
  async insertTask(db: Q, row: Insertable<CadenceTaskTable>) {
    return (await db.insertInto('cadence_tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  openTasks: (db: Q, afterId: number, limit: number) =>
    db.selectFrom('cadence_tasks').selectAll().where('closed_at', 'is', null).where('id', '>', afterId).orderBy('id').limit(limit).execute(),
  openTasksOf: (db: Q, customerId: number) => db.selectFrom('cadence_tasks').selectAll().where('closed_at', 'is', null).where('customer_id', '=', customerId).execute(),
  /** Conditional, so two runs cannot both close (or both escalate) one period. */
  async close(db: Q, id: number, at: string) {
    return Number((await db.updateTable('cadence_tasks').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst()).numUpdatedRows) === 1;
  },
  async escalated(db: Q, id: number, taskId: number | null, at: string) {
    const r = await db.updateTable('cadence_tasks').set({ escalated_at: at, escalation_task_id: taskId }).where('id', '=', id).where('escalated_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Customer merge (docs/architecture.md): periods both customers owe collapse into the kept one's. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db
      .deleteFrom('cadence_tasks')
      .where('customer_id', '=', fromId)
      .where('due_date', 'in', db.selectFrom('cadence_tasks as kept').select('kept.due_date').where('kept.customer_id', '=', toId))
      .execute();
    await db.updateTable('cadence_tasks').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    if (await db.selectFrom('cadence_exemptions').select('id').where('customer_id', '=', toId).executeTakeFirst()) await db.deleteFrom('cadence_exemptions').where('customer_id', '=', fromId).execute();
    else await db.updateTable('cadence_exemptions').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
};
