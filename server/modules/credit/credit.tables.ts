import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The credit module's tables (column types as Kysely sees them). */
export interface CreditSurveyTable {
  id: Generated<number>;
  customer_id: number;
  survey_date: string;
  registered_capital_wan: number;
  years_in_business: number;
  payment_record: string; // PaymentRecord
  overdue_wan: number;
  bank_rating: string; // BankRating
  legal_representative: string | null;
  main_business: string | null;
  bank_name: string | null;
  bank_account: string | null;
  annual_revenue_wan: number | null;
  notes: string | null;
  /** Agreed limit and terms; null = the rating band's suggestion. */
  credit_limit_wan: number | null;
  payment_terms_days: number | null;
  surveyed_by: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CreditRiskTable {
  id: Generated<number>;
  customer_id: number;
  category: string; // RiskCategory
  title: string;
  description: string | null;
  likelihood: number;
  impact: number;
  level: string; // RiskLevel, from the matrix when assessed
  response: string | null;
  assessed_on: string;
  review_due: string | null;
  review_task_due: string | null;
  review_task_id: number | null;
  status: ColumnType<string, string | undefined, string>; // open | closed
  outcome: string | null; // Outcome
  outcome_note: string | null;
  closed_at: Instant | null;
  closed_by: number | null;
  created_by: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CreditReceivableTable {
  id: Generated<number>;
  customer_id: number;
  /** The document number (ERP or finance); unique, so a push of the same document finds it. */
  doc_no: string;
  source: string; // 'manual' or the pushing system's name
  amount_cents: number; // whole 分
  due_date: string;
  paid_cents: ColumnType<number, number | undefined, number>;
  paid_date: string | null;
  notes: string | null;
  created_by: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** The rating in force per customer: the rating table's result lowered by `levels_down` for overdue receivables. */
export interface CreditRatingStateTable {
  customer_id: number;
  label: string;
  computed_label: string;
  levels_down: number;
  overdue_cents: number;
  overdue_days: number;
  reason: string | null;
  changed_at: Instant;
  computed_at: Instant;
}

export interface CreditRatingChangeTable {
  id: Generated<number>;
  customer_id: number;
  old_label: string | null;
  new_label: string;
  computed_label: string;
  levels_down: number;
  overdue_cents: number;
  overdue_days: number;
  reason: string;
  cause: string; // RatingCause
  actor_id: number | null;
  at: Instant;
}

interface ScopeView {
  id: number;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
}

export interface CreditTables {
  credit_surveys: CreditSurveyTable;
  credit_risks: CreditRiskTable;
  credit_survey_scope: ScopeView;
  credit_risk_scope: ScopeView;
  credit_receivables: CreditReceivableTable;
  credit_rating_states: CreditRatingStateTable;
  credit_rating_changes: CreditRatingChangeTable;
  credit_receivable_scope: ScopeView;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends CreditTables {}
}
