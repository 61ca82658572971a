import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ApprovalRequestTable } from './approvals.tables';
import type { Actor } from '../../platform/permissions/actor';
import type { Role } from '../../platform/permissions/roles';
import { scopeCondition, type ScopedResource } from '../../platform/permissions/scope';
import { people } from '../org/org.queries';

type Q = Kysely<Database>;

/**
 * A request is the applicant's record for data scope: their supervisor, department and managers/directors
 * see it. Not in RESOURCES because the guard must not answer 404 to approvers outside that scope (§18).
 */
const REQUEST_SCOPE: ScopedResource = {
  table: 'approval_requests',
  id: 'approval_requests.id',
  owner: 'approval_requests.applicant_id',
  team: 'approval_requests.team_id',
  department: 'approval_requests.department_id',
};

/** The approval engine's SQL (the only file of the module that has any). Every call takes the caller's db or trx. */
export const approvalQueries = {
  /** Titles of requests, for the audit log. */
  async titles(db: Q, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('approval_requests').select(['id', 'title']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },

  request(db: Q, id: number) {
    return db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
  },

  latestForDocument(db: Q, documentType: string, documentId: number) {
    return db
      .selectFrom('approval_requests')
      .selectAll()
      .where('document_type', '=', documentType)
      .where('document_id', '=', documentId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  pending(db: Q, exceptApplicant: number) {
    return db
      .selectFrom('approval_requests')
      .selectAll()
      .where('status', '=', 'pending')
      .where('applicant_id', '!=', exceptApplicant)
      .orderBy('submitted_at')
      .orderBy('id')
      .execute();
  },

  async insertRequest(db: Q, values: Insertable<ApprovalRequestTable>) {
    const row = await db.insertInto('approval_requests').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  /** Conditional on the version read: 0 rows means someone else acted first. */
  async updateRequest(db: Q, id: number, expectedVersion: number, patch: Record<string, unknown>, now: string) {
    const res = await (db as Kysely<any>)
      .updateTable('approval_requests')
      .set({ ...patch, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  insertAction(
    db: Q,
    v: { request_id: number; round: number; step_key: string | null; action: string; actor_id: number; comment: string | null; returned_to: string | null; at: string },
  ) {
    return db.insertInto('approval_actions').values(v).execute();
  },

  actions(db: Q, requestId: number) {
    return db
      .selectFrom('approval_actions')
      .innerJoin('user_directory as users', 'users.id', 'approval_actions.actor_id')
      .select([
        'approval_actions.id',
        'approval_actions.round',
        'approval_actions.step_key',
        'approval_actions.action',
        'approval_actions.actor_id',
        'users.display_name as actor_name',
        'approval_actions.comment',
        'approval_actions.returned_to',
        'approval_actions.at',
      ])
      .where('approval_actions.request_id', '=', requestId)
      .orderBy('approval_actions.id')
      .execute();
  },

  async decidedInRound(db: Q, requestId: number, round: number) {
    const row = await db
      .selectFrom('approval_actions')
      .select('id')
      .where('request_id', '=', requestId)
      .where('round', '=', round)
      .where('action', 'in', ['approve', 'reject', 'return'])
      .limit(1)
      .executeTakeFirst();
    return !!row;
  },

  async hasActed(db: Q, requestId: number, userId: number) {
    const row = await db.selectFrom('approval_actions').select('id').where('request_id', '=', requestId).where('actor_id', '=', userId).limit(1).executeTakeFirst();
    return !!row;
  },

  async inScope(db: Q, actor: Actor, requestId: number) {
    const row = await db.selectFrom('approval_requests').select('id').where('id', '=', requestId).where(scopeCondition(actor, REQUEST_SCOPE)).executeTakeFirst();
    return !!row;
  },

  async votes(db: Q, requestId: number, round: number, stepKey: string) {
    const rows = await db
      .selectFrom('approval_step_votes')
      .select('user_id')
      .where('request_id', '=', requestId)
      .where('round', '=', round)
      .where('step_key', '=', stepKey)
      .execute();
    return rows.map((r) => r.user_id);
  },

  insertVote(db: Q, v: { request_id: number; round: number; step_key: string; user_id: number; at: string }) {
    return db.insertInto('approval_step_votes').values(v).execute();
  },

  async clearVotes(db: Q, requestId: number, round: number, stepKeys: string[]) {
    if (!stepKeys.length) return;
    await db.deleteFrom('approval_step_votes').where('request_id', '=', requestId).where('round', '=', round).where('step_key', 'in', stepKeys).execute();
  },

  // Approvers, resolved from the current organisation (active users only).
  /** `departmentId` undefined: company-wide; null: the applicant has no department, so nobody. */
  async roleHolders(db: Q, role: Role, departmentId: number | null | undefined) {
    if (departmentId === null) return [];
    return (await people.activeWithRoles(db, [role], departmentId)).map((r) => r.id);
  },

  async teamSupervisor(db: Q, teamId: number | null) {
    if (teamId === null) return [];
    const supervisor = await people.teamSupervisorId(db, teamId);
    return supervisor ? people.activeIds(db, [supervisor]) : [];
  },

  async departmentHead(db: Q, departmentId: number | null) {
    if (departmentId === null) return [];
    const head = (await people.department(db, departmentId))?.head_id;
    return head ? people.activeIds(db, [head]) : [];
  },

  async groupMembers(db: Q, groupKey: string) {
    const rows = await db
      .selectFrom('approval_group_members')
      .innerJoin('approval_groups', 'approval_groups.id', 'approval_group_members.group_id')
      .select('approval_group_members.user_id')
      .where('approval_groups.key', '=', groupKey)
      .execute();
    return people.activeIds(db, rows.map((r) => r.user_id));
  },

  async users(db: Q, ids: number[]) {
    const rows = await people.byIds(db, ids);
    return new Map(rows.map((r) => [r.id, { name: r.display_name, locale: r.locale }]));
  },

  userPlacement(db: Q, id: number) {
    return people.placement(db, id);
  },

  // Chains
  latestChain(db: Q, documentType: string) {
    return db.selectFrom('approval_chains').selectAll().where('document_type', '=', documentType).orderBy('version', 'desc').limit(1).executeTakeFirst();
  },

  chainVersion(db: Q, documentType: string, version: number) {
    return db.selectFrom('approval_chains').selectAll().where('document_type', '=', documentType).where('version', '=', version).executeTakeFirst();
  },

  allChains(db: Q) {
    return db
      .selectFrom('approval_chains')
      .leftJoin('user_directory as users', 'users.id', 'approval_chains.created_by')
      .select([
        'approval_chains.id',
        'approval_chains.document_type',
        'approval_chains.version',
        'approval_chains.steps',
        'approval_chains.created_at',
        'users.display_name as created_by_name',
      ])
      .orderBy('approval_chains.document_type')
      .orderBy('approval_chains.version', 'desc')
      .execute();
  },

  insertChain(db: Q, v: { document_type: string; version: number; steps: string; created_by: number | null; created_at: string }) {
    return db.insertInto('approval_chains').values(v).execute();
  },

  // Groups
  groups(db: Q) {
    return db.selectFrom('approval_groups').selectAll().orderBy('id').execute();
  },

  group(db: Q, id: number) {
    return db.selectFrom('approval_groups').selectAll().where('id', '=', id).executeTakeFirst();
  },

  groupByKey(db: Q, key: string) {
    return db.selectFrom('approval_groups').selectAll().where('key', '=', key).executeTakeFirst();
  },

  groupNames(db: Q) {
    return db.selectFrom('approval_groups').select(['key', 'name']).execute();
  },

  membersOf(db: Q, groupIds: number[]) {
    if (!groupIds.length) return Promise.resolve([]);
    return db
      .selectFrom('approval_group_members')
      .innerJoin('user_directory as users', 'users.id', 'approval_group_members.user_id')
      .select(['approval_group_members.group_id', 'users.id', 'users.display_name', 'users.active'])
      .where('approval_group_members.group_id', 'in', groupIds)
      .orderBy('users.display_name')
      .execute();
  },

  async activeUsersAmong(db: Q, ids: number[]) {
    return people.activeIds(db, ids);
  },

  async insertGroup(db: Q, values: { key: string; name: string; created_at: string; updated_at: string }, memberIds: number[]): Promise<number> {
    const row = await db.insertInto('approval_groups').values(values).returning('id').executeTakeFirstOrThrow();
    if (memberIds.length) await db.insertInto('approval_group_members').values(memberIds.map((user_id) => ({ group_id: row.id, user_id }))).execute();
    return row.id;
  },
  async replaceGroupMembers(db: Q, groupId: number, memberIds: number[]): Promise<void> {
    await db.deleteFrom('approval_group_members').where('group_id', '=', groupId).execute();
    if (memberIds.length) await db.insertInto('approval_group_members').values(memberIds.map((user_id) => ({ group_id: groupId, user_id }))).execute();
  },
};
