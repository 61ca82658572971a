import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The evaluations module's tables (column types as Kysely sees them). */
export interface EvaluationTemplateTable {
  id: Generated<number>;
  /** The first version's id: every version of one scorecard shares it. */
  family_id: number | null;
  version_no: number;
  name: string;
  description: string | null;
  status: ColumnType<string, string | undefined, string>; // active | superseded
  builtin_key: string | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface EvaluationIndicatorTable {
  id: Generated<number>;
  template_id: number;
  position: number;
  name: string;
  weight: number; // whole percent
  basis: string; // 评分依据
}

export interface EvaluationTable {
  id: Generated<number>;
  customer_id: number;
  template_id: number;
  evaluated_on: string;
  /** Σ score × weight: hundredths of a point (0–10,000). */
  total_hundredths: number;
  recommendation: string; // maintain | improve | terminate
  conclusion: string | null;
  status: ColumnType<string, string | undefined, string>; // draft | submitted | confirmed | returned
  submitted_by: number | null;
  submitted_at: Instant | null;
  reviewed_by: number | null;
  reviewed_at: Instant | null;
  review_comment: string | null;
  owner_id: number; // copied from the customer (data scope, docs/regulations.md §1)
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface EvaluationScoreTable {
  evaluation_id: number;
  indicator_id: number;
  score: number;
  basis: string | null;
}

export interface EvaluationStrengtheningTable {
  evaluation_id: number;
  level: string;
  influence: string | null;
  competitor_tie: string | null;
  responsible: string | null;
  measures: string | null;
  timing: string | null;
}

/** 终止合作 requests; status follows the approval request (pending | returned | approved | rejected | withdrawn). */
export interface EndCooperationRequestTable {
  id: Generated<number>;
  customer_id: number;
  evaluation_id: number | null;
  risk_id: number | null;
  reason: string;
  status: ColumnType<string, string | undefined, string>;
  applicant_id: number;
  owner_id: number; // copied from the customer (data scope, docs/regulations.md §1)
  team_id: number | null;
  department_id: number | null;
  decided_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface EvaluationTables {
  end_cooperation_requests: EndCooperationRequestTable;
  evaluation_templates: EvaluationTemplateTable;
  evaluation_indicators: EvaluationIndicatorTable;
  evaluations: EvaluationTable;
  evaluation_scores: EvaluationScoreTable;
  evaluation_strengthening: EvaluationStrengtheningTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends EvaluationTables {}
}
