/** Shapes of the server's answers (docs/api.md). Kept here so every module reads the same contract. */
export type Lang = 'zh-CN' | 'zh-TW' | 'en';

export type RoleId = 'admin' | 'director' | 'manager' | 'supervisor' | 'specialist' | 'sales' | 'finance' | 'agent' | 'qa';

export type Capability =
  | 'directory.read'
  | 'users.manage'
  | 'org.manage'
  | 'settings.read'
  | 'settings.manage'
  | 'audit.read'
  | 'calendar.manage';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: RoleId[];
  capabilities: Capability[];
  scope: 'own' | 'team' | 'department' | 'all';
  departmentId: number | null;
  teamIds: number[];
  locale: Lang | string;
  mustChangePassword: boolean;
}

export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Department {
  id: number;
  name: string;
  code: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
}

export interface Team {
  id: number;
  name: string;
  departmentId: number;
  departmentName: string | null;
  supervisorId: number | null;
  supervisorName: string | null;
  active: boolean;
  version: number;
}

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  departmentId: number | null;
  departmentName: string | null;
  teamId: number | null;
  teamName: string | null;
  email: string | null;
  /** Masked by the server (138****5678). */
  phone: string | null;
  locale: string;
  active: boolean;
  roles: RoleId[];
  lastLoginAt: string | null;
  lockedUntil: string | null;
  version: number;
  createdAt: string;
}

export interface RoleInfo {
  role: RoleId;
  scope?: string;
  capabilities?: string[];
}

export interface SettingItem {
  key: string;
  label: Partial<Record<Lang, string>> | string;
  unit?: Partial<Record<Lang, string>> | string | null;
  value: number;
  default: number;
  version: number;
  isDefault: boolean;
  source?: string | null;
}

export interface SettingGroup {
  group: string;
  items: SettingItem[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string | null;
  /** { field: [old, new] }; the server may send it as an object or as its JSON text. */
  changes: Record<string, [unknown, unknown]> | string | null;
  ip?: string | null;
  requestId?: string | null;
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'company_off' | 'company_on';

export interface CalendarDay {
  date: string;
  working: boolean;
  reason: DayReason;
  name: string | null;
  provisional: boolean;
}

export interface CalendarStatus {
  officialYears: number[];
  currentYear: number;
  currentYearMissing?: boolean;
  nextYear: number;
  nextYearMissing: boolean;
  warn: boolean;
}

export interface CompanyDay {
  id: number;
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface OfficialYear {
  year: number;
  /** 'builtin' (shipped data) or 'imported' (entered by an administrator). */
  source?: 'builtin' | 'imported' | null;
  importedAt?: string | null;
  importedBy?: string | number | null;
}
