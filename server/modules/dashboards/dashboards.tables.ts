import type { Instant } from '../../db/schema';

/** One figure over all customers as computed by the nightly run (docs/regulations.md §16). */
export interface DashboardSnapshotTable {
  name: string; // gradeRegion | salesTrend | topCustomers | cadence
  body: string; // JSON
  computed_at: Instant;
}

export interface DashboardTables {
  dashboard_snapshots: DashboardSnapshotTable;
}

declare module '../../db/schema' {
  interface Database extends DashboardTables {}
}
