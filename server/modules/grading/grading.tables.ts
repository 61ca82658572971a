import type { Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The grade the system proposes for a customer (docs/regulations.md §3), recomputed nightly and on demand. */
export interface GradeProposalTable {
  customer_id: number;
  proposed_grade: string;
  row_no: number | null; // the row of the standard that matched; null: the default grade
  amount_class: string | null; // the inputs it was computed from
  industry_class: string | null;
  cooperation_class: string | null;
  score_hundredths: number | null; // the latest confirmed evaluation's total
  reason: string; // in words, zh-CN
  proposed_at: Instant;
  /** When a supervisor decided on this proposal (confirmed it or set another grade); a new proposal clears it. */
  decided_at: Instant | null;
}

/** Every confirmed grade: who, when, old → new, what was proposed and why. */
export interface GradeChangeTable {
  id: Generated<number>;
  customer_id: number;
  old_grade: string | null;
  new_grade: string;
  proposed_grade: string | null;
  overridden: number; // 1: the supervisor chose another grade than the proposal
  reason: string;
  actor_id: number | null;
  at: Instant;
}

export interface GradingTables {
  grade_proposals: GradeProposalTable;
  grade_changes: GradeChangeTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends GradingTables {}
}
