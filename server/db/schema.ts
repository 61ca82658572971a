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

export interface CustomerTable {
  id: Generated<number>;
  archive_no: string;
  name: string;
  name_normalized: string;
  name_pinyin: string;
  status: ColumnType<string, string | undefined, string>;
  credit_code: string | null;
  phone_digits: string | null;
  legal_representative: string | null;
  general_manager: string | null;
  address: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  industry: string | null;
  company_nature: string | null;
  company_size: string | null;
  business_scope: string | null;
  operating_status: string | null;
  position_in_industry: string | null;
  price_level: string | null;
  main_products: string | null;
  bank_name: string | null;
  bank_account: string | null;
  payment_habits: string | null;
  paying_contact: string | null;
  source_channel: string | null;
  contact_frequency: string | null;
  relationship_potential: string | null;
  cooperation_intention: string | null;
  staff_count: number | null;
  peak_month_amount: number | null;
  low_month_amount: number | null;
  tags: ColumnType<string, string | undefined, string>; // JSON array
  completeness: ColumnType<number, number | undefined, number>;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CustomerContactTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  position: string | null;
  department: string | null;
  mobile: string | null;
  phone: string | null;
  mobile_digits: string | null;
  email: string | null;
  birthday: string | null;
  notes: string | null;
  is_key: ColumnType<Flag, Flag | undefined, Flag>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ArchiveSequenceTable {
  year: number;
  last_no: number;
}

export interface CustomerAttachmentTable {
  id: Generated<number>;
  customer_id: number;
  kind: string; // fax | contract | letter | other
  filename: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  description: string | null;
  uploaded_by: number | null;
  created_at: Instant;
}

export interface CustomerMergeTable {
  id: Generated<number>;
  survivor_id: number;
  merged_id: number;
  merged_archive_no: string;
  merged_name: string;
  snapshot: string; // JSON of the merged customer's fields
  reason: string;
  merged_by: number | null;
  merged_at: Instant;
}

export interface IndividualCustomerTable {
  id: Generated<number>;
  name: string;
  name_pinyin: string;
  name_initials: string;
  initial: string; // A–Z or #
  gender: string | null; // male | female
  birthday: string | null;
  nationality: string | null;
  mobile: string | null;
  mobile_digits: string | null;
  id_number: string | null;
  notes: string | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CustomerImportTable {
  id: Generated<number>;
  created_by: number;
  filename: string;
  file_sha256: string;
  file_type: string; // xlsx | csv
  encoding: string | null;
  sheet_name: string | null;
  status: string; // previewed | committing | committed
  headers: string; // JSON string[]
  mapping: string; // JSON (field | null)[]
  rows: string; // JSON string[][]
  row_numbers: string; // JSON number[]
  cell_flags: ColumnType<string, string | undefined, string>; // JSON [rowIndex, column][]
  row_count: number;
  duplicates_mode: string | null;
  result: string | null; // JSON
  progress_processed: ColumnType<number, number | undefined, number>;
  progress_total: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
  committed_at: Instant | null;
}

export interface Database {
  individual_customers: IndividualCustomerTable;
  customer_attachments: CustomerAttachmentTable;
  customer_merges: CustomerMergeTable;
  customers: CustomerTable;
  customer_imports: CustomerImportTable;
  customer_contacts: CustomerContactTable;
  archive_sequences: ArchiveSequenceTable;
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
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Department = Selectable<DepartmentTable>;
export type Team = Selectable<TeamTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Customer = Selectable<CustomerTable>;
export type CustomerContact = Selectable<CustomerContactTable>;
