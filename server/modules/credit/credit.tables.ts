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
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends CreditTables {}
}
