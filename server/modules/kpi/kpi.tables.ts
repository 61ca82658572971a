import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The KPI module's tables (docs/regulations.md §17, §19). */
export interface KpiTargetTable {
  id: Generated<number>;
  subject_type: string; // 'user' | 'team'
  subject_id: number;
  team_id: number | null;
  department_id: number | null;
  metric: string;
  period: string; // YYYY-MM
  target: number;
  updated_by: number;
  updated_at: Instant;
}

export interface KpiAnnulmentTable {
  id: Generated<number>;
  user_id: number;
  month: string;
  deduction_key: string;
  points: number;
  text: string;
  reason: string;
  annulled_by: number;
  annulled_at: Instant;
}

export interface KpiReportTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  period: string;
  due_date: string;
  content: string;
  submitted_at: Instant;
  late: number;
}

export interface KpiMeetingTable {
  id: Generated<number>;
  department_id: number;
  starts_at: Instant;
  status: string; // 'scheduled' | 'held'
  attendee_ids: ColumnType<string, string | undefined, string>;
  decisions: string | null;
  notes: string | null;
  recorded_by: number | null;
  recorded_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
}

export interface KpiTables {
  kpi_targets: KpiTargetTable;
  kpi_annulments: KpiAnnulmentTable;
  kpi_reports: KpiReportTable;
  kpi_meetings: KpiMeetingTable;
}

declare module '../../db/schema' {
  interface Database extends KpiTables {}
}
