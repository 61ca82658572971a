import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditActorInfo, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { type CalendarData, addWorkingDays, isProvisionalSpan } from '../../platform/calendar/calendar.rules';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, isValidDate, shanghaiDate } from '../../platform/time';
import type { NotificationsService } from './notifications.service';
import type { RemindersService } from './reminders.service';
import { type TaskFilters, taskQueries as q } from './tasks.queries';
import type { TodoItem, TaskInput, TaskService, TodoProvider } from './workflow.types';
import { isOverdue, taskReminderTimes } from './workflow.rules';

/** Notification texts are stored once for all recipients, in the interface's default language. */
const LANG = 'zh-CN' as const;

export interface TaskUpdate {
  title?: string;
  description?: string | null;
  assigneeId?: number;
  dueDate?: string;
  status?: 'open' | 'cancelled';
  version: number;
}

const who = (actor: Actor): AuditActorInfo => ({ actorId: actor.id, actorName: actor.displayName, ip: null, requestId: null });
const taskLink = (id: number) => ({ type: 'task', id, path: `/tasks/${id}` });
const dueKey = (id: number) => `task:${id}:due`;
const overdueKey = (id: number) => `task:${id}:overdue`;

export function createTaskService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  calendar: CalendarService;
  settings: SettingsService;
  notifications: Pick<NotificationsService, 'notify' | 'markDone'>;
  reminders: Pick<RemindersService, 'schedule' | 'cancel'>;
}) {
  const { db, clock, audit, calendar, settings, notifications, reminders } = deps;
  const today = () => shanghaiDate(clock.now());

  async function resolveDue(trx: Kysely<Database>, due: TaskInput['due']): Promise<{ date: string; workingDays: number | null; from: string | null }> {
    if ('date' in due) {
      if (!isValidDate(due.date)) throw errors.field('due.date', 'validation.date');
      return { date: due.date, workingDays: null, from: null };
    }
    if (!Number.isInteger(due.workingDays) || due.workingDays < 0 || due.workingDays > 250) throw errors.field('due.workingDays', 'task.working_days_range');
    const from = today();
    return { date: (await calendar.addWorkingDays(from, due.workingDays, trx)).date, workingDays: due.workingDays, from };
  }

  async function activeAssignee(trx: Kysely<Database>, id: number) {
    const a = await q.assignee(trx, id);
    if (!a || !a.active) throw errors.field('assigneeId', 'task.assignee_inactive');
    return a;
  }

  /** The "due soon" reminder for the assignee and the overdue notice for the assignee and their supervisor. */
  async function scheduleReminders(trx: Kysely<Database>, task: { id: number; title: string; dueDate: string; assigneeId: number; supervisorId: number | null }) {
    const [beforeWorkingDays, hour, cal] = await Promise.all([
      settings.number('notifications.taskReminderWorkingDays', trx),
      settings.number('notifications.reminderHour', trx),
      calendar.data(trx),
    ]);
    const times = taskReminderTimes(cal, task.dueDate, { beforeWorkingDays, hour, now: clock.now() });
    const link = taskLink(task.id);
    if (times.dueSoonAt) {
      await reminders.schedule(trx, {
        key: dueKey(task.id),
        dueAt: times.dueSoonAt,
        notification: { userIds: [task.assigneeId], kind: 'task.due_soon', titleKey: 'notify.task_due_soon', params: { title: task.title, date: task.dueDate }, link, subject: { type: 'task', id: task.id } },
      });
    } else {
      await reminders.cancel(trx, dueKey(task.id));
    }
    const overdueTo = [task.assigneeId, ...(task.supervisorId && task.supervisorId !== task.assigneeId ? [task.supervisorId] : [])];
    await reminders.schedule(trx, {
      key: overdueKey(task.id),
      dueAt: times.overdueAt,
      notification: { userIds: overdueTo, kind: 'task.overdue', titleKey: 'notify.task_overdue', params: { title: task.title, date: task.dueDate }, link, subject: { type: 'task', id: task.id } },
    });
  }

  async function cancelReminders(trx: Kysely<Database>, id: number) {
    await reminders.cancel(trx, dueKey(id));
    await reminders.cancel(trx, overdueKey(id));
  }

  /**
   * For other modules (maintenance plans, contracts …) inside their own transaction: the calling module
   * has already decided that `actor` may give this work to the assignee.
   */
  async function createTask(trx: Kysely<Database>, actor: Actor, input: TaskInput): Promise<{ id: number; dueDate: string }> {
    const assignee = await activeAssignee(trx, input.assigneeId);
    const due = await resolveDue(trx, input.due);
    const dueDate = due.date;
    const now = clock.now().toISOString();
    const id = await q.insert(trx, {
      title: input.title,
      description: input.description ?? null,
      assignee_id: assignee.id,
      creator_id: actor.id,
      team_id: assignee.team_id,
      department_id: assignee.department_id,
      due_date: dueDate,
      due_working_days: due.workingDays,
      due_from: due.from,
      status: 'open',
      link_type: input.link?.type ?? null,
      link_id: input.link?.id ?? null,
      link_path: input.link?.path ?? null,
      source: input.source ?? null,
      completed_at: null,
      completed_by: null,
      completion_note: null,
      created_at: now,
      updated_at: now,
    });
    await audit.record(trx, who(actor), {
      action: 'create',
      entityType: 'task',
      entityId: id,
      changes: { title: [null, input.title], assigneeId: [null, assignee.id], dueDate: [null, dueDate], source: [null, input.source ?? null] },
    });
    if (assignee.id !== actor.id) {
      await notifications.notify(trx, {
        userIds: [assignee.id],
        kind: 'task.assigned',
        titleKey: 'notify.task_assigned',
        bodyKey: 'notify.task_assigned_by',
        params: { title: input.title, date: dueDate, name: actor.displayName },
        link: taskLink(id),
        subject: { type: 'task', id },
      });
    }
    await scheduleReminders(trx, { id, title: input.title, dueDate, assigneeId: assignee.id, supervisorId: assignee.supervisor_id });
    return { id, dueDate };
  }

  async function get(id: number, conn: Kysely<Database> = db) {
    const row = await q.get(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  /** The creator and holders of tasks.manage (within scope, checked by the route) edit; the assignee completes. */
  const canEdit = (actor: Actor, task: { creator_id: number }) => task.creator_id === actor.id || hasCapability(actor, 'tasks.manage');
  const canComplete = (actor: Actor, task: { status: string; assignee_id: number; creator_id: number }) =>
    task.status === 'open' && (task.assignee_id === actor.id || canEdit(actor, task));

  /** Specialists create tasks for themselves only; tasks.manage gives work to anyone within the user scope. */
  async function assertMayAssign(ctx: RequestContext, assigneeId: number) {
    if (assigneeId === ctx.actor.id) return;
    if (!hasCapability(ctx.actor, 'tasks.manage')) throw errors.forbidden('task.assign_others');
    if (!(await q.userVisible(db, ctx.actor, assigneeId))) throw errors.field('assigneeId', 'task.assignee_out_of_scope');
  }

  /**
   * An official year was entered (docs/regulations.md §10): open tasks due in working days counted over it are
   * counted again; each gets a comment in its history (by the administrator who entered the year) and an audit entry.
   */
  async function recomputeForOfficialYear(trx: Kysely<Database>, change: { year: number; before: CalendarData; after: CalendarData; ctx: RequestContext }) {
    for (const r of await q.workingDayDueWithin(trx, `${change.year}-01-01`, `${change.year}-12-31`)) {
      if (r.due_from == null || r.due_working_days == null || !isProvisionalSpan(change.before, r.due_from, r.due_date)) continue;
      const due = addWorkingDays(change.after, r.due_from, r.due_working_days).date;
      const at = clock.now().toISOString();
      if (due !== r.due_date) await q.setDue(trx, r.id, due, at);
      const body = t(LANG, 'task.due_recomputed', { year: change.year, days: r.due_working_days, from: r.due_date, to: due });
      await q.addComment(trx, { task_id: r.id, author_id: change.ctx.actor.id, body, created_at: at });
      await audit.record(trx, actorInfo(change.ctx), { action: 'update', entityType: 'task', entityId: r.id, summary: `${change.year}`, changes: { dueDate: [r.due_date, due] } });
      // The due-soon reminder is counted in working days too, so it is rescheduled even when the date stays.
      const assignee = await q.assignee(trx, r.assignee_id);
      await scheduleReminders(trx, { id: r.id, title: r.title, dueDate: due, assigneeId: r.assignee_id, supervisorId: assignee?.supervisor_id ?? null });
    }
  }

  const service = {
    createTask,
    recomputeForOfficialYear,
    get,
    canEdit,
    canComplete,
    today,
    comments: (id: number) => q.comments(db, id),
    list: (ctx: RequestContext, f: TaskFilters, p: { page: number; pageSize: number }) => q.list(db, ctx.actor, f, today(), p),

    async create(ctx: RequestContext, input: TaskInput) {
      await assertMayAssign(ctx, input.assigneeId);
      if ('date' in input.due && input.due.date < today()) throw errors.field('due.date', 'task.due_in_past');
      const { id } = await db.transaction().execute((trx) => createTask(trx, ctx.actor, { ...input, source: input.source ?? 'manual' }));
      return get(id);
    },

    async update(ctx: RequestContext, id: number, input: TaskUpdate) {
      const before = await get(id);
      if (!canEdit(ctx.actor, before)) throw errors.forbidden('task.edit_forbidden');
      if (before.status === 'done') throw errors.conflict('task.already_done', 'status');
      if (input.assigneeId !== undefined && input.assigneeId !== before.assignee_id) await assertMayAssign(ctx, input.assigneeId);
      if (input.dueDate !== undefined && input.dueDate !== before.due_date && input.dueDate < today()) throw errors.field('dueDate', 'task.due_in_past');
      const { version, ...fields } = input;
      await db.transaction().execute(async (trx) => {
        const assignee = await activeAssignee(trx, fields.assigneeId ?? before.assignee_id);
        const patch: Record<string, unknown> = {};
        const changes: Record<string, [unknown, unknown]> = {};
        const set = (field: string, column: string, value: unknown) => {
          const old = (before as Record<string, unknown>)[column] ?? null;
          if (value === undefined || old === value) return;
          patch[column] = value;
          changes[field] = [old, value];
        };
        set('title', 'title', fields.title);
        set('description', 'description', fields.description);
        set('dueDate', 'due_date', fields.dueDate);
        // A date chosen by hand is no longer a count of working days.
        if (changes.dueDate) Object.assign(patch, { due_working_days: null, due_from: null });
        set('status', 'status', fields.status);
        if (fields.assigneeId !== undefined && fields.assigneeId !== before.assignee_id) {
          set('assigneeId', 'assignee_id', fields.assigneeId);
          patch.team_id = assignee.team_id;
          patch.department_id = assignee.department_id;
        }
        await updateVersioned(trx, 'tasks', id, version, patch, clock.now().toISOString());
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'task', entityId: id, changes });
        const status = fields.status ?? before.status;
        const title = fields.title ?? before.title;
        if (status !== 'open') {
          await cancelReminders(trx, id);
          await notifications.markDone(trx, { type: 'task', id });
        }
        else if (changes.dueDate || changes.assigneeId || changes.status || changes.title) {
          await scheduleReminders(trx, { id, title, dueDate: fields.dueDate ?? before.due_date, assigneeId: assignee.id, supervisorId: assignee.supervisor_id });
        }
        if (changes.assigneeId && assignee.id !== ctx.actor.id) {
          await notifications.notify(trx, {
            userIds: [assignee.id],
            kind: 'task.assigned',
            titleKey: 'notify.task_assigned',
            bodyKey: 'notify.task_assigned_by',
            params: { title, date: fields.dueDate ?? before.due_date, name: ctx.actor.displayName },
            link: taskLink(id),
            subject: { type: 'task', id },
          });
        }
      });
      return get(id);
    },

    /** `conn`: the caller's transaction, when completing the task is part of a larger write (a plan's work record). */
    async complete(ctx: RequestContext, id: number, input: { note?: string | null; version: number }, conn?: Kysely<Database>) {
      const before = await get(id, conn);
      if (before.status !== 'open') throw errors.conflict('task.not_open', 'status');
      if (!canComplete(ctx.actor, before)) throw errors.forbidden('task.complete_forbidden');
      const now = clock.now().toISOString();
      const write = async (trx: Kysely<Database>) => {
        await updateVersioned(trx, 'tasks', id, input.version, { status: 'done', completed_at: now, completed_by: ctx.actor.id, completion_note: input.note ?? null }, now);
        await audit.record(trx, actorInfo(ctx), {
          action: 'complete',
          entityType: 'task',
          entityId: id,
          changes: { status: [before.status, 'done'], completionNote: [null, input.note ?? null] },
        });
        await cancelReminders(trx, id);
        await notifications.markDone(trx, { type: 'task', id });
        if (before.creator_id !== ctx.actor.id) {
          await notifications.notify(trx, {
            userIds: [before.creator_id],
            kind: 'task.completed',
            titleKey: 'notify.task_completed',
            params: { title: before.title, name: ctx.actor.displayName },
            body: input.note ?? null,
            link: taskLink(id),
          });
        }
      };
      if (conn) await write(conn);
      else await db.transaction().execute(write);
      return get(id, conn);
    },

    async comment(ctx: RequestContext, id: number, body: string) {
      const task = await get(id);
      await db.transaction().execute(async (trx) => {
        const commentId = await q.addComment(trx, { task_id: id, author_id: ctx.actor.id, body, created_at: clock.now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'comment', entityType: 'task', entityId: id, summary: `comment ${commentId}` });
        const others = [task.assignee_id, task.creator_id].filter((u) => u !== ctx.actor.id);
        if (others.length) {
          await notifications.notify(trx, {
            userIds: others,
            kind: 'task.comment',
            titleKey: 'notify.task_comment',
            params: { title: task.title, name: ctx.actor.displayName },
            body: body.length > 200 ? `${body.slice(0, 200)}…` : body,
            link: taskLink(id),
          });
        }
      });
      return q.comments(db, id);
    },

    /** Home page: the caller's open tasks (due and overdue). */
    ownProvider: {
      key: 'tasks',
      async items(conn, actor, day): Promise<TodoItem[]> {
        const rows = await q.openOf(conn, actor.id, 100);
        return rows.map((r) => {
          const overdue = isOverdue({ status: 'open', dueDate: r.due_date }, day);
          return { kind: overdue ? 'task_overdue' : 'task', title: r.title, dueDate: r.due_date, overdue, link: taskLink(r.id), detail: null };
        });
      },
    } satisfies TodoProvider,

    /** Home page of a supervisor: the overdue tasks of the members of the teams they supervise. */
    teamProvider: {
      key: 'team_tasks',
      async items(conn, actor, day): Promise<TodoItem[]> {
        const rows = await q.teamOverdue(conn, actor.id, day, 100);
        return rows.map((r) => ({ kind: 'task_overdue', title: r.title, dueDate: r.due_date, overdue: true, link: taskLink(r.id), detail: r.assignee_name }));
      },
    } satisfies TodoProvider,
  };
  return service satisfies TaskService;
}
export type TasksService = ReturnType<typeof createTaskService>;
