import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The pool module's tables (column types as Kysely sees them). */
export interface PoolTable {
  id: Generated<number>;
  name: string;
  department_id: number;
  keeper_id: number;
  is_default: ColumnType<number, number | undefined, number>;
  created_at: Instant;
}

export interface PoolEntryTable {
  customer_id: number;
  pool_id: number;
  previous_owner_id: number | null;
  rule: string; // PoolRuleKind
  reason: string;
  released_at: Instant;
}

export interface PoolWatchTable {
  customer_id: number;
  owner_id: number;
  rule: string;
  due_date: string;
  reason: string;
  reminded_on: string | null;
  skip_reason: string | null;
  updated_at: Instant;
}

export interface PoolEventTable {
  id: Generated<number>;
  customer_id: number;
  pool_id: number | null;
  kind: string; // reminded | released | skipped | claimed
  user_id: number | null;
  reason: string;
  day: string;
  at: Instant;
}

export interface PoolTables {
  pools: PoolTable;
  pool_entries: PoolEntryTable;
  pool_watch: PoolWatchTable;
  pool_events: PoolEventTable;
}

declare module '../../db/schema' {
  interface Database extends PoolTables {}
}
