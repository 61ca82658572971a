import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

type Version = ColumnType<number, number | undefined, number>;

/** 客户来访登记表: one visitor's arrival and departure (docs/regulations.md §9). */
export interface ReceptionVisitTable {
  id: Generated<number>;
  visitor_name: string;
  /** The customer from the archive, or null when only `organisation` (free text) is known. */
  customer_id: number | null;
  organisation: string | null;
  phone: string | null;
  id_number: string | null;
  receiver_id: number;
  arrived_at: Instant;
  departed_at: Instant | null;
  note: string | null;
  created_by: number;
  team_id: number | null;
  department_id: number | null;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

/** 客户接待记录表: purpose, requests and the outcome of one reception. */
export interface ReceptionRecordTable {
  id: Generated<number>;
  visit_id: number | null;
  customer_id: number | null;
  organisation: string | null;
  visitor_name: string;
  receiver_id: number;
  received_on: string;
  purpose: string;
  requests: string | null;
  outcome: string; // Outcome
  promise_days: number | null;
  reason: string | null;
  task_id: number | null;
  task_due: string | null;
  created_by: number;
  team_id: number | null;
  department_id: number | null;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

/** 参观: an application, its approval, the permit and the day itself. */
export interface ReceptionTourTable {
  id: Generated<number>;
  customer_id: number | null;
  organisation: string | null;
  tour_type: string; // TourType
  visitors_count: number;
  scheduled_at: Instant;
  duration_minutes: number | null;
  content: string;
  scope: string;
  route: string;
  contact_name: string | null;
  photography_requested: number;
  photography_consented_by: number | null;
  photography_consented_at: Instant | null;
  status: ColumnType<string, string | undefined, string>; // TourStatus
  permit_no: string | null;
  applicant_id: number;
  team_id: number | null;
  department_id: number | null;
  approved_at: Instant | null;
  started_at: Instant | null;
  completed_at: Instant | null;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

/** 宴请: the director approves first, or afterwards when it was an emergency. */
export interface ReceptionBanquetTable {
  id: Generated<number>;
  customer_id: number | null;
  organisation: string | null;
  guests: string;
  guest_count: number;
  held_on: string;
  place: string;
  budget_fen: number;
  purpose: string;
  emergency: number;
  emergency_reason: string | null;
  status: ColumnType<string, string | undefined, string>; // BanquetStatus
  held_at: Instant | null;
  applicant_id: number;
  team_id: number | null;
  department_id: number | null;
  approved_at: Instant | null;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

interface ScopeView {
  id: number;
  owner_id: number;
  staff_id: number;
  team_id: number | null;
  department_id: number | null;
}

export interface ReceptionTables {
  reception_visits: ReceptionVisitTable;
  reception_records: ReceptionRecordTable;
  reception_tours: ReceptionTourTable;
  reception_banquets: ReceptionBanquetTable;
  reception_visit_scope: ScopeView;
  reception_record_scope: ScopeView;
  reception_tour_scope: ScopeView;
  reception_banquet_scope: ScopeView;
}

declare module '../../db/schema' {
  interface Database extends ReceptionTables {}
}
