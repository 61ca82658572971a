import type { ColumnType, Generated } from 'kysely';
import type { Instant, Flag } from '../../db/schema';

/** The complaints module's tables (column types as Kysely sees them). */
export interface ComplaintTable {
  id: Generated<number>;
  complaint_no: string; // TS2026-000123
  channel: string; // hotline | phone | email | visit | letter | online
  via_public: ColumnType<Flag, Flag | undefined, Flag>; // filed by the customer on the public page
  received_at: Instant;
  received_date: string; // Asia/Shanghai
  customer_id: number | null; // picked from the archive, else only the complainant below
  complainant_name: string;
  complainant_phone: string | null;
  complainant_phone_digits: string | null;
  complainant_company: string | null;
  complainant_email: string | null;
  content: string;
  category: string; // one of the setting complaints.categories when recorded
  severity: string; // general 一般 | major 较大 | serious 重大
  handler_id: number | null;
  team_id: number | null; // the handler's, for the data scope
  department_id: number | null;
  fault_department_id: number | null;
  status: ColumnType<string, string | undefined, string>; // received | processing | opinion_pending | opinion_approved | told | closed
  cycle: ColumnType<number, number | undefined, number>;
  cycle_start_date: string;
  first_contact_due: string;
  first_contacted_at: Instant | null;
  resolution_days: number;
  extension_days: ColumnType<number, number | undefined, number>;
  resolution_due: string;
  told_at: Instant | null;
  told_method: string | null;
  told_note: string | null;
  closed_at: Instant | null;
  satisfaction_score: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintSequenceTable {
  year: number;
  last_no: number;
}

export interface ComplaintEventTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  kind: string;
  note: string | null;
  public: ColumnType<Flag, Flag | undefined, Flag>;
  actor_id: number | null;
  actor_name: string | null;
  at: Instant;
}

export interface ComplaintOpinionTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  content: string;
  status: string; // draft | pending | approved | returned | rejected | withdrawn
  drafted_by: number;
  team_id: number | null;
  department_id: number | null;
  decided_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintExtensionTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  days: number;
  reason: string;
  status: string; // pending | approved | returned | rejected | withdrawn
  requested_by: number;
  team_id: number | null;
  department_id: number | null;
  due_before: string;
  due_after: string | null;
  decided_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintMeetingTable {
  id: Generated<number>;
  complaint_id: number;
  status: ColumnType<string, string | undefined, string>; // open | decided
  meeting_date: string | null;
  attendees: string | null;
  decisions: string | null;
  recorded_by: number | null;
  recorded_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintRectificationTable {
  id: Generated<number>;
  complaint_id: number;
  notice_no: string; // ZG2026-000001
  department_id: number | null;
  department_name: string;
  recipient_id: number | null;
  requirement: string;
  due_date: string;
  status: ColumnType<string, string | undefined, string>; // open | replied
  reply: string | null;
  replied_by: number | null;
  replied_at: Instant | null;
  issued_by: number;
  issued_at: Instant;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintBreachTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  kind: string; // first_contact | resolution
  due_date: string;
  handler_id: number | null;
  team_id: number | null;
  department_id: number | null;
  recorded_at: Instant;
}

export interface ComplaintSatisfactionTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  customer_id: number | null;
  handler_id: number | null;
  score: number; // 1–5
  via: string; // customer | staff
  at: Instant;
}

export interface ComplaintTables {
  complaints: ComplaintTable;
  complaint_sequences: ComplaintSequenceTable;
  complaint_events: ComplaintEventTable;
  complaint_opinions: ComplaintOpinionTable;
  complaint_extensions: ComplaintExtensionTable;
  complaint_meetings: ComplaintMeetingTable;
  complaint_rectifications: ComplaintRectificationTable;
  complaint_breaches: ComplaintBreachTable;
  complaint_satisfaction: ComplaintSatisfactionTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends ComplaintTables {}
}
