import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { EndCooperationRequestTable } from './evaluations.tables';

type Q = Kysely<Database>;

function base(db: Q) {
  return db
    .selectFrom('end_cooperation_requests')
    .innerJoin('customer_directory as customers', 'customers.id', 'end_cooperation_requests.customer_id')
    .leftJoin('user_directory as applicant', 'applicant.id', 'end_cooperation_requests.applicant_id')
    .selectAll('end_cooperation_requests')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'customers.status as customer_status', 'applicant.display_name as applicant_name']);
}
export type EndingRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The SQL of requests to end cooperation (docs/regulations.md §4). */
export const endingQueries = {
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('end_cooperation_requests').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
  get: (db: Q, id: number) => base(db).where('end_cooperation_requests.id', '=', id).executeTakeFirst(),
  /** The latest request made from this evaluation or risk. */
  latestFor: (db: Q, source: { evaluationId?: number; riskId?: number }) => {
    let qb = base(db);
    qb = source.evaluationId !== undefined ? qb.where('end_cooperation_requests.evaluation_id', '=', source.evaluationId) : qb.where('end_cooperation_requests.risk_id', '=', source.riskId!);
    return qb.orderBy('end_cooperation_requests.id', 'desc').limit(1).executeTakeFirst();
  },
  /** A request for this customer still in the approval (pending) or back with its applicant (returned). */
  open: (db: Q, customerId: number) =>
    db
      .selectFrom('end_cooperation_requests')
      .select(['id', 'evaluation_id', 'risk_id', 'status'])
      .where('customer_id', '=', customerId)
      .where('status', 'in', ['pending', 'returned'])
      .executeTakeFirst(),
  customerStatus: async (db: Q, customerId: number) =>
    (await db.selectFrom('customer_directory as customers').select('customers.status').where('customers.id', '=', customerId).executeTakeFirst())?.status ?? null,
  async insert(db: Q, row: Insertable<EndCooperationRequestTable>) {
    return (await db.insertInto('end_cooperation_requests').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async setStatus(db: Q, id: number, patch: { status: string; decided_at?: string | null; reason?: string }, now: string) {
    await db
      .updateTable('end_cooperation_requests')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
  },
  async visible(db: Q, actor: Actor, id: number) {
    return !!(await db.selectFrom('end_cooperation_requests').select('end_cooperation_requests.id').where('end_cooperation_requests.id', '=', id).where(scopeCondition(actor, RESOURCES.end_cooperation)).executeTakeFirst());
  },
};
