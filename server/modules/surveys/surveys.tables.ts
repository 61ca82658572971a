import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The surveys module's tables (column types as Kysely sees them). */
export interface SurveyTemplateTable {
  id: Generated<number>;
  /** The id of the family's first version (set right after that version is inserted). */
  family_id: number | null;
  version_no: ColumnType<number, number | undefined, number>;
  name: string;
  description: string | null;
  intro: string | null;
  definition: string; // JSON Definition (surveys.rules.ts)
  status: ColumnType<string, string | undefined, string>; // draft | published (frozen)
  builtin_key: string | null; // satisfaction_003 | needs_003 for the seed forms
  published_at: Instant | null;
  published_by: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SurveyCampaignTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  template_id: number; // the exact version asked
  family_id: number;
  filter: string; // JSON CampaignFilter
  status: ColumnType<string, string | undefined, string>; // draft | active | closed
  start_date: string; // YYYY-MM-DD
  end_date: string;
  target_count: ColumnType<number, number | undefined, number>;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  started_at: Instant | null;
  started_by: number | null;
  closed_at: Instant | null;
  closed_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SurveyTargetTable {
  id: Generated<number>;
  campaign_id: number;
  customer_id: number;
  /** The customer's responsible person, team and department when the campaign started. */
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  province: string | null;
  customer_status: string | null;
  status: ColumnType<string, string | undefined, string>; // pending | answered
  link_hash: string | null; // sha256 hex of the personal link's token
  link_expires_at: Instant | null;
  link_issued_at: Instant | null;
  link_issued_by: number | null;
  answered_at: Instant | null;
  created_at: Instant;
}

export interface SurveyResponseTable {
  id: Generated<number>;
  campaign_id: number;
  target_id: number;
  template_id: number;
  customer_id: number;
  channel: string; // link | phone | fax | meeting | email | paper
  respondent_name: string | null;
  entered_by: number | null;
  answered_at: Instant;
  created_at: Instant;
}

export interface SurveyAnswerTable {
  id: Generated<number>;
  response_id: number;
  question_key: string;
  score: number | null;
  choices: string | null; // JSON string[]
  text_value: string | null;
}

export interface SurveyScoreTable {
  id: Generated<number>;
  response_id: number;
  campaign_id: number;
  customer_id: number;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  satisfaction_index: number | null;
  scale_items: ColumnType<number, number | undefined, number>;
  answered_at: Instant;
}

export interface SurveyImprovementPlanTable {
  id: Generated<number>;
  campaign_id: number;
  title: string;
  findings: string;
  goals: string;
  status: ColumnType<string, string | undefined, string>; // draft | pending | returned | approved | rejected | withdrawn
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  submitted_at: Instant | null;
  approved_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SurveyImprovementItemTable {
  id: Generated<number>;
  plan_id: number;
  sort_order: ColumnType<number, number | undefined, number>;
  measure: string;
  assignee_id: number;
  due_date: string;
  task_id: number | null;
}

// ── Complaints 投诉 (docs/regulations.md §10, issue 5 §1–7) ─────────────────────────────

export interface SurveyTables {
  survey_templates: SurveyTemplateTable;
  survey_campaigns: SurveyCampaignTable;
  survey_targets: SurveyTargetTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  survey_scores: SurveyScoreTable;
  survey_improvement_plans: SurveyImprovementPlanTable;
  survey_improvement_items: SurveyImprovementItemTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends SurveyTables {}
}
