import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

type Version = ColumnType<number, number | undefined, number>;
type Fen = ColumnType<number | string, number | undefined, number>;

/** The projects module's tables (column types as Kysely sees them). */
export interface ProjectTable {
  id: Generated<number>;
  customer_id: number;
  title: string;
  goals: string;
  status: string; // ProjectStatus
  lead_id: number;
  team_id: number | null;
  department_id: number | null;
  plan_version: ColumnType<number, number | undefined, number>;
  acceptance_signed_by: string | null;
  acceptance_signed_on: string | null;
  acceptance_conclusion: string | null;
  acceptance_note: string | null;
  acceptance_recorded_by: number | null;
  review_summary: string | null;
  review_lessons: string | null;
  closed_at: Instant | null;
  closed_by: number | null;
  created_by: number;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProjectMemberTable {
  project_id: number;
  user_id: number;
  role: string;
  sort_order: number;
}

export interface ProjectContactTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  position: string | null;
  role: string;
  sort_order: number;
}

export interface ProjectMilestoneTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  cost_planned_fen: Fen;
  cost_actual_fen: Fen;
  quality_note: string | null;
  confirmation_id: number | null;
  overdue_notified_for: string | null;
  sort_order: number;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProjectConfirmationTable {
  id: Generated<number>;
  milestone_id: number;
  confirmed_by: string;
  confirmed_on: string;
  method: string;
  note: string | null;
  planned_start: string;
  planned_end: string;
  recorded_by: number;
  created_at: Instant;
}

export interface ProjectTaskTable {
  id: Generated<number>;
  project_id: number;
  milestone_id: number | null;
  title: string;
  assignee_id: number | null;
  due_date: string | null;
  status: string;
  done_at: Instant | null;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProjectMeetingTable {
  id: Generated<number>;
  project_id: number;
  held_on: string;
  attendees: string;
  minutes: string;
  decisions: string | null;
  created_by: number;
  created_at: Instant;
}

export interface ProjectChangeTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  reason: string;
  impact: string;
  schedule_days: number;
  cost_fen: Fen;
  status: string;
  requested_by: number;
  team_id: number | null;
  department_id: number | null;
  plan_version: number | null;
  decided_at: Instant | null;
  version: Version;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProjectPlanVersionTable {
  id: Generated<number>;
  project_id: number;
  version_no: number;
  change_id: number | null;
  milestones: string;
  created_at: Instant;
}

export interface ProjectTables {
  projects: ProjectTable;
  project_members: ProjectMemberTable;
  project_contacts: ProjectContactTable;
  project_milestones: ProjectMilestoneTable;
  project_confirmations: ProjectConfirmationTable;
  project_tasks: ProjectTaskTable;
  project_meetings: ProjectMeetingTable;
  project_changes: ProjectChangeTable;
  project_plan_versions: ProjectPlanVersionTable;
}

declare module '../../db/schema' {
  interface Database extends ProjectTables {}
}
