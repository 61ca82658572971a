import { sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import type { TaskTable } from './workflow.tables';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { paged } from '../../db/paging';
import { people } from '../org/org.queries';
import { prepared } from '../../db/prepared';

type Q = Kysely<Database>;

// The to-do list's task reads, prepared: every home page runs them (docs/performance.md).
const openOf = prepared((db: Q, userId: number, limit: number) =>
  db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_date', 'link_path'])
    .where('assignee_id', '=', userId)
    .where('status', '=', 'open')
    .orderBy('due_date')
    .orderBy('id')
    .limit(limit),
);
/** Overdue open tasks of the members of the teams a user supervises (not their own). */
const teamOverdue = prepared((db: Q, supervisorId: number, today: string, limit: number) =>
  db
    .selectFrom('tasks')
    .innerJoin('user_directory as assignee', 'assignee.id', 'tasks.assignee_id')
    .innerJoin('teams', 'teams.id', 'assignee.team_id')
    .select(['tasks.id', 'tasks.title', 'tasks.due_date', 'assignee.display_name as assignee_name'])
    .where('teams.supervisor_id', '=', supervisorId)
    .where('tasks.assignee_id', '<>', supervisorId)
    .where('tasks.status', '=', 'open')
    .where('tasks.due_date', '<', today)
    .orderBy('tasks.due_date')
    .orderBy('tasks.id')
    .limit(limit),
);

export interface TaskFilters {
  view?: 'mine' | 'created' | 'team';
  status?: 'open' | 'done' | 'cancelled';
  overdue?: boolean;
  q?: string;
  assigneeId?: number;
}

const taskColumns = (db: Q) =>
  db
    .selectFrom('tasks')
    .innerJoin('user_directory as assignee', 'assignee.id', 'tasks.assignee_id')
    .innerJoin('user_directory as creator', 'creator.id', 'tasks.creator_id')
    .leftJoin('user_directory as completer', 'completer.id', 'tasks.completed_by');

/** The only SQL of tasks. */
export const taskQueries = {
  async insert(db: Q, row: Insertable<TaskTable>) {
    return (await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async get(db: Q, id: number) {
    return taskColumns(db)
      .selectAll('tasks')
      .select(['assignee.display_name as assignee_name', 'creator.display_name as creator_name', 'completer.display_name as completer_name'])
      .where('tasks.id', '=', id)
      .executeTakeFirst();
  },

  async list(db: Q, actor: Actor, f: TaskFilters, today: string, p: { page: number; pageSize: number }) {
    let qb = taskColumns(db).where(scopeCondition(actor, RESOURCES.task));
    if (f.view === 'mine') qb = qb.where('tasks.assignee_id', '=', actor.id);
    if (f.view === 'created') qb = qb.where('tasks.creator_id', '=', actor.id);
    if (f.assigneeId) qb = qb.where('tasks.assignee_id', '=', f.assigneeId);
    if (f.status) qb = qb.where('tasks.status', '=', f.status);
    if (f.overdue) qb = qb.where('tasks.status', '=', 'open').where('tasks.due_date', '<', today);
    if (f.q) qb = qb.where(containsText('tasks.title', f.q));
    return paged(
      qb
        .selectAll('tasks')
        .select(['assignee.display_name as assignee_name', 'creator.display_name as creator_name', 'completer.display_name as completer_name'])
        // Open work first, earliest deadline first.
        .orderBy((eb) => eb.case().when('tasks.status', '=', 'open').then(0).else(1).end())
        .orderBy('tasks.due_date')
        .orderBy('tasks.id'),
      qb,
      p,
    );
  },

  /** Open tasks of one assignee, for the home page. */
  openOf,
  teamOverdue,

  async assignee(db: Q, userId: number) {
    const user = await people.placement(db, userId);
    if (!user) return undefined;
    const supervisor_id = user.team_id ? await people.teamSupervisorId(db, user.team_id) : null;
    return { id: user.id, display_name: user.display_name, team_id: user.team_id, department_id: user.department_id, active: user.active, supervisor_id };
  },

  async userVisible(db: Q, actor: Actor, userId: number) {
    return people.inScope(db, actor, userId);
  },

  /** Open tasks due in working days whose count may run through [from, to] (an entered official year). */
  workingDayDueWithin: (db: Q, from: string, to: string) =>
    db
      .selectFrom('tasks')
      .select(['id', 'title', 'due_date', 'due_from', 'due_working_days', 'assignee_id', 'version'])
      .where('status', '=', 'open')
      .where('due_working_days', 'is not', null)
      .where('due_from', '<=', to)
      .where('due_date', '>=', from)
      .orderBy('id')
      .execute(),
  async setDue(db: Q, id: number, due: string, at: string): Promise<void> {
    await db.updateTable('tasks').set({ due_date: due, version: sql`version + 1` as never, updated_at: at }).where('id', '=', id).execute();
  },

  async comments(db: Q, taskId: number) {
    return db
      .selectFrom('task_comments')
      .innerJoin('user_directory as users', 'users.id', 'task_comments.author_id')
      .select(['task_comments.id', 'task_comments.body', 'task_comments.author_id', 'users.display_name as author_name', 'task_comments.created_at'])
      .where('task_comments.task_id', '=', taskId)
      .orderBy('task_comments.id')
      .execute();
  },

  async addComment(db: Q, row: { task_id: number; author_id: number; body: string; created_at: string }) {
    return (await db.insertInto('task_comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
};
