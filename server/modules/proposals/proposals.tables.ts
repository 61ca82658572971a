import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The proposal module's tables (column types as Kysely sees them). */
export interface ProposalTable {
  id: Generated<number>;
  title: string;
  proposed_on: string;
  source: string; // ProposalSource
  proposer_id: number | null;
  customer_id: number | null;
  contact_name: string | null;
  problem: string;
  proposal: string;
  expected_benefit: string;
  patent: ColumnType<number, number | undefined, number>;
  patent_note: string | null;
  status: ColumnType<string, string | undefined, string>; // ProposalStatus
  score_tenths: number | null;
  applicant_id: number | null;
  impl_department_id: number | null;
  impl_due: string | null;
  impl_done_on: string | null;
  report_motivation: string | null;
  report_before: string | null;
  report_after: string | null;
  report_method: string | null;
  report_benefit: string | null;
  report_conclusion: string | null;
  reward_cents: ColumnType<number | string | null, number | null | undefined, number | null>; // bigint: a string on PostgreSQL
  reward_form: string | null;
  reward_decided_by: number | null;
  rewarded_on: string | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProposalReviewTable {
  id: Generated<number>;
  proposal_id: number;
  reviewer_id: number;
  scores: string; // JSON Scores
  weights: string; // JSON Weights
  total_tenths: number;
  comment: string | null;
  created_at: Instant;
}

export interface ProposalAttachmentTable {
  id: Generated<number>;
  proposal_id: number;
  filename: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: number;
  created_at: Instant;
}

export interface ProposalTables {
  proposals: ProposalTable;
  proposal_reviews: ProposalReviewTable;
  proposal_attachments: ProposalAttachmentTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends ProposalTables {}
}
