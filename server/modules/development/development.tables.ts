import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The development module's tables (column types as Kysely sees them). */
export interface ProspectTable {
  id: Generated<number>;
  company_name: string;
  contact_name: string | null;
  phone: string | null;
  phone_digits: string | null;
  channel: string; // online | trade_fair | telemarketing | referral | word_of_mouth
  stage: string; // contact | needs | demo | negotiation | contract | lost
  lost_reason: string | null;
  expected_amount: number | null; // 万元
  next_step: string | null;
  notes: string | null;
  stage_changed_at: Instant;
  customer_id: number | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** Append-only: one row per stage move (from_stage null = the prospect was entered). */
export interface ProspectStageHistoryTable {
  id: Generated<number>;
  prospect_id: number;
  from_stage: string | null;
  to_stage: string;
  note: string | null;
  expected_amount: number | null;
  actor_id: number | null;
  actor_name: string | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  at: Instant;
}

interface DevelopmentScopedColumns {
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** 客户调查计划表 */
export interface ResearchPlanTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  title: string;
  goal: string | null;
  key_targets: string | null;
  other_targets: string | null;
  content: string | null;
  schedule: string | null;
  method: string | null;
  people: string | null;
  budget: number | null;
  notes: string | null;
}

/** 客户调查分析报告表 */
export interface ResearchReportTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  plan_id: number;
  title: string;
  background: string | null;
  purpose: string | null;
  method: string | null;
  department_name: string | null;
  subjects: string | null;
  survey_period: string | null;
  factors: string | null;
  price_tolerance: string | null;
  expected_services: string | null;
  opinions: string | null;
  suggestions: string | null;
}

/** 客户开发计划; status follows the approval request (draft | pending | returned | approved | rejected | withdrawn). */
export interface DevelopmentPlanTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  title: string;
  period_start: string;
  period_end: string;
  goal: string | null;
  schedule: string | null;
  support_needed: string | null;
  budget: number | null;
  status: ColumnType<string, string | undefined, string>;
  submitted_at: Instant | null;
  decided_at: Instant | null;
}

export interface DevelopmentPlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  sort_order: number;
  prospect_id: number | null;
  customer_name: string;
  visit_date: string | null;
  visit_contact: string | null;
  contact_position: string | null;
  contact_department: string | null;
  appointment: string | null;
  category: string | null;
  notes: string | null;
}

/** 客户开发记录表 */
export interface DevelopmentRecordTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  prospect_id: number;
  customer_id: number | null;
  customer_name: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  products: string | null;
  first_deal_amount: number | null;
  how_won: string | null;
  notes: string | null;
  instruction: string | null;
  instruction_by: number | null;
  instruction_at: Instant | null;
}


export interface DevelopmentTables {
  prospects: ProspectTable;
  prospect_stage_history: ProspectStageHistoryTable;
  research_plans: ResearchPlanTable;
  research_reports: ResearchReportTable;
  development_plans: DevelopmentPlanTable;
  development_plan_targets: DevelopmentPlanTargetTable;
  development_records: DevelopmentRecordTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends DevelopmentTables {}
}
