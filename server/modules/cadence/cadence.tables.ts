import type { Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** One overdue period of one customer and the owner's task for it (docs/regulations.md §8). */
export interface CadenceTaskTable {
  id: Generated<number>;
  customer_id: number;
  /** The cadence due date that was missed: one row per customer and due date, so one task per overdue period. */
  due_date: string;
  owner_id: number;
  task_id: number;
  /** The working day from which the supervisor is told (Asia/Shanghai). */
  escalate_on: string;
  escalation_task_id: number | null;
  escalated_at: Instant | null;
  closed_at: Instant | null;
  created_at: Instant;
}

/** A reason recorded for a customer: the one-month cap does not apply to it. */
export interface CadenceExemptionTable {
  id: Generated<number>;
  customer_id: number;
  reason: string;
  created_by: number;
  created_at: Instant;
}

export interface CadenceTables {
  cadence_tasks: CadenceTaskTable;
  cadence_exemptions: CadenceExemptionTable;
}

declare module '../../db/schema' {
  interface Database extends CadenceTables {}
}
