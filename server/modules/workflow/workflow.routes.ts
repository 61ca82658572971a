import { isProvisionalSpan } from '../../platform/calendar/calendar.rules';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import type { Actor } from '../../platform/permissions/actor';
import { type NotificationsService, renderNotification } from './notifications.service';
import type { Lang } from '../../platform/http/i18n';
import type { TasksService } from './tasks.service';
import type { TodosService } from './todo.service';
import {
  commentOut,
  deliveryOut,
  deliveryQuery,
  heldBody,
  outboxStateOut,
  markReadBody,
  notificationOut,
  notificationQuery,
  taskCommentBody,
  taskCompleteBody,
  taskCreateBody,
  taskDetailOut,
  taskOut,
  taskQuery,
  taskUpdateBody,
  todoItemOut,
} from './workflow.schemas';
import { isOverdue } from './workflow.rules';
import { maskPersonalData } from '../../platform/outgoing/masking';

type NotificationRow = Awaited<ReturnType<NotificationsService['list']>>['rows'][number];
type DeliveryRow = Awaited<ReturnType<NotificationsService['deliveries']>>['rows'][number];
type TaskRow = Awaited<ReturnType<TasksService['get']>>;
type CommentRow = Awaited<ReturnType<TasksService['comments']>>[number];

const linkOf = (r: { link_type: string | null; link_id: number | null; link_path: string | null }) =>
  r.link_type && r.link_id != null && r.link_path ? { type: r.link_type, id: r.link_id, path: r.link_path } : null;

const presentNotification = (r: NotificationRow, lang: Lang): z.infer<typeof notificationOut> => ({
  id: r.id,
  kind: r.kind,
  ...renderNotification(r, lang),
  link: linkOf(r),
  readAt: r.read_at,
  doneAt: r.done_at,
  createdAt: r.created_at,
});

const presentDelivery = (r: DeliveryRow): z.infer<typeof deliveryOut> => ({
  id: r.id,
  channel: r.channel,
  // The administrator sees whom a message was for, not the whole address (issue 18 §2).
  recipient: r.recipient == null ? null : maskPersonalData(r.recipient),
  kind: r.kind,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  sentAt: r.sent_at,
  createdAt: r.created_at,
});

const presentComment = (c: CommentRow): z.infer<typeof commentOut> => ({
  id: c.id,
  body: c.body,
  authorId: c.author_id,
  authorName: c.author_name,
  createdAt: c.created_at,
});

export async function workflowRoutes(root: FastifyInstance, deps: { notifications: NotificationsService; tasks: TasksService; todo: TodosService; calendar: CalendarService }) {
  const { notifications, tasks, todo, calendar } = deps;
  const officialYears = async () => (await calendar.data()).officialYears;
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Notifications and the to-do list are the user's own; tasks are work, which finance does not do here.
  const own = { policy: { self: true } } as const;
  const taskWork = { policy: { capability: 'tasks.use' } };

  const presentTask = (actor: Actor, r: TaskRow, today: string, official: ReadonlySet<number>): z.infer<typeof taskOut> => ({
    id: r.id,
    title: r.title,
    description: r.description,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    creatorId: r.creator_id,
    creatorName: r.creator_name,
    dueDate: r.due_date,
    // Counted in working days over a year without an official schedule (docs/regulations.md §10).
    dueProvisional: r.due_from != null && isProvisionalSpan({ officialYears: official }, r.due_from, r.due_date),
    status: r.status,
    overdue: isOverdue({ status: r.status, dueDate: r.due_date }, today),
    link: linkOf(r),
    source: r.source,
    completedAt: r.completed_at,
    completedByName: r.completer_name ?? null,
    completionNote: r.completion_note,
    canEdit: r.status !== 'done' && tasks.canEdit(actor, r),
    canComplete: tasks.canComplete(actor, r),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const detail = async (actor: Actor, r: TaskRow) => ({ ...presentTask(actor, r, tasks.today(), await officialYears()), comments: (await tasks.comments(r.id)).map(presentComment) });

  // ── Notifications: every signed-in user reads only their own inbox ──────────────────────────
  {
    const tags = ['notifications 通知'];
    app.get('/api/notifications', {
      config: own,
      schema: { tags, querystring: notificationQuery, response: { 200: page(notificationOut).extend({ unread: z.number() }) } },
      handler: async (req) => {
        const rc = requestContext(req);
        const me = rc.actor.id;
        const { page: p, pageSize, unread } = req.query;
        const [{ rows, total }, count] = await Promise.all([notifications.list(me, { unread }, { page: p, pageSize }), notifications.unreadCount(me)]);
        return { items: rows.map((r) => presentNotification(r, rc.lang)), total, page: p, pageSize, unread: count };
      },
    });

    app.get('/api/notifications/unread-count', {
      config: own,
      schema: { tags, response: { 200: z.object({ count: z.number() }) } },
      handler: async (req) => ({ count: await notifications.unreadCount(requestContext(req).actor.id) }),
    });

    app.post('/api/notifications/read', {
      config: own,
      schema: { tags, body: markReadBody, response: { 200: z.object({ unread: z.number() }) } },
      handler: async (req) => {
        const me = requestContext(req).actor.id;
        await notifications.markRead(me, req.body.ids);
        return { unread: await notifications.unreadCount(me) };
      },
    });

    app.post('/api/notifications/read-all', {
      config: own,
      schema: { tags, response: { 200: z.object({ unread: z.number() }) } },
      handler: async (req) => {
        const me = requestContext(req).actor.id;
        await notifications.markAllRead(me);
        return { unread: await notifications.unreadCount(me) };
      },
    });

    // The outbox, for the administrator checking why a WeCom / DingTalk / e-mail message did not arrive.
    app.get('/api/notifications/deliveries', {
      config: { policy: { capability: 'settings.manage' } },
      schema: { tags, querystring: deliveryQuery, response: { 200: page(deliveryOut) } },
      handler: async (req) => {
        const { page: p, pageSize, status } = req.query;
        const { rows, total } = await notifications.deliveries({ status }, { page: p, pageSize });
        return { items: rows.map(presentDelivery), total, page: p, pageSize };
      },
    });

    // Held messages (GUANXI_OUTBOX=hold, a restore drill): the administrator releases or discards them.
    app.get('/api/notifications/outbox', {
      config: { policy: { capability: 'settings.manage' } },
      schema: { tags, response: { 200: outboxStateOut } },
      handler: async () => notifications.outboxState(),
    });
    for (const action of ['release', 'discard'] as const) {
      app.post(`/api/notifications/deliveries/${action}`, {
        config: { policy: { capability: 'settings.manage' } },
        schema: { tags, body: heldBody, response: { 200: z.object({ count: z.number() }) } },
        handler: async (req) => ({ count: await notifications.settleHeld(requestContext(req), action, req.body.all ? 'all' : req.body.ids!) }),
      });
    }
    // Failed deliveries (issue 18 §3): sent again, one, several or all, with a fresh count of attempts.
    app.post('/api/notifications/deliveries/resend', {
      config: { policy: { capability: 'settings.manage' } },
      schema: { tags, body: heldBody, response: { 200: z.object({ count: z.number() }) } },
      handler: async (req) => ({ count: await notifications.resendFailed(requestContext(req), req.body.all ? 'all' : req.body.ids!) }),
    });
  }

  // ── Tasks (issue 4 §2): scope = assignee, creator, the assignee's team supervisor, managers ──
  {
    const tags = ['tasks 任务'];
    const resource = { type: 'task' as const };

    app.get('/api/tasks', {
      config: taskWork,
      schema: { tags, querystring: taskQuery, response: { 200: page(taskOut) } },
      handler: async (req) => {
        const ctx = requestContext(req);
        const { page: p, pageSize, ...f } = req.query;
        const today = tasks.today();
        const { rows, total } = await tasks.list(ctx, f, { page: p, pageSize });
        const official = await officialYears();
        return { items: rows.map((r) => presentTask(ctx.actor, r, today, official)), total, page: p, pageSize };
      },
    });

    app.get('/api/tasks/:id', {
      config: { policy: { capability: 'tasks.use', resource } },
      schema: { tags, params: idParams, response: { 200: taskDetailOut } },
      handler: async (req) => detail(requestContext(req).actor, await tasks.get(req.params.id)),
    });

    app.post('/api/tasks', {
      config: taskWork,
      schema: { tags, body: taskCreateBody, response: { 201: taskDetailOut } },
      handler: async (req, reply) => {
        const ctx = requestContext(req);
        return reply.status(201).send(await detail(ctx.actor, await tasks.create(ctx, req.body)));
      },
    });

    app.put('/api/tasks/:id', {
      config: { policy: { capability: 'tasks.use', resource } },
      schema: { tags, params: idParams, body: taskUpdateBody, response: { 200: taskDetailOut } },
      handler: async (req) => {
        const ctx = requestContext(req);
        return detail(ctx.actor, await tasks.update(ctx, req.params.id, req.body));
      },
    });

    app.post('/api/tasks/:id/complete', {
      config: { policy: { capability: 'tasks.use', resource } },
      schema: { tags, params: idParams, body: taskCompleteBody, response: { 200: taskDetailOut } },
      handler: async (req) => {
        const ctx = requestContext(req);
        return detail(ctx.actor, await tasks.complete(ctx, req.params.id, req.body));
      },
    });

    app.post('/api/tasks/:id/comments', {
      config: { policy: { capability: 'tasks.use', resource } },
      schema: { tags, params: idParams, body: taskCommentBody, response: { 201: z.object({ comments: z.array(commentOut) }) } },
      handler: async (req, reply) => {
        const comments = await tasks.comment(requestContext(req), req.params.id, req.body.body);
        return reply.status(201).send({ comments: comments.map(presentComment) });
      },
    });
  }

  // ── The to-do home page (issue 4 §3) ───────────────────────────────────────────────────────
  app.get('/api/home/todo', {
    config: own,
    schema: { tags: ['home 首页'], response: { 200: z.array(todoItemOut) } },
    handler: async (req) => {
      const ctx = requestContext(req);
      const items = await todo.items(ctx.actor, tasks.today(), (key, err) => req.log.error({ err, provider: key }, 'to-do provider failed'));
      return items.map((i) => ({ kind: i.kind, title: i.title, dueDate: i.dueDate ?? null, overdue: !!i.overdue, link: i.link, detail: i.detail ?? null }));
    },
  });
}
