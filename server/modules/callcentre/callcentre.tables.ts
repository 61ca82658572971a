import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** A call handled by an agent (docs/regulations.md §1): from the telephony hook or recorded by hand. */
export interface CallTable {
  id: Generated<number>;
  /** The telephony system's call id; unique, so the same event posted twice finds the call. Null for calls entered by hand. */
  call_ref: string | null;
  direction: string; // inbound | outbound
  phone: string;
  phone_digits: string;
  customer_id: number | null;
  agent_id: number;
  team_id: number | null;
  department_id: number | null;
  started_at: Instant;
  duration_sec: number | null;
  category: string | null; // 咨询 consult | 受理 accept | 投诉 complaint | 回访 visit | 营销 marketing
  summary: string | null;
  result: string | null;
  follow_up: string | null;
  recorded_at: Instant | null;
  complaint_id: number | null;
  task_id: number | null;
  visit_id: number | null;
  list_item_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** Every accepted telephony event, unique per call and kind; the screen-pop reads the agent's new ones. */
export interface CallEventTable {
  id: Generated<number>;
  call_ref: string;
  kind: string; // ringing | answered | ended
  call_id: number;
  agent_id: number;
  at: Instant;
}

/** An outbound call list (e.g. this week's phone visits due by cadence) and its lines, each assigned to an agent. */
export interface CallListTable {
  id: Generated<number>;
  name: string;
  source: string; // cadence | manual
  week_start: string;
  created_by: number;
  created_at: Instant;
}

export interface CallListItemTable {
  id: Generated<number>;
  list_id: number;
  customer_id: number;
  agent_id: number;
  due_date: string | null;
  status: ColumnType<string, string | undefined, string>; // open | done
  call_id: number | null;
}

/** One QA scoring of one call by the template's weighted items, with the agent's dispute. */
export interface QaScoreTable {
  id: Generated<number>;
  call_id: number;
  agent_id: number;
  team_id: number | null;
  department_id: number | null;
  month: string; // YYYY-MM of the call
  scorer_id: number;
  items: string; // JSON [{key,label,weight,score}]
  total: number; // weighted, one decimal
  comment: string | null;
  dispute_reason: string | null;
  dispute_status: ColumnType<string, string | undefined, string>; // none | open | upheld | rejected
  dispute_reply: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

declare module '../../db/schema' {
  interface Database {
    callcentre_calls: CallTable;
    callcentre_call_events: CallEventTable;
    callcentre_lists: CallListTable;
    callcentre_list_items: CallListItemTable;
    callcentre_qa_scores: QaScoreTable;
  }
}
