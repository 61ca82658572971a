import type { Insertable, Kysely, Updateable } from 'kysely';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import { paged } from '../../db/paging';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { customerLookups } from '../customers/customers.queries';
import { people } from '../org/org.queries';

type Q = Kysely<Database>;

export interface ProjectFilters {
  q?: string;
  status?: string;
  customerId?: number;
}

/** The only SQL of cooperation projects. Every function takes the connection (or transaction) to use. */
export const projectQueries = {
  async list(db: Q, actor: Actor, f: ProjectFilters, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('projects').where(scopeCondition(actor, RESOURCES.project));
    if (f.status) qb = qb.where('projects.status', '=', f.status);
    if (f.customerId) qb = qb.where('projects.customer_id', '=', f.customerId);
    if (f.q) qb = qb.where(containsText('projects.title', f.q));
    return paged(
      qb
        .leftJoin('user_directory as lead', 'lead.id', 'projects.lead_id')
        .leftJoin('customer_directory as customer', 'customer.id', 'projects.customer_id')
        .selectAll('projects')
        .select(['lead.display_name as lead_name', 'customer.name as customer_name'])
        .orderBy('projects.created_at', 'desc')
        .orderBy('projects.id', 'desc'),
      qb,
      p,
    );
  },

  get(db: Q, id: number) {
    return db
      .selectFrom('projects')
      .leftJoin('user_directory as lead', 'lead.id', 'projects.lead_id')
      .leftJoin('customer_directory as customer', 'customer.id', 'projects.customer_id')
      .leftJoin('user_directory as closer', 'closer.id', 'projects.closed_by')
      .selectAll('projects')
      .select(['lead.display_name as lead_name', 'customer.name as customer_name', 'closer.display_name as closed_by_name'])
      .where('projects.id', '=', id)
      .executeTakeFirst();
  },

  async visible(db: Q, actor: Actor, id: number) {
    return !!(await db.selectFrom('projects').select('id').where('id', '=', id).where(scopeCondition(actor, RESOURCES.project)).executeTakeFirst());
  },

  visibleCustomer: (db: Q, actor: Actor, id: number) => customerLookups.visibleIds(db, actor, [id]).then((s) => s.has(id)),
  activeUserIds: async (db: Q, ids: number[]) => new Set(await people.activeIds(db, ids)),
  placement: (db: Q, id: number) => people.placement(db, id),

  async insertProject(db: Q, values: Insertable<Database['projects']>) {
    return (await db.insertInto('projects').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async updateProject(db: Q, id: number, patch: Updateable<Database['projects']>) {
    await db.updateTable('projects').set(patch).where('id', '=', id).execute();
  },

  members(db: Q, projectId: number) {
    return db
      .selectFrom('project_members as m')
      .innerJoin('user_directory as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.role', 'u.display_name'])
      .where('m.project_id', '=', projectId)
      .orderBy('m.sort_order')
      .execute();
  },
  async replaceMembers(db: Q, projectId: number, members: { userId: number; role: string }[]) {
    await db.deleteFrom('project_members').where('project_id', '=', projectId).execute();
    if (members.length) {
      await db.insertInto('project_members').values(members.map((m, i) => ({ project_id: projectId, user_id: m.userId, role: m.role, sort_order: i }))).execute();
    }
  },
  contacts(db: Q, projectId: number) {
    return db.selectFrom('project_contacts').selectAll().where('project_id', '=', projectId).orderBy('sort_order').execute();
  },
  async replaceContacts(db: Q, projectId: number, contacts: { name: string; position?: string | null; role: string }[]) {
    await db.deleteFrom('project_contacts').where('project_id', '=', projectId).execute();
    if (contacts.length) {
      await db
        .insertInto('project_contacts')
        .values(contacts.map((c, i) => ({ project_id: projectId, name: c.name, position: c.position ?? null, role: c.role, sort_order: i })))
        .execute();
    }
  },

  milestones(db: Q, projectId: number) {
    return db
      .selectFrom('project_milestones as m')
      .leftJoin('project_confirmations as c', 'c.id', 'm.confirmation_id')
      .selectAll('m')
      .select(['c.confirmed_by', 'c.confirmed_on', 'c.method as confirm_method'])
      .where('m.project_id', '=', projectId)
      .orderBy('m.sort_order')
      .orderBy('m.id')
      .execute();
  },
  milestone(db: Q, projectId: number, id: number) {
    return db.selectFrom('project_milestones').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  },
  async insertMilestone(db: Q, values: Insertable<Database['project_milestones']>) {
    return (await db.insertInto('project_milestones').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async updateMilestone(db: Q, id: number, patch: Updateable<Database['project_milestones']>) {
    await db.updateTable('project_milestones').set(patch).where('id', '=', id).execute();
  },
  async insertConfirmation(db: Q, values: Insertable<Database['project_confirmations']>) {
    return (await db.insertInto('project_confirmations').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  confirmations(db: Q, projectId: number) {
    return db
      .selectFrom('project_confirmations as c')
      .innerJoin('project_milestones as m', 'm.id', 'c.milestone_id')
      .leftJoin('user_directory as u', 'u.id', 'c.recorded_by')
      .selectAll('c')
      .select(['u.display_name as recorded_by_name'])
      .where('m.project_id', '=', projectId)
      .orderBy('c.id')
      .execute();
  },

  tasks(db: Q, projectId: number) {
    return db
      .selectFrom('project_tasks as t')
      .leftJoin('user_directory as u', 'u.id', 't.assignee_id')
      .selectAll('t')
      .select('u.display_name as assignee_name')
      .where('t.project_id', '=', projectId)
      .orderBy('t.id')
      .execute();
  },
  task(db: Q, projectId: number, id: number) {
    return db.selectFrom('project_tasks').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  },
  async insertTask(db: Q, values: Insertable<Database['project_tasks']>) {
    return (await db.insertInto('project_tasks').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },

  meetings(db: Q, projectId: number) {
    return db
      .selectFrom('project_meetings as m')
      .leftJoin('user_directory as u', 'u.id', 'm.created_by')
      .selectAll('m')
      .select('u.display_name as author_name')
      .where('m.project_id', '=', projectId)
      .orderBy('m.held_on', 'desc')
      .orderBy('m.id', 'desc')
      .execute();
  },
  async insertMeeting(db: Q, values: Insertable<Database['project_meetings']>) {
    return (await db.insertInto('project_meetings').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },

  changes(db: Q, projectId: number) {
    return db
      .selectFrom('project_changes as c')
      .leftJoin('user_directory as u', 'u.id', 'c.requested_by')
      .selectAll('c')
      .select('u.display_name as requested_by_name')
      .where('c.project_id', '=', projectId)
      .orderBy('c.id', 'desc')
      .execute();
  },
  change(db: Q, id: number) {
    return db
      .selectFrom('project_changes as c')
      .innerJoin('projects as p', 'p.id', 'c.project_id')
      .selectAll('c')
      .select(['p.title as project_title'])
      .where('c.id', '=', id)
      .executeTakeFirst();
  },
  async insertChange(db: Q, values: Insertable<Database['project_changes']>) {
    return (await db.insertInto('project_changes').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async updateChange(db: Q, id: number, patch: Updateable<Database['project_changes']>) {
    await db.updateTable('project_changes').set(patch).where('id', '=', id).execute();
  },

  planVersions(db: Q, projectId: number) {
    return db.selectFrom('project_plan_versions').selectAll().where('project_id', '=', projectId).orderBy('version_no').execute();
  },
  async insertPlanVersion(db: Q, values: Insertable<Database['project_plan_versions']>) {
    await db.insertInto('project_plan_versions').values(values).execute();
  },

  /** Milestones past their planned end, not finished, of projects still running, not yet notified for this date. */
  overdueToNotify(db: Q, today: string) {
    return db
      .selectFrom('project_milestones as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select(['m.id', 'm.title', 'm.planned_end', 'p.id as project_id', 'p.title as project_title', 'p.lead_id'])
      .where('p.status', '=', 'active')
      .where('m.actual_end', 'is', null)
      .where('m.planned_end', '<', today)
      .where((eb) => eb.or([eb('m.overdue_notified_for', 'is', null), eb('m.overdue_notified_for', '<>', eb.ref('m.planned_end'))]))
      .orderBy('m.id')
      .execute();
  },
  /** Claims the notice for this planned end; false when another process already did. */
  async claimOverdue(db: Q, id: number, plannedEnd: string) {
    const res = await db
      .updateTable('project_milestones')
      .set({ overdue_notified_for: plannedEnd })
      .where('id', '=', id)
      .where('planned_end', '=', plannedEnd)
      .where('actual_end', 'is', null)
      .where((eb) => eb.or([eb('overdue_notified_for', 'is', null), eb('overdue_notified_for', '<>', plannedEnd)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  /** The lead's overdue milestones, for the home page. */
  leadOverdue(db: Q, leadId: number, today: string) {
    return db
      .selectFrom('project_milestones as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select(['m.id', 'm.title', 'm.planned_end', 'p.id as project_id', 'p.title as project_title'])
      .where('p.lead_id', '=', leadId)
      .where('p.status', '=', 'active')
      .where('m.actual_end', 'is', null)
      .where('m.planned_end', '<', today)
      .orderBy('m.planned_end')
      .execute();
  },

  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('projects').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
};
