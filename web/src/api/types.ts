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
  | 'calendar.manage'
  | 'customers.read'
  | 'customers.create'
  | 'customers.update'
  | 'customers.transfer'
  | 'customers.reveal'
  | 'customers.merge'
  | 'customers.import'
  | 'customers.export'
  | 'customers.export_unmasked'
  | 'development.read'
  | 'development.write'
  | 'development.assign'
  | 'development.instruct'
  | 'approvals.configure'
  | 'transactions.read'
  | 'transactions.manage'
  | 'transactions.push'
  | 'maintenance.read'
  | 'maintenance.manage'
  | 'maintenance.record'
  | 'contracts.read'
  | 'contracts.manage'
  | 'contracts.terminate'
  | 'tasks.manage'
  | 'surveys.read'
  | 'surveys.respond'
  | 'surveys.manage'
  | 'complaints.read'
  | 'complaints.intake'
  | 'complaints.handle'
  | 'complaints.assign'
  | 'complaints.meeting'
  | 'complaints.analyse';

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
  /** 部门负责人 (approves as department head, docs/regulations.md §18). */
  headId: number | null;
  headName: string | null;
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
  /** Most settings are numbers; a few are texts (e.g. webhook addresses, blank = off). */
  value: number | string;
  default: number | string;
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

// ── Customer archive 客户档案 (docs/api.md "Customer archive") ─────────────────────────────────────
export type CustomerStatus = 'potential' | 'formal' | 'dormant' | 'lost';

/** The editable fields of a customer (POST body; PUT sends the changed ones plus `version`). */
export interface CustomerEditable {
  name: string;
  status: CustomerStatus | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  generalManager: string | null;
  address: string | null;
  postcode: string | null;
  /** Masked by the server in answers (138****5678). */
  phone: string | null;
  email: string | null;
  website: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  industry: string | null;
  companyNature: string | null;
  companySize: string | null;
  staffCount: number | null;
  businessScope: string | null;
  operatingStatus: string | null;
  positionInIndustry: string | null;
  priceLevel: string | null;
  mainProducts: string | null;
  /** 万元 */
  peakMonthAmount: number | null;
  /** 万元 */
  lowMonthAmount: number | null;
  bankName: string | null;
  /** Masked by the server in answers (**** 1234). */
  bankAccount: string | null;
  paymentHabits: string | null;
  payingContact: string | null;
  sourceChannel: string | null;
  contactFrequency: string | null;
  relationshipPotential: string | null;
  cooperationIntention: string | null;
  tags: string[];
}

export interface Customer extends CustomerEditable {
  id: number;
  archiveNo: string;
  status: CustomerStatus;
  ownerId: number | null;
  ownerName: string | null;
  teamId: number | null;
  teamName: string | null;
  departmentId: number | null;
  completeness: number;
  missingFields: string[];
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  version: number;
}

/** A list row: the customer without the long text fields, plus the contact a search matched. */
export type CustomerListItem = Omit<Customer, 'businessScope' | 'mainProducts' | 'paymentHabits'> & {
  matchedContact?: string | null;
};

export type DuplicateReason = 'credit_code' | 'phone' | 'name';

export interface DuplicateHit {
  reason: DuplicateReason | string;
  /** Not in docs/api.md, sent by the server for visible records. */
  id?: number | null;
  archiveNo: string | null;
  name: string | null;
  /** false: the record belongs to someone whose data the caller may not see; it names nothing. */
  visible: boolean;
}

export interface CustomerHistoryEntry {
  at: string;
  actorName: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  major: boolean;
  /** Not in docs/api.md, sent by the server: create | update | transfer | contact.create … */
  action?: string;
  /** Not in docs/api.md: the archive number (create), the reason (transfer), the contact's name … */
  summary?: string | null;
}

export interface CustomerContact {
  id: number;
  name: string;
  position: string | null;
  department: string | null;
  /** Masked */
  mobile: string | null;
  /** Masked */
  phone: string | null;
  email: string | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  notes: string | null;
  isKey: boolean;
  version: number;
}

/** One entry of a value list: a code, or a code with a label (plain or per language). */
export type OptionValue = string | { value: string; label?: string | Partial<Record<Lang, string>> | null };

export interface CustomerOptions {
  statuses: OptionValue[];
  sourceChannels: OptionValue[];
  industries: OptionValue[];
  companyNatures: OptionValue[];
  companySizes: OptionValue[];
}

export type AttachmentKind = 'fax' | 'contract' | 'letter' | 'other';

/** A file filed with a customer (faxes, contracts, letters …); `GET /api/customers/:id/attachments`. */
export interface CustomerAttachment {
  id: number;
  kind: AttachmentKind | string;
  filename: string;
  mime: string;
  /** Bytes */
  size: number;
  description: string | null;
  uploadedByName: string | null;
  createdAt: string;
}

// ── Individual customers 个人客户 (docs/api.md "Individual customers") ─────────────────────────────
export type Gender = 'male' | 'female';

export interface IndividualCustomer {
  id: number;
  name: string;
  /** A–Z, or # for names that start with neither a Chinese character nor a Latin letter. */
  initial: string;
  gender: Gender | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  nationality: string | null;
  /** Masked (138****5678) */
  mobile: string | null;
  /** Masked (6 + 4) */
  idNumber: string | null;
  notes: string | null;
  ownerId: number;
  ownerName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface InitialCount {
  initial: string;
  count: number;
}

export interface IndividualPage extends Page<IndividualCustomer> {
  initials: InitialCount[];
}

// ── Customer import 客户导入 (docs/api.md "Customer import and export") ─────────────────────────────
export type ImportDuplicateMode = 'skip' | 'update' | 'create';

export interface ImportRowError {
  /** Spreadsheet row, 1-based, as Excel shows it. */
  row: number;
  field: string;
  /** 0-based column of the file; null when the field is not mapped. */
  column: number | null;
  header: string | null;
  message: string;
}

export interface ImportPreview {
  id: number;
  filename: string;
  fileType: 'xlsx' | 'csv';
  encoding: string | null;
  sheetName: string | null;
  status: string;
  columns: { index: number; header: string; field: string | null }[];
  /** Every field a column can be mapped to. */
  fields: string[];
  unmappedRequired: string[];
  rowCount: number;
  validCount: number;
  errorRowCount: number;
  /** Valid rows matching an existing customer or an earlier row of the file. */
  duplicates: number;
  /** The first 20 rows; values by field (mapped columns only), phones and accounts masked. */
  sample: { row: number; valid: boolean; values: Record<string, string> }[];
  /** The first 1000; all of them in report.xlsx. */
  errors: ImportRowError[];
  errorCount: number;
  /** The same file was already committed with the same mapping. */
  alreadyImported: { at: string | null; byName: string | null } | null;
}

export interface ImportResult {
  id: number;
  status: string;
  duplicates: ImportDuplicateMode;
  created: number;
  updated: number;
  /** Duplicates "updated" with identical values: nothing written. */
  unchanged: number;
  skipped: number;
  failed: number;
  errors: ImportRowError[];
  errorCount: number;
  /** The earlier result of the same file and mapping; nothing changed this time. */
  alreadyImported: boolean;
  committedAt: string | null;
}

export interface ImportStatus {
  id: number;
  filename: string;
  fileType: string;
  status: 'previewed' | 'committing' | 'committed' | string;
  rowCount: number;
  progress: { processed: number; total: number };
  result: Omit<ImportResult, 'errors'> | null;
  createdAt: string;
  committedAt: string | null;
}

// ── Contracts 合同 (docs/api.md "Contracts", docs/regulations.md §13) ───────────────────────────────────────
export type ContractStatus = 'draft' | 'pending' | 'effective' | 'expired' | 'terminated';
export type Currency = 'CNY' | 'USD' | 'EUR' | 'HKD';

export interface Contract {
  id: number;
  contractNo: string;
  title: string;
  customerId: number;
  customerName: string;
  customerArchiveNo: string;
  /** Currency units with two decimals. */
  amount: number;
  currency: Currency | string;
  signingDate: string | null;
  startDate: string;
  endDate: string;
  terms: string | null;
  signerId: number;
  signerName: string | null;
  ownerId: number;
  ownerName: string | null;
  status: ContractStatus;
  exceedsLimit: boolean | null;
  exceedsTerm: boolean | null;
  signedAt: string | null;
  effectiveAt: string | null;
  terminationReason: string | null;
  terminatedAt: string | null;
  terminatedByName: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ContractAuthority {
  within: boolean;
  exceedsLimit: boolean;
  exceedsTerm: boolean;
  /** 万元; null = no limit. */
  limitWan: number | null;
  amountCny: number;
  termMonths: number;
  maxTermMonths: number | null;
}

export interface ContractDetail extends Contract {
  authority: ContractAuthority;
  canSign: boolean;
  lastDecision: { action: 'reject' | 'return' | string; comment: string | null; actorName: string; at: string } | null;
}

export interface ContractSigner {
  id: number;
  displayName: string;
  roles: RoleId[];
}

// ── Workflow: notifications, tasks, the to-do home page (issue 4 §2–4) ─────────────────────────
export interface RecordLink {
  type: string;
  id: number;
  /** Web path of the record, e.g. /tasks/7. */
  path: string;
}

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: RecordLink | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: AppNotification[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface TaskComment {
  id: number;
  body: string;
  authorId: number;
  authorName: string;
  createdAt: string;
}

export interface Task {
  id: number;
  title: string;
  description: string | null;
  assigneeId: number;
  assigneeName: string;
  creatorId: number;
  creatorName: string;
  dueDate: string;
  status: TaskStatus;
  overdue: boolean;
  link: RecordLink | null;
  source: string | null;
  completedAt: string | null;
  completedByName: string | null;
  completionNote: string | null;
  canEdit: boolean;
  canComplete: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TaskDetail extends Task {
  comments: TaskComment[];
}

export interface TaskPage {
  items: Task[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TodoItem {
  kind: string;
  title: string;
  dueDate: string | null;
  overdue: boolean;
  link: RecordLink;
  detail: string | null;
}
