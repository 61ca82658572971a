import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** A member: a company customer or an individual guest (exactly one of the two), one membership each. */
export interface MembershipTable {
  id: Generated<number>;
  member_no: string;
  customer_id: number | null;
  individual_id: number | null;
  tier: string; // a key of the membership.tiers setting
  joined_on: string; // YYYY-MM-DD; purchases from this day earn points
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** The points ledger: the balance is its sum, never stored apart from it. */
export interface MembershipPointsTable {
  id: Generated<number>;
  member_id: number;
  kind: string; // LedgerKind
  points: number; // signed
  occurred_on: string; // the day the points count from (expiry buckets by its year)
  source_kind: string | null; // transaction | return: one entry per source record
  source_id: number | null;
  amount_cents: number | null; // the amount that earned or took back the points
  expiry_year: number | null; // kind = expired: the year end it belongs to (one per member and year)
  gift_key: string | null;
  gift_name: string | null;
  quantity: number | null;
  reason: string | null;
  actor_id: number | null;
  at: Instant;
}

export interface MembershipTierChangeTable {
  id: Generated<number>;
  member_id: number;
  old_tier: string | null;
  new_tier: string;
  points: number; // accumulated points at the change
  cause: string; // TierCause
  reason: string; // in words, zh-CN, as written to the history
  actor_id: number | null;
  at: Instant;
}

export interface MembershipSequenceTable {
  year: number;
  last_no: number;
}

/** Year ends already processed (expiry and tier review), so the run happens once. */
export interface MembershipYearEndTable {
  year: number;
  expired_members: number;
  done_at: Instant;
}

/** A view: each member with its holder's owner / team / department (the holder's data scope) and name. */
export interface MemberScopeView {
  id: number;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  holder_name: string;
  holder_no: string | null;
}

export interface MembershipTables {
  memberships: MembershipTable;
  membership_points: MembershipPointsTable;
  membership_tier_changes: MembershipTierChangeTable;
  membership_sequences: MembershipSequenceTable;
  membership_year_ends: MembershipYearEndTable;
  member_scope: MemberScopeView;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends MembershipTables {}
}
