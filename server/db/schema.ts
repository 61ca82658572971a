import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Instants are stored as UTC ISO-8601 strings (timestamptz on PostgreSQL, parsed back to ISO strings). */
export type Instant = string;
/** Flags are 0/1 integers on both databases. */
export type Flag = number;

export interface DepartmentTable {
  id: Generated<number>;
  name: string;
  code: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  /** 部门负责人: approves as 'department_head' in approval chains (§18). */
  head_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface TeamTable {
  id: Generated<number>;
  name: string;
  department_id: number;
  supervisor_id: number | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  department_id: number | null;
  team_id: number | null;
  email: string | null;
  phone: string | null;
  locale: ColumnType<string, string | undefined, string>;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  must_change_password: ColumnType<Flag, Flag | undefined, Flag>;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: Instant | null;
  password_changed_at: Instant;
  last_login_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token; the token itself is never stored
  user_id: number;
  csrf_token: string;
  created_at: Instant;
  last_seen_at: Instant;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Instant;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string | null;
  changes: string | null; // JSON: { field: [old, new] }
  ip: string | null;
  request_id: string | null;
}

export interface SettingTable {
  key: string;
  value: string; // JSON
  version: ColumnType<number, number | undefined, number>;
  updated_at: Instant;
  updated_by: number | null;
}

export interface CalendarDayTable {
  id: Generated<number>;
  day: string; // YYYY-MM-DD in Asia/Shanghai
  kind: 'holiday' | 'workday';
  name: string;
  /** 'official' = an admin-entered State Council schedule; 'company' = company-specific extra day off/on */
  source: 'official' | 'company';
  created_by: number | null;
  created_at: Instant;
}

export interface CalendarYearTable {
  year: number;
  imported_at: Instant;
  imported_by: number | null;
}

export interface RateLimitTable {
  key: string;
  window_start: Instant;
  hits: number;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  lease_until: Instant;
  last_run_at: Instant | null;
}

/**
 * The one Database type every query is checked against. This file holds the platform's tables; each
 * module adds its own from its `<module>.tables.ts` (interface merging), so the platform imports no module.
 */
export interface Database {
  departments: DepartmentTable;
  teams: TeamTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  rate_limits: RateLimitTable;
  job_leases: JobLeaseTable;
  reference_labels: ReferenceLabelTable;
}

/** zh-TW / en labels of a shipped reference list's values (the value is the zh-CN label). */
export interface ReferenceLabelTable {
  list: string;
  value: string;
  label_zh_tw: string | null;
  label_en: string | null;
  updated_at: Instant;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Department = Selectable<DepartmentTable>;
export type Team = Selectable<TeamTable>;
export type AuditEntry = Selectable<AuditLogTable>;
