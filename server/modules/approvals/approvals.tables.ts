import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The approvals module's tables (column types as Kysely sees them). */
export interface ApprovalGroupTable {
  id: Generated<number>;
  key: string;
  name: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ApprovalGroupMemberTable {
  group_id: number;
  user_id: number;
}

/** One version of a document type's chain; editing inserts the next version. */
export interface ApprovalChainTable {
  id: Generated<number>;
  document_type: string;
  version: number;
  steps: string; // JSON ChainStep[]
  created_by: number | null;
  created_at: Instant;
}

export interface ApprovalRequestTable {
  id: Generated<number>;
  document_type: string;
  document_id: number;
  applicant_id: number;
  department_id: number | null;
  team_id: number | null;
  title: string;
  link: string;
  chain_version: number;
  steps: string; // JSON FrozenStep[]: the chain's steps with their conditions evaluated
  current_step: number | null;
  status: string; // pending | approved | rejected | returned | withdrawn
  round: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  submitted_at: Instant;
  decided_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** Append-only history of every submission and decision, all rounds. */
export interface ApprovalActionTable {
  id: Generated<number>;
  request_id: number;
  round: number;
  step_key: string | null;
  action: string; // submit | resubmit | approve | reject | return | withdraw
  actor_id: number;
  comment: string | null;
  returned_to: string | null;
  at: Instant;
}

export interface ApprovalStepVoteTable {
  request_id: number;
  round: number;
  step_key: string;
  user_id: number;
  at: Instant;
}


export interface ApprovalTables {
  approval_groups: ApprovalGroupTable;
  approval_group_members: ApprovalGroupMemberTable;
  approval_chains: ApprovalChainTable;
  approval_requests: ApprovalRequestTable;
  approval_actions: ApprovalActionTable;
  approval_step_votes: ApprovalStepVoteTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends ApprovalTables {}
}
