import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';

/**
 * Contracts between the workflow services (issue 4 §2–4): notifications, reminders, tasks and the
 * to-do home page. Every module that creates work for people goes through these.
 */

/** A link from a task, notification or to-do item to the record it serves. */
export interface RecordLink {
  type: string; // 'customer', 'contract', 'maintenance_plan', 'approval', …
  id: number;
  /** Web path, e.g. /contracts/7. */
  path: string;
}

export interface NotificationInput {
  userIds: number[];
  /** Machine kind, e.g. 'approval.waiting', 'task.overdue', 'contract.effective'. */
  kind: string;
  /**
   * The title as a server message key (`titleKey`) with `params`, rendered in each reader's language when read
   * and in each recipient's language for mail; `title` is plain text, only for rows that have no key.
   * Parameters are masked when stored (never an unmasked phone or ID number).
   */
  titleKey?: string;
  bodyKey?: string | null;
  params?: NotificationParams;
  title?: string;
  body?: string | null;
  link?: RecordLink | null;
  /** The approval or task the recipient is asked to act on: the notification is marked done when it is decided or completed. */
  subject?: { type: 'approval' | 'task'; id: number } | null;
}

/** A parameter is text, a number, or a message of its own (a label such as a recommendation) rendered in the same language. */
export type NotificationParams = Record<string, string | number | { key: string; params?: Record<string, string | number> }>;

export interface NotificationService {
  /**
   * Writes the in-app notification and queues e-mail / WeCom / DingTalk deliveries in the caller's
   * transaction; delivery happens later in the background with retries, so a failing channel never
   * fails the request that caused it.
   */
  notify(trx: Kysely<Database>, input: NotificationInput): Promise<void>;
  /** Marks the notifications about this approval or task done (and read), in the caller's transaction. */
  markDone(trx: Kysely<Database>, subject: { type: 'approval' | 'task'; id: number }): Promise<void>;
}

export interface ReminderInput {
  /** Unique per reminder, e.g. 'contract:7:expiry:30d'; scheduling the same key again replaces it. */
  key: string;
  dueAt: string; // ISO instant
  notification: NotificationInput;
}

export interface ReminderService {
  /** Schedules a reminder; the scheduler fires each exactly once across all app processes. */
  schedule(trx: Kysely<Database>, input: ReminderInput): Promise<void>;
  cancel(trx: Kysely<Database>, key: string): Promise<void>;
}

export interface TaskInput {
  title: string;
  description?: string | null;
  assigneeId: number;
  /** A calendar date (Asia/Shanghai) or N working days from today by the calendar service. */
  due: { date: string } | { workingDays: number };
  link?: RecordLink | null;
  /** The module that owns the task, e.g. 'maintenance_plan'. */
  source?: string | null;
}

export interface TaskService {
  /** Creates a task in the caller's transaction (notifies the assignee, schedules its reminder). */
  createTask(trx: Kysely<Database>, actor: Actor, input: TaskInput): Promise<{ id: number; dueDate: string }>;
}

/** One line on a person's to-do home page. */
export interface TodoItem {
  kind: string; // 'approval', 'task', 'task_overdue', later 'visit', 'complaint', 'birthday' …
  title: string;
  /** Due date (YYYY-MM-DD, Asia/Shanghai) when there is one. */
  dueDate?: string | null;
  overdue?: boolean;
  link: RecordLink;
  /** Secondary line, e.g. the applicant or the assignee (for a supervisor's view of the team). */
  detail?: string | null;
}

export interface TodoProvider {
  key: string;
  items(db: Kysely<Database>, actor: Actor, today: string): Promise<TodoItem[]>;
}

export interface TodoService {
  register(provider: TodoProvider): void;
}

// The to-do home page owns the `todoProviders` extension point: modules contribute what they put on it.
declare module '../../platform/modules/manifest' {
  interface ExtensionPoints {
    todoProviders: TodoProvider;
  }
}
