import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { KpiMeetingTable, KpiReportTable } from './kpi.tables';

type Q = Kysely<Database>;

/** SQL of the KPI module (docs/regulations.md §17, §19). People come from the user directory, within the caller's scope. */
export const kpiQueries = {
  /** Active people within the actor's scope of colleagues (a specialist: only themselves). */
  people(db: Q, actor: Actor, f: { teamId?: number; userId?: number } = {}) {
    let qb = db.selectFrom('user_directory as users').select(['users.id', 'users.display_name', 'users.username', 'users.team_id', 'users.department_id']).where('users.active', '=', 1).where(scopeCondition(actor, RESOURCES.user));
    if (f.teamId !== undefined) qb = qb.where('users.team_id', '=', f.teamId);
    if (f.userId !== undefined) qb = qb.where('users.id', '=', f.userId);
    return qb.orderBy('users.id').execute();
  },
  teams(db: Q, actor: Actor) {
    return db.selectFrom('teams').select(['teams.id', 'teams.name', 'teams.department_id']).where(scopeCondition(actor, RESOURCES.team)).orderBy('teams.id').execute();
  },
  names(db: Q, ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('user_directory').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  },

  targets(db: Q, period: string) {
    return db.selectFrom('kpi_targets').selectAll().where('period', '=', period).orderBy('subject_type').orderBy('subject_id').orderBy('metric').execute();
  },
  target(db: Q, k: { subject_type: string; subject_id: number; metric: string; period: string }) {
    return db.selectFrom('kpi_targets').selectAll().where('subject_type', '=', k.subject_type).where('subject_id', '=', k.subject_id).where('metric', '=', k.metric).where('period', '=', k.period).executeTakeFirst();
  },
  async upsertTarget(db: Q, row: { subject_type: string; subject_id: number; team_id: number | null; department_id: number | null; metric: string; period: string; target: number; updated_by: number; updated_at: string }) {
    const existing = await kpiQueries.target(db, row);
    if (existing) await db.updateTable('kpi_targets').set({ target: row.target, updated_by: row.updated_by, updated_at: row.updated_at }).where('id', '=', existing.id).execute();
    else await db.insertInto('kpi_targets').values(row).execute();
    return existing ?? null;
  },

  annulments(db: Q, userIds: number[], months: string[]) {
    if (!userIds.length || !months.length) return Promise.resolve([]);
    return db
      .selectFrom('kpi_annulments as a')
      .leftJoin('user_directory as by', 'by.id', 'a.annulled_by')
      .select(['a.user_id', 'a.month', 'a.deduction_key', 'a.reason', 'a.annulled_at', 'by.display_name as by_name'])
      .where('a.user_id', 'in', userIds)
      .where('a.month', 'in', months)
      .execute();
  },
  annulment(db: Q, userId: number, key: string) {
    return db.selectFrom('kpi_annulments').select('id').where('user_id', '=', userId).where('deduction_key', '=', key).executeTakeFirst();
  },
  insertAnnulment(db: Q, row: { user_id: number; month: string; deduction_key: string; points: number; text: string; reason: string; annulled_by: number; annulled_at: string }) {
    return db.insertInto('kpi_annulments').values(row).returning('id').executeTakeFirstOrThrow();
  },

  reports(db: Q, userIds: number[], from: string, to: string) {
    if (!userIds.length) return Promise.resolve([]);
    return db.selectFrom('kpi_reports').selectAll().where('user_id', 'in', userIds).where('due_date', '>=', from).where('due_date', '<=', to).orderBy('due_date').orderBy('id').execute();
  },
  report(db: Q, userId: number, kind: string, period: string) {
    return db.selectFrom('kpi_reports').selectAll().where('user_id', '=', userId).where('kind', '=', kind).where('period', '=', period).executeTakeFirst();
  },
  insertReport(db: Q, row: Insertable<KpiReportTable>) {
    return db.insertInto('kpi_reports').values(row).returning('id').executeTakeFirstOrThrow();
  },

  meetings(db: Q, departmentIds: number[] | null, from: string) {
    let qb = db.selectFrom('kpi_meetings as m').innerJoin('departments', 'departments.id', 'm.department_id').leftJoin('user_directory as rec', 'rec.id', 'm.recorded_by').selectAll('m').select(['departments.name as department_name', 'rec.display_name as recorder_name']).where('m.starts_at', '>=', from);
    if (departmentIds) qb = departmentIds.length ? qb.where('m.department_id', 'in', departmentIds) : qb.where('m.id', '=', -1);
    return qb.orderBy('m.starts_at', 'desc').orderBy('m.id', 'desc').limit(200).execute();
  },
  meeting(db: Q, id: number) {
    return db.selectFrom('kpi_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  meetingAt(db: Q, departmentId: number, startsAt: string) {
    return db.selectFrom('kpi_meetings').selectAll().where('department_id', '=', departmentId).where('starts_at', '=', startsAt).executeTakeFirst();
  },
  insertMeeting(db: Q, row: Insertable<KpiMeetingTable>) {
    return db.insertInto('kpi_meetings').values(row).returning('id').executeTakeFirstOrThrow();
  },
  async recordMinutes(db: Q, id: number, version: number, row: { attendee_ids: string; decisions: string; notes: string | null; recorded_by: number; recorded_at: string }) {
    const r = await db.updateTable('kpi_meetings').set({ ...row, status: 'held', version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
  departmentExists(db: Q, id: number) {
    return db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();
  },
};
