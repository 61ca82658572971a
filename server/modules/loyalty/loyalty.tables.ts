import type { Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** One churn-risk period of one customer (docs/regulations.md §16): the owner's outreach task and the reason. */
export interface LoyaltyChurnRiskTable {
  id: Generated<number>;
  customer_id: number;
  /** The day the customer became a risk (last visit + N months): one row, so one task, per period. */
  risk_since: string;
  owner_id: number | null;
  task_id: number | null;
  reason: string | null;
  reason_by: number | null;
  reason_at: Instant | null;
  /** Set once a visit ends the period: its outreach task is completed then. */
  closed_at: Instant | null;
  created_at: Instant;
}

export interface LoyaltyTables {
  loyalty_churn_risks: LoyaltyChurnRiskTable;
}

declare module '../../db/schema' {
  interface Database extends LoyaltyTables {}
}
