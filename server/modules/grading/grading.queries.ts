import type { Insertable, Kysely } from 'kysely';
import { paged } from '../../db/paging';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';

type Q = Kysely<Database>;

export interface BoardFilters {
  teamId?: number;
  grade?: string; // the current grade
  proposedGrade?: string;
}

/** The only SQL of grading; customers are read through the archive's directory view, in the caller's scope. */
export const gradingQueries = {
  /**
   * The grading board: customers in the caller's scope whose proposed grade differs from the current
   * one (a customer with no grade yet counts as different) and on which no supervisor has decided yet.
   */
  board(db: Q, actor: Actor, f: BoardFilters, p: { page: number; pageSize: number }) {
    let qb = db
      .selectFrom('grade_proposals')
      .innerJoin('customer_directory as customers', 'customers.id', 'grade_proposals.customer_id')
      .where(scopeCondition(actor, RESOURCES.customer))
      .where('grade_proposals.decided_at', 'is', null)
      .where((eb) => eb.or([eb('customers.grade', 'is', null), eb('customers.grade', '!=', eb.ref('grade_proposals.proposed_grade'))]));
    if (f.teamId) qb = qb.where('customers.team_id', '=', f.teamId);
    if (f.grade) qb = qb.where('customers.grade', '=', f.grade);
    if (f.proposedGrade) qb = qb.where('grade_proposals.proposed_grade', '=', f.proposedGrade);
    const rows = qb
      .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
      .leftJoin('teams', 'teams.id', 'customers.team_id')
      .selectAll('grade_proposals')
      .select(['customers.name', 'customers.archive_no', 'customers.grade', 'customers.owner_id', 'customers.team_id', 'owner.display_name as owner_name', 'teams.name as team_name'])
      .orderBy('customers.name_pinyin')
      .orderBy('customers.id');
    return paged(rows, qb, p);
  },

  /** Of these customers, those in the actor's scope with their current grade. */
  visible(db: Q, actor: Actor, ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.grade'])
      .where('customers.id', 'in', ids)
      .where(scopeCondition(actor, RESOURCES.customer))
      .execute();
  },

  /** All customers in the actor's scope, in id order from `afterId` (the on-demand run over a scope). */
  async idsInScopeAfter(db: Q, actor: Actor | null, afterId: number, limit: number) {
    let qb = db.selectFrom('customer_directory as customers').select('customers.id').where('customers.id', '>', afterId);
    if (actor) qb = qb.where(scopeCondition(actor, RESOURCES.customer));
    return (await qb.orderBy('customers.id').limit(limit).execute()).map((r) => r.id);
  },

  proposalsOf(db: Q, ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('grade_proposals').selectAll().where('customer_id', 'in', ids).execute();
  },

  async upsertProposal(db: Q, values: Insertable<Database['grade_proposals']>) {
    const { customer_id, ...rest } = values;
    await db
      .insertInto('grade_proposals')
      .values(values)
      .onConflict((oc) => oc.column('customer_id').doUpdateSet(rest))
      .execute();
  },

  async markDecided(db: Q, ids: number[], at: string) {
    if (ids.length) await db.updateTable('grade_proposals').set({ decided_at: at }).where('customer_id', 'in', ids).execute();
  },

  async insertChange(db: Q, values: Insertable<Database['grade_changes']>) {
    await db.insertInto('grade_changes').values(values).execute();
  },

  changes(db: Q, customerId: number) {
    return db
      .selectFrom('grade_changes')
      .leftJoin('user_directory as users', 'users.id', 'grade_changes.actor_id')
      .selectAll('grade_changes')
      .select('users.display_name as actor_name')
      .where('grade_changes.customer_id', '=', customerId)
      .orderBy('grade_changes.id', 'desc')
      .limit(100)
      .execute();
  },

  currentGrade(db: Q, customerId: number) {
    return db.selectFrom('customer_directory').select('grade').where('id', '=', customerId).executeTakeFirst();
  },

  /** When the nightly run last started (its lease row), if ever. */
  async lastRunAt(db: Q, name: string) {
    return (await db.selectFrom('job_leases').select('last_run_at').where('name', '=', name).executeTakeFirst())?.last_run_at ?? null;
  },

  /** A merge (查重) keeps the survivor: the merged customer's grade history follows it; its proposal goes. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('grade_changes').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.deleteFrom('grade_proposals').where('customer_id', '=', fromId).execute();
  },
};
