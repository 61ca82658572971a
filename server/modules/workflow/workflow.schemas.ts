import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';

/** Request and response schemas of the workflow routes (notifications, tasks, the to-do home page). */

export const recordLink = z.object({ type: z.string(), id: z.number(), path: z.string() });

export const notificationOut = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: recordLink.nullable(),
  readAt: z.string().nullable(),
  /** Set when the approval or task it asked about was decided or completed: nothing left to do. */
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});

export const notificationQuery = z
  .object({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), ...pagingQuery })
  .strict();

export const markReadBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(200) }).strict();

export const deliveryOut = z.object({
  id: z.number(),
  channel: z.string(),
  recipient: z.string().nullable(),
  kind: z.string(),
  subject: z.string(),
  status: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

export const deliveryQuery = z.object({ status: z.enum(['pending', 'sending', 'sent', 'failed', 'held', 'discarded']).optional(), ...pagingQuery }).strict();

/** Held messages to release or discard: the listed ones, or all of them. */
export const heldBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((b) => (b.ids ? !b.all : b.all), { message: 'validation.required', path: ['ids'] });

export const outboxStateOut = z.object({ mode: z.enum(['send', 'hold']), held: z.number() });

const title = z.string().trim().min(1, 'validation.required').max(200);
const description = z.string().trim().max(4000).nullable().optional();

export const taskCreateBody = z
  .object({
    title,
    description,
    assigneeId: z.number().int().positive(),
    /** A date, or N working days from today by the company calendar. */
    due: z.union([z.object({ date: dateString }).strict(), z.object({ workingDays: z.number().int().min(0).max(250) }).strict()]),
  })
  .strict();

export const taskUpdateBody = z
  .object({
    title: title.optional(),
    description,
    assigneeId: z.number().int().positive().optional(),
    dueDate: dateString.optional(),
    /** Completing goes through /complete (with its note); here a task is cancelled or reopened. */
    status: z.enum(['open', 'cancelled']).optional(),
    version,
  })
  .strict();

export const taskCompleteBody = z.object({ note: z.string().trim().max(2000).nullable().optional(), version }).strict();
export const taskCommentBody = z.object({ body: z.string().trim().min(1, 'validation.required').max(2000) }).strict();

export const taskQuery = z
  .object({
    view: z.enum(['mine', 'created', 'team']).optional(),
    status: z.enum(['open', 'done', 'cancelled']).optional(),
    overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    q: z.string().trim().max(50).optional(),
    assigneeId: z.coerce.number().int().positive().optional(),
    ...pagingQuery,
  })
  .strict();

export const taskOut = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  assigneeId: z.number(),
  assigneeName: z.string(),
  creatorId: z.number(),
  creatorName: z.string(),
  dueDate: z.string(),
  /** The due date was counted over provisional holidays; it is recomputed when the official year is entered. */
  dueProvisional: z.boolean(),
  status: z.string(),
  overdue: z.boolean(),
  link: recordLink.nullable(),
  source: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedByName: z.string().nullable(),
  completionNote: z.string().nullable(),
  canEdit: z.boolean(),
  canComplete: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const commentOut = z.object({ id: z.number(), body: z.string(), authorId: z.number(), authorName: z.string(), createdAt: z.string() });

export const taskDetailOut = taskOut.extend({ comments: z.array(commentOut) });

export const todoItemOut = z.object({
  kind: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  link: recordLink,
  detail: z.string().nullable(),
});
