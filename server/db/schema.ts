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

/** Approval groups such as 经理办公会 (docs/regulations.md §1, §18). */
export interface ApprovalGroupTable {
  id: Generated<number>;
  key: string;
  name: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ApprovalGroupMemberTable {
  group_id: number;
  user_id: number;
}

/** One version of a document type's chain; editing inserts the next version. */
export interface ApprovalChainTable {
  id: Generated<number>;
  document_type: string;
  version: number;
  steps: string; // JSON ChainStep[]
  created_by: number | null;
  created_at: Instant;
}

export interface ApprovalRequestTable {
  id: Generated<number>;
  document_type: string;
  document_id: number;
  applicant_id: number;
  department_id: number | null;
  team_id: number | null;
  title: string;
  link: string;
  chain_version: number;
  steps: string; // JSON FrozenStep[]: the chain's steps with their conditions evaluated
  current_step: number | null;
  status: string; // pending | approved | rejected | returned | withdrawn
  round: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  submitted_at: Instant;
  decided_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** Append-only history of every submission and decision, all rounds. */
export interface ApprovalActionTable {
  id: Generated<number>;
  request_id: number;
  round: number;
  step_key: string | null;
  action: string; // submit | resubmit | approve | reject | return | withdraw
  actor_id: number;
  comment: string | null;
  returned_to: string | null;
  at: Instant;
}

export interface ApprovalStepVoteTable {
  request_id: number;
  round: number;
  step_key: string;
  user_id: number;
  at: Instant;
}

/** 客户关系维护方案 (docs/regulations.md §7). Money in integer fen. */
export interface MaintenancePlanTable {
  id: Generated<number>;
  title: string;
  goals: string;
  method: string;
  measures: string;
  budget_fen: number;
  start_date: string; // YYYY-MM-DD
  end_date: string;
  status: ColumnType<string, string | undefined, string>; // draft | pending | returned | approved | closed | rejected
  owner_id: number; // the drafting supervisor
  team_id: number | null;
  department_id: number | null;
  submitted_at: Instant | null;
  approved_at: Instant | null;
  report_assessment: string | null;
  report_optimisation: string | null;
  closed_at: Instant | null;
  closed_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface MaintenancePlanCustomerTable {
  plan_id: number;
  customer_id: number;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface MaintenancePlanStaffTable {
  plan_id: number;
  user_id: number;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface MaintenancePlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  task_id: number;
  customer_id: number | null;
  assignee_id: number;
  title: string;
  due_date: string;
  created_by: number | null;
  created_at: Instant;
}

/** 客服工作记录表 */
export interface MaintenancePlanRecordTable {
  id: Generated<number>;
  plan_id: number;
  plan_task_id: number | null;
  customer_id: number | null;
  content: string;
  feedback: string;
  at: Instant;
  created_by: number;
  created_at: Instant;
}

export interface MaintenancePlanExpenseTable {
  id: Generated<number>;
  plan_id: number;
  amount_fen: number;
  spent_on: string;
  item: string;
  created_by: number;
  created_at: Instant;
}

/** A view: staff, task assignees and customer owners of each plan. */
export interface MaintenancePlanViewerView {
  plan_id: number;
  user_id: number;
}

/** 潜在客户 / 开发对象 (docs/regulations.md §6). */
export interface ProspectTable {
  id: Generated<number>;
  company_name: string;
  contact_name: string | null;
  phone: string | null;
  phone_digits: string | null;
  channel: string; // online | trade_fair | telemarketing | referral | word_of_mouth
  stage: string; // contact | needs | demo | negotiation | contract | lost
  lost_reason: string | null;
  expected_amount: number | null; // 万元
  next_step: string | null;
  notes: string | null;
  stage_changed_at: Instant;
  customer_id: number | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** Append-only: one row per stage move (from_stage null = the prospect was entered). */
export interface ProspectStageHistoryTable {
  id: Generated<number>;
  prospect_id: number;
  from_stage: string | null;
  to_stage: string;
  note: string | null;
  expected_amount: number | null;
  actor_id: number | null;
  actor_name: string | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  at: Instant;
}

interface DevelopmentScopedColumns {
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

/** 客户调查计划表 */
export interface ResearchPlanTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  title: string;
  goal: string | null;
  key_targets: string | null;
  other_targets: string | null;
  content: string | null;
  schedule: string | null;
  method: string | null;
  people: string | null;
  budget: number | null;
  notes: string | null;
}

/** 客户调查分析报告表 */
export interface ResearchReportTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  plan_id: number;
  title: string;
  background: string | null;
  purpose: string | null;
  method: string | null;
  department_name: string | null;
  subjects: string | null;
  survey_period: string | null;
  factors: string | null;
  price_tolerance: string | null;
  expected_services: string | null;
  opinions: string | null;
  suggestions: string | null;
}

/** 客户开发计划; status follows the approval request (draft | pending | returned | approved | rejected | withdrawn). */
export interface DevelopmentPlanTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  title: string;
  period_start: string;
  period_end: string;
  goal: string | null;
  schedule: string | null;
  support_needed: string | null;
  budget: number | null;
  status: ColumnType<string, string | undefined, string>;
  submitted_at: Instant | null;
  decided_at: Instant | null;
}

export interface DevelopmentPlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  sort_order: number;
  prospect_id: number | null;
  customer_name: string;
  visit_date: string | null;
  visit_contact: string | null;
  contact_position: string | null;
  contact_department: string | null;
  appointment: string | null;
  category: string | null;
  notes: string | null;
}

/** 客户开发记录表 */
export interface DevelopmentRecordTable extends DevelopmentScopedColumns {
  id: Generated<number>;
  prospect_id: number;
  customer_id: number | null;
  customer_name: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  products: string | null;
  first_deal_amount: number | null;
  how_won: string | null;
  notes: string | null;
  instruction: string | null;
  instruction_by: number | null;
  instruction_at: Instant | null;
}

/** The in-app inbox (issue 4 §4): one row per recipient. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  link_type: string | null;
  link_id: number | null;
  link_path: string | null;
  read_at: Instant | null;
  created_at: Instant;
}

/** The outbox: one row per e-mail / group-robot message, sent in the background with retries. */
export interface NotificationDeliveryTable {
  id: Generated<number>;
  channel: string; // email | wecom | dingtalk
  recipient: string | null;
  kind: string;
  subject: string;
  body: string;
  status: string; // pending | sending | sent | failed
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Instant;
  claimed_by: string | null;
  claimed_until: Instant | null;
  last_error: string | null;
  sent_at: Instant | null;
  created_at: Instant;
}

/** Scheduled reminders; `fired_at` is set once, by the process that wins the claim. */
export interface ReminderTable {
  id: Generated<number>;
  key: string;
  due_at: Instant;
  payload: string; // JSON NotificationInput
  fired_at: Instant | null;
  fired_by: string | null;
  created_at: Instant;
}

export interface TaskTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  assignee_id: number;
  creator_id: number;
  team_id: number | null;
  department_id: number | null;
  due_date: string; // YYYY-MM-DD, Asia/Shanghai
  status: string; // open | done | cancelled
  link_type: string | null;
  link_id: number | null;
  link_path: string | null;
  source: string | null;
  completed_at: Instant | null;
  completed_by: number | null;
  completion_note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface TaskCommentTable {
  id: Generated<number>;
  task_id: number;
  author_id: number;
  body: string;
  created_at: Instant;
}

export interface ContractTable {
  id: Generated<number>;
  contract_no: string;
  title: string;
  customer_id: number;
  amount_cents: number; // whole 分 of `currency`
  currency: ColumnType<string, string | undefined, string>; // CNY | USD | EUR | HKD
  signing_date: string | null;
  start_date: string;
  end_date: string;
  terms: string | null;
  signer_id: number;
  status: ColumnType<string, string | undefined, string>; // draft | pending | effective | expired | terminated
  exceeds_limit: Flag | null; // decided at signing
  exceeds_term: Flag | null;
  signed_at: Instant | null;
  effective_at: Instant | null;
  termination_reason: string | null;
  terminated_at: Instant | null;
  terminated_by: number | null;
  owner_id: number; // copied from the customer (data scope, docs/regulations.md §1)
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ContractSequenceTable {
  year: number;
  last_no: number;
}

export interface ContractAttachmentTable {
  contract_id: number;
  attachment_id: number;
}

/** Satisfaction surveys 满意度调查 (docs/regulations.md §11, docs/surveys.md). */
export interface SurveyTemplateTable {
  id: Generated<number>;
  /** The id of the family's first version (set right after that version is inserted). */
  family_id: number | null;
  version_no: ColumnType<number, number | undefined, number>;
  name: string;
  description: string | null;
  intro: string | null;
  definition: string; // JSON Definition (surveys.rules.ts)
  status: ColumnType<string, string | undefined, string>; // draft | published (frozen)
  builtin_key: string | null; // satisfaction_003 | needs_003 for the seed forms
  published_at: Instant | null;
  published_by: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SurveyCampaignTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  template_id: number; // the exact version asked
  family_id: number;
  filter: string; // JSON CampaignFilter
  status: ColumnType<string, string | undefined, string>; // draft | active | closed
  start_date: string; // YYYY-MM-DD
  end_date: string;
  target_count: ColumnType<number, number | undefined, number>;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  started_at: Instant | null;
  started_by: number | null;
  closed_at: Instant | null;
  closed_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SurveyTargetTable {
  id: Generated<number>;
  campaign_id: number;
  customer_id: number;
  /** The customer's responsible person, team and department when the campaign started. */
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  province: string | null;
  customer_status: string | null;
  status: ColumnType<string, string | undefined, string>; // pending | answered
  link_hash: string | null; // sha256 hex of the personal link's token
  link_expires_at: Instant | null;
  link_issued_at: Instant | null;
  link_issued_by: number | null;
  answered_at: Instant | null;
  created_at: Instant;
}

export interface SurveyResponseTable {
  id: Generated<number>;
  campaign_id: number;
  target_id: number;
  template_id: number;
  customer_id: number;
  channel: string; // link | phone | fax | meeting | email | paper
  respondent_name: string | null;
  entered_by: number | null;
  answered_at: Instant;
  created_at: Instant;
}

export interface SurveyAnswerTable {
  id: Generated<number>;
  response_id: number;
  question_key: string;
  score: number | null;
  choices: string | null; // JSON string[]
  text_value: string | null;
}

export interface SurveyScoreTable {
  id: Generated<number>;
  response_id: number;
  campaign_id: number;
  customer_id: number;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  satisfaction_index: number | null;
  scale_items: ColumnType<number, number | undefined, number>;
  answered_at: Instant;
}

export interface SurveyImprovementPlanTable {
  id: Generated<number>;
  campaign_id: number;
  title: string;
  findings: string;
  goals: string;
  status: ColumnType<string, string | undefined, string>; // draft | pending | returned | approved | rejected | withdrawn
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  submitted_at: Instant | null;
  approved_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SurveyImprovementItemTable {
  id: Generated<number>;
  plan_id: number;
  sort_order: ColumnType<number, number | undefined, number>;
  measure: string;
  assignee_id: number;
  due_date: string;
  task_id: number | null;
}

// ── Complaints 投诉 (docs/regulations.md §10, issue 5 §1–7) ─────────────────────────────
export interface ComplaintTable {
  id: Generated<number>;
  complaint_no: string; // TS2026-000123
  channel: string; // hotline | phone | email | visit | letter | online
  via_public: ColumnType<Flag, Flag | undefined, Flag>; // filed by the customer on the public page
  received_at: Instant;
  received_date: string; // Asia/Shanghai
  customer_id: number | null; // picked from the archive, else only the complainant below
  complainant_name: string;
  complainant_phone: string | null;
  complainant_phone_digits: string | null;
  complainant_company: string | null;
  complainant_email: string | null;
  content: string;
  category: string; // one of the setting complaints.categories when recorded
  severity: string; // general 一般 | major 较大 | serious 重大
  handler_id: number | null;
  team_id: number | null; // the handler's, for the data scope
  department_id: number | null;
  fault_department_id: number | null;
  status: ColumnType<string, string | undefined, string>; // received | processing | opinion_pending | opinion_approved | told | closed
  cycle: ColumnType<number, number | undefined, number>;
  cycle_start_date: string;
  first_contact_due: string;
  first_contacted_at: Instant | null;
  resolution_days: number;
  extension_days: ColumnType<number, number | undefined, number>;
  resolution_due: string;
  told_at: Instant | null;
  told_method: string | null;
  told_note: string | null;
  closed_at: Instant | null;
  satisfaction_score: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintSequenceTable {
  year: number;
  last_no: number;
}

export interface ComplaintEventTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  kind: string;
  note: string | null;
  public: ColumnType<Flag, Flag | undefined, Flag>;
  actor_id: number | null;
  actor_name: string | null;
  at: Instant;
}

export interface ComplaintOpinionTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  content: string;
  status: string; // draft | pending | approved | returned | rejected | withdrawn
  drafted_by: number;
  team_id: number | null;
  department_id: number | null;
  decided_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintExtensionTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  days: number;
  reason: string;
  status: string; // pending | approved | returned | rejected | withdrawn
  requested_by: number;
  team_id: number | null;
  department_id: number | null;
  due_before: string;
  due_after: string | null;
  decided_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintMeetingTable {
  id: Generated<number>;
  complaint_id: number;
  status: ColumnType<string, string | undefined, string>; // open | decided
  meeting_date: string | null;
  attendees: string | null;
  decisions: string | null;
  recorded_by: number | null;
  recorded_at: Instant | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintRectificationTable {
  id: Generated<number>;
  complaint_id: number;
  notice_no: string; // ZG2026-000001
  department_id: number | null;
  department_name: string;
  recipient_id: number | null;
  requirement: string;
  due_date: string;
  status: ColumnType<string, string | undefined, string>; // open | replied
  reply: string | null;
  replied_by: number | null;
  replied_at: Instant | null;
  issued_by: number;
  issued_at: Instant;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ComplaintBreachTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  kind: string; // first_contact | resolution
  due_date: string;
  handler_id: number | null;
  team_id: number | null;
  department_id: number | null;
  recorded_at: Instant;
}

export interface ComplaintSatisfactionTable {
  id: Generated<number>;
  complaint_id: number;
  cycle: number;
  customer_id: number | null;
  handler_id: number | null;
  score: number; // 1–5
  via: string; // customer | staff
  at: Instant;
}

export interface Database {
  complaints: ComplaintTable;
  complaint_sequences: ComplaintSequenceTable;
  complaint_events: ComplaintEventTable;
  complaint_opinions: ComplaintOpinionTable;
  complaint_extensions: ComplaintExtensionTable;
  complaint_meetings: ComplaintMeetingTable;
  complaint_rectifications: ComplaintRectificationTable;
  complaint_breaches: ComplaintBreachTable;
  complaint_satisfaction: ComplaintSatisfactionTable;
  survey_templates: SurveyTemplateTable;
  survey_campaigns: SurveyCampaignTable;
  survey_targets: SurveyTargetTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  survey_scores: SurveyScoreTable;
  survey_improvement_plans: SurveyImprovementPlanTable;
  survey_improvement_items: SurveyImprovementItemTable;
  contracts: ContractTable;
  contract_sequences: ContractSequenceTable;
  contract_attachments: ContractAttachmentTable;
  notifications: NotificationTable;
  notification_deliveries: NotificationDeliveryTable;
  reminders: ReminderTable;
  tasks: TaskTable;
  task_comments: TaskCommentTable;
  prospects: ProspectTable;
  prospect_stage_history: ProspectStageHistoryTable;
  research_plans: ResearchPlanTable;
  research_reports: ResearchReportTable;
  development_plans: DevelopmentPlanTable;
  development_plan_targets: DevelopmentPlanTargetTable;
  development_records: DevelopmentRecordTable;
  maintenance_plans: MaintenancePlanTable;
  maintenance_plan_customers: MaintenancePlanCustomerTable;
  maintenance_plan_staff: MaintenancePlanStaffTable;
  maintenance_plan_tasks: MaintenancePlanTaskTable;
  maintenance_plan_records: MaintenancePlanRecordTable;
  maintenance_plan_expenses: MaintenancePlanExpenseTable;
  maintenance_plan_viewers: MaintenancePlanViewerView;
  approval_groups: ApprovalGroupTable;
  approval_group_members: ApprovalGroupMemberTable;
  approval_chains: ApprovalChainTable;
  approval_requests: ApprovalRequestTable;
  approval_actions: ApprovalActionTable;
  approval_step_votes: ApprovalStepVoteTable;
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
