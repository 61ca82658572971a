import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The visits module's tables (column types as Kysely sees them). */
export interface VisitTable {
  id: Generated<number>;
  customer_id: number;
  kind: string; // Kind: record (客户回访记录表) | call (电话回访记录表)
  method: string; // Method
  visited_at: Instant;
  contact_name: string | null;
  purpose: string | null;
  points: string | null; // points discussed; a call's content
  satisfaction: string | null; // Satisfaction
  opinions: string | null; // the customer's opinions and requests
  countermeasures: string | null;
  result: string | null; // a call's result
  next_step: string | null;
  next_date: string | null;
  follow_up_task_id: number | null;
  maintenance_task_id: number | null; // the maintenance plan task this visit carries out, when there is one
  signature_attachment_id: number | null;
  checkin_at: Instant | null;
  checkin_lat: number | null; // WGS-84
  checkin_lng: number | null;
  checkin_accuracy_m: number | null;
  supervisor_comment: string | null;
  supervisor_comment_by: number | null;
  supervisor_comment_at: Instant | null;
  complaint_id: number | null;
  task_id: number | null;
  plan_line_id: ColumnType<number | null, number | null | undefined, number | null>; // the plan line this visit carries out
  visitor_id: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface VisitReportTable {
  id: Generated<number>;
  customer_id: number;
  visit_id: number | null;
  report_date: string;
  quality: string; // Quality
  service: string; // Service
  brand: string; // Brand
  quality_score: number;
  service_score: number;
  brand_score: number;
  suggestions: string | null;
  contacts: ColumnType<string, string | undefined, string>; // JSON: [{ role, name, position, phone, mobile }]
  signed_by: string | null;
  signature_attachment_id: number | null;
  reporter_id: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface TerritoryTable {
  id: Generated<number>;
  name: string;
  owner_id: number;
  regions: ColumnType<string, string | undefined, string>; // JSON: Region[]
  notes: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** A customer marked invalid for a territory, to be dropped from its visits (001 篇5 四). */
export interface TerritoryRemovalTable {
  id: Generated<number>;
  territory_id: number;
  customer_id: number;
  reason: string;
  marked_by: number;
  created_at: Instant;
}

export interface CustomerLocationTable {
  customer_id: number;
  lat: number; // WGS-84
  lng: number;
  source: string; // manual | checkin
  visit_id: number | null;
  updated_by: number;
  updated_at: Instant;
}

/** 回访计划表: one person's plan for a month or a week (docs/regulations.md §8). */
export interface VisitPlanTable {
  id: Generated<number>;
  author_id: number;
  team_id: number | null;
  department_id: number | null;
  kind: string; // PlanKind
  period: string;
  period_start: string;
  period_end: string;
  due_date: string;
  status: string; // PlanStatus
  notes: string | null;
  submitted_at: Instant | null;
  late: ColumnType<number, number | undefined, number>;
  approved_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface VisitPlanLineTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  customer_id: number;
  planned_on: string;
  purpose: string;
  method: string; // Method
  place: string | null;
  expected_cost_fen: ColumnType<number | string | null, number | null | undefined, number | null>; // bigint: PostgreSQL answers a string
}

interface ScopeView {
  id: number;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  visitor_id: number;
}

/** The customer's region and address, read through this module's view of the archive. */
interface CustomerRegionView {
  customer_id: number;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  legal_representative: string | null;
}

export interface VisitTables {
  visits: VisitTable;
  visit_reports: VisitReportTable;
  visit_territories: TerritoryTable;
  visit_territory_removals: TerritoryRemovalTable;
  visit_customer_locations: CustomerLocationTable;
  visit_plans: VisitPlanTable;
  visit_plan_lines: VisitPlanLineTable;
  visit_scope: ScopeView;
  visit_report_scope: ScopeView;
  visit_customer_regions: CustomerRegionView;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends VisitTables {}
}
