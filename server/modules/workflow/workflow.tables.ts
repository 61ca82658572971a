import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The workflow module's tables (column types as Kysely sees them). */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  link_type: string | null;
  link_id: number | null;
  link_path: string | null;
  read_at: Instant | null;
  created_at: Instant;
  /** Message keys and JSON parameters: the text is rendered in the reader's language; `title` / `body` are the zh-CN fallback. */
  title_key: ColumnType<string | null, string | null | undefined, string | null>;
  body_key: ColumnType<string | null, string | null | undefined, string | null>;
  params: ColumnType<string | null, string | null | undefined, string | null>;
  /** The approval or task the reader is asked to act on; `done_at` is set when it is decided or completed. */
  subject_type: ColumnType<string | null, string | null | undefined, string | null>;
  subject_id: ColumnType<number | null, number | null | undefined, number | null>;
  done_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** The outbox: one row per e-mail / group-robot message, sent in the background with retries. */
export interface NotificationDeliveryTable {
  id: Generated<number>;
  channel: string; // email | wecom | dingtalk
  recipient: string | null;
  kind: string;
  subject: string;
  body: string;
  status: string; // pending | sending | sent | failed | held | discarded
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Instant;
  claimed_by: string | null;
  claimed_until: Instant | null;
  last_error: string | null;
  sent_at: Instant | null;
  created_at: Instant;
}

/** Scheduled reminders; `fired_at` is set once, by the process that wins the claim. */
export interface ReminderTable {
  id: Generated<number>;
  key: string;
  due_at: Instant;
  payload: string; // JSON NotificationInput
  fired_at: Instant | null;
  fired_by: string | null;
  created_at: Instant;
}

export interface TaskTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  assignee_id: number;
  creator_id: number;
  team_id: number | null;
  department_id: number | null;
  due_date: string; // YYYY-MM-DD, Asia/Shanghai
  /** Set when the due date was counted in working days: N and the day counted from (else both null). */
  due_working_days: ColumnType<number | null, number | null | undefined, number | null>;
  due_from: ColumnType<string | null, string | null | undefined, string | null>;
  status: string; // open | done | cancelled
  link_type: string | null;
  link_id: number | null;
  link_path: string | null;
  source: string | null;
  completed_at: Instant | null;
  completed_by: number | null;
  completion_note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface TaskCommentTable {
  id: Generated<number>;
  task_id: number;
  author_id: number;
  body: string;
  created_at: Instant;
}

/** One token bucket per channel, shared by every app instance (issue 18 §3). */
export interface DeliveryRateBucketTable {
  key: string;
  tokens: number;
  refilled_ms: number;
  version: ColumnType<number, number | undefined, number>;
}

export interface WorkflowTables {
  delivery_rate_buckets: DeliveryRateBucketTable;
  notifications: NotificationTable;
  notification_deliveries: NotificationDeliveryTable;
  reminders: ReminderTable;
  tasks: TaskTable;
  task_comments: TaskCommentTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends WorkflowTables {}
}
