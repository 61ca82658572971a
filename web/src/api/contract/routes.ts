/**
 * Every API route the web calls, with the answer it gets: the types come from the server's zod schemas
 * (through the other files of this folder), so `api.get(`/api/customers/${id}`)` is typed by the route
 * and a page that reads a field the route does not send fails the type check (docs/decisions/0006).
 */
import type { ACardAnalysis, CCardAnalysis, GrowthAnalysis, RegionAnalysis, SalesAnalysis, StructureAnalysis } from './analysis';
import type { Dashboard, DashboardRefresh } from './dashboards';
import type { ApprovalGroup, ApprovalRequest, Chain } from './approvals';
import type { Analysis, Complaint, ComplaintOptions, ComplaintSummary, PublicComplaint, Rectification } from './complaints';
import type { Contract, ContractBooking, ContractCapacities, ContractDetail, ContractPrint, ContractSigner } from './contracts';
import type { AccuracyReport, CreditSurvey, CustomerCredit, Receivable, ReceivablePushAnswer, Risk, RiskMatrixAnswer } from './credit';
import type { Banquet, ReceptionRecord, ReceptionVisit, ThankYouLetter, Tour } from './reception';
import type { CustomerGrade, GradingBoardItem } from './grading';
import type { CadenceRun, Compliance, CustomerCadence } from './cadence';
import type { Stay } from './stays';
import type { KpiMeeting, KpiRanking, KpiReport, KpiTally, KpiTargets } from './kpi';
import type { Proposal, ProposalDetail, ProposalWeights } from './proposals';
import type { CustomerLocation, DailyReport, DayRoute, OpenPlanLine, PlanSuggestion, ReportAverages, ReportScales, Territory, TerritoryCustomers, Visit, VisitPlan, VisitPlanSummary, VisitReport } from './visits';
import type { ChurnList, ChurnRisk, CustomerLoyalty, LostAnswer, LostList, LoyaltyRun, RfmList } from './loyalty';
import type { CareAction, CareCalendar, CareEvent, CareEventDetail, CareRendered, CareTemplate } from './care';
import type { Call, CallList, CallListLine, QaReport, QaSampleAgent, QaScore } from './callcentre';
import type { ArchiveLevels, ArchiveLoan, ArchiveMaterial, Correspondence, DownloadRequest } from './archives';
import type {
  Customer,
  CustomerAttachment,
  CustomerContact,
  CustomerHistoryEntry,
  CustomerOptions,
  DuplicateHit,
  ImportPreview,
  ImportResult,
  ImportStatus,
  IndividualCustomer,
  IndividualPage,
} from './customers';
import type {
  BoardColumn,
  DevelopmentOptions,
  DevelopmentPlan,
  DevelopmentRecord,
  ProgressAnswer,
  Prospect,
  ResearchPlan,
  ResearchReport,
  StageHistoryEntry,
  StageSummary,
} from './development';
import type { CustomerMembership, MemberDetail, Member, MembershipRules, TierDistribution } from './membership';
import type { Budget, MaintenancePlan, PlanExpense, PlanRecord, PlanSummary as MPlanSummary, PlanTask } from './maintenance';
import type {
  AuditEntry,
  ReferenceLabels,
  CalendarDay,
  CalendarStatus,
  CompanyDay,
  Department,
  OfficialYear,
  Page,
  RoleInfo,
  SessionAnswer,
  SettingGroup,
  SettingItem,
  Team,
  UserRecord,
} from './platform';
import type {
  Campaign,
  CampaignList,
  IssuedLink,
  Plan as SPlan,
  PlanSummary as SPlanSummary,
  PublicSurvey,
  Results,
  SurveyResponse,
  Target,
  SurveyScore,
  Template,
  TemplateSummary,
} from './surveys';
import type { Transaction, TransactionBatchResult, TransactionImportPreview, TransactionImportResult, TransactionImportStatus, TransactionReturn, TransactionSummary } from './transactions';
import type { EndCooperationLatest, EndCooperationRequest, Evaluation, EvaluationDetail, EvaluationTemplate, TemplatesAnswer } from './evaluations';
import type { CustomerPool, Pool, PoolCreated, PoolEntry, PoolStatus } from './pool';
import type { Delivery, NotificationPage, OutboxState, Task, TaskComment, TaskDetail, TodoItem } from './workflow';
import type { Project, ProjectChangeCreated, ProjectSummary } from './projects';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route<M extends Method, P extends string, R> {
  method: M;
  path: P;
  response: R;
}

export type Routes =
  | Route<'GET', `/api/kpi/targets`, KpiTargets>
  | Route<'PUT', `/api/kpi/targets`, void>
  | Route<'GET', `/api/kpi/tally`, { items: KpiTally[] }>
  | Route<'GET', `/api/kpi/ranking`, KpiRanking>
  | Route<'POST', `/api/kpi/annulments`, KpiTally>
  | Route<'GET', `/api/kpi/reports`, { items: KpiReport[] }>
  | Route<'POST', `/api/kpi/reports`, { id: number; late: boolean; dueDate: string }>
  | Route<'GET', `/api/kpi/meetings`, { items: KpiMeeting[] }>
  | Route<'POST', `/api/kpi/meetings`, { id: number }>
  | Route<'PUT', `/api/kpi/meetings/${number}/minutes`, KpiMeeting> // /api/kpi/meetings/:id/minutes
  | Route<'POST', `/api/survey-campaigns/${number}/targets/${number}/response`, SurveyResponse> // /api/survey-campaigns/:id/targets/:targetId/response
  | Route<'DELETE', `/api/contracts/${number}/attachments/${number}`, void> // /api/contracts/:id/attachments/:attachmentId
  | Route<'PUT', `/api/customers/${number}/contacts/${number}`, CustomerContact> // /api/customers/:id/contacts/:contactId
  | Route<'DELETE', `/api/customers/${number}/contacts/${number}`, void> // /api/customers/:id/contacts/:contactId
  | Route<'DELETE', `/api/customers/${number}/attachments/${number}`, void> // /api/customers/:id/attachments/:attachmentId
  | Route<'POST', `/api/public/complaints/lookup`, PublicComplaint> // /api/public/complaints/lookup
  | Route<'POST', `/api/public/complaints/confirm`, PublicComplaint> // /api/public/complaints/confirm
  | Route<'POST', `/api/approvals/${number}/actions`, ApprovalRequest> // /api/approvals/:id/actions
  | Route<'POST', `/api/complaint-rectifications/${number}/reply`, Rectification> // /api/complaint-rectifications/:id/reply
  | Route<'GET', `/api/customers/${number}/contracts`, Page<Contract>> // /api/customers/:id/contracts
  | Route<'POST', `/api/contracts/${number}/sign`, ContractDetail> // /api/contracts/:id/sign
  | Route<'PUT', `/api/contracts/${number}/filing`, ContractDetail> // /api/contracts/:id/filing
  | Route<'GET', `/api/contracts/${number}/print`, ContractPrint> // /api/contracts/:id/print
  | Route<'GET', `/api/customers/${number}/contract-bookings`, { items: ContractBooking[] }> // /api/customers/:id/contract-bookings
  | Route<'POST', `/api/contract-bookings`, ContractBooking>
  | Route<'GET', `/api/contract-capacities`, ContractCapacities>
  | Route<'PUT', `/api/contract-capacities`, ContractCapacities>
  | Route<'GET', `/api/survey-scores`, Page<SurveyScore>>
  | Route<'POST', `/api/contracts/${number}/terminate`, ContractDetail> // /api/contracts/:id/terminate
  | Route<'GET', `/api/contracts/${number}/attachments`, { items: CustomerAttachment[] }> // /api/contracts/:id/attachments
  | Route<'GET', `/api/customers/${number}/history`, { items: CustomerHistoryEntry[] }> // /api/customers/:id/history
  | Route<'POST', `/api/customers/${number}/reveal`, { value: string | null }> // /api/customers/:id/reveal
  | Route<'GET', `/api/customers/${number}/contacts`, { items: CustomerContact[] }> // /api/customers/:id/contacts
  | Route<'POST', `/api/customers/${number}/contacts`, CustomerContact> // /api/customers/:id/contacts
  | Route<'POST', `/api/customers/${number}/merge`, Customer> // /api/customers/:id/merge
  | Route<'GET', `/api/customers/${number}/attachments`, { items: CustomerAttachment[] }> // /api/customers/:id/attachments
  | Route<'GET', `/api/customer-imports/${number}/preview`, ImportPreview> // /api/customer-imports/:id/preview
  | Route<'PUT', `/api/customer-imports/${number}/mapping`, ImportPreview> // /api/customer-imports/:id/mapping
  | Route<'POST', `/api/customer-imports/${number}/commit`, ImportResult> // /api/customer-imports/:id/commit
  | Route<'POST', `/api/prospects/${number}/stage`, Prospect> // /api/prospects/:id/stage
  | Route<'GET', `/api/prospects/${number}/history`, { items: StageHistoryEntry[] }> // /api/prospects/:id/history
  | Route<'POST', `/api/prospects/${number}/development-record`, DevelopmentRecord> // /api/prospects/:id/development-record
  | Route<'PUT', `/api/development-records/${number}/instruction`, DevelopmentRecord> // /api/development-records/:id/instruction
  | Route<'POST', `/api/development-plans/${number}/submit`, DevelopmentPlan> // /api/development-plans/:id/submit
  | Route<'POST', `/api/individual-customers/${number}/reveal`, { value: string | null }> // /api/individual-customers/:id/reveal
  | Route<'GET', `/api/individual-customers/${number}/stays`, { items: Stay[] }> // /api/individual-customers/:id/stays
  | Route<'POST', `/api/individual-customers/${number}/stays`, Stay> // /api/individual-customers/:id/stays
  | Route<'POST', `/api/individual-customers/${number}/stays/${number}/meeting`, Stay> // /api/individual-customers/:id/stays/:stayId/meeting
  | Route<'POST', `/api/maintenance-plans/${number}/submit`, MaintenancePlan> // /api/maintenance-plans/:id/submit
  | Route<'GET', `/api/maintenance-plans/${number}/tasks`, { items: PlanTask[] }> // /api/maintenance-plans/:id/tasks
  | Route<'POST', `/api/maintenance-plans/${number}/tasks`, { items: PlanTask[] }> // /api/maintenance-plans/:id/tasks
  | Route<'GET', `/api/maintenance-plans/${number}/records`, { items: PlanRecord[] }> // /api/maintenance-plans/:id/records
  | Route<'POST', `/api/maintenance-plans/${number}/records`, PlanRecord> // /api/maintenance-plans/:id/records
  | Route<'GET', `/api/maintenance-plans/${number}/expenses`, { items: PlanExpense[]; budget: Budget }> // /api/maintenance-plans/:id/expenses
  | Route<'POST', `/api/maintenance-plans/${number}/expenses`, { budget: Budget }> // /api/maintenance-plans/:id/expenses
  | Route<'POST', `/api/maintenance-plans/${number}/close`, MaintenancePlan> // /api/maintenance-plans/:id/close
  | Route<'GET', `/api/customers/${number}/maintenance-plans`, { plans: MPlanSummary[]; records: PlanRecord[] }> // /api/customers/:id/maintenance-plans
  | Route<'PUT', `/api/users/${number}/roles`, UserRecord> // /api/users/:id/roles
  | Route<'POST', `/api/survey-campaigns/${number}/links`, { items: IssuedLink[] }> // /api/survey-campaigns/:id/links
  | Route<'POST', `/api/survey-campaigns/${number}/improvement-plans`, SPlan> // /api/survey-campaigns/:id/improvement-plans
  | Route<'GET', `/api/survey-campaigns/${number}/targets`, Page<Target>> // /api/survey-campaigns/:id/targets
  | Route<'GET', `/api/survey-campaigns/${number}/responses`, { items: SurveyResponse[] }> // /api/survey-campaigns/:id/responses
  | Route<'GET', `/api/survey-campaigns/${number}/results`, Results> // /api/survey-campaigns/:id/results
  | Route<'GET', `/api/survey-campaigns/${number}/improvement-plans`, { items: SPlanSummary[] }> // /api/survey-campaigns/:id/improvement-plans
  | Route<'POST', `/api/survey-improvement-plans/${number}/submit`, SPlan> // /api/survey-improvement-plans/:id/submit
  | Route<'GET', `/api/public/surveys/${string}`, PublicSurvey> // /api/public/surveys/:token
  | Route<'POST', `/api/public/surveys/${string}`, { ok: true }> // /api/public/surveys/:token
  | Route<'POST', `/api/tasks/${number}/complete`, TaskDetail> // /api/tasks/:id/complete
  | Route<'POST', `/api/tasks/${number}/comments`, { comments: TaskComment[] }> // /api/tasks/:id/comments
  | Route<'PUT', `/api/calendar/years/${number}`, void> // /api/calendar/years/:year
  | Route<'DELETE', `/api/calendar/company-days/${number}`, void> // /api/calendar/company-days/:id
  | Route<'GET', `/api/customers/${number}/transaction-summary`, TransactionSummary> // /api/customers/:id/transaction-summary
  | Route<'POST', `/api/complaints/${number}/reveal`, { value: string | null }> // /api/complaints/:id/reveal
  | Route<'POST', `/api/complaints/${number}/${string}`, Complaint> // /api/complaints/:id/:action
  | Route<'PUT', `/api/complaints/${number}/${string}`, Complaint> // /api/complaints/:id/:action
  | Route<'POST', `/api/users/${number}/${'deactivate' | 'activate' | 'unlock' | 'reset-password'}`, UserRecord> // /api/users/:id/:userAction
  | Route<'POST', `/api/survey-templates/${number}/${'publish' | 'copy'}`, Template> // /api/survey-templates/:id/:templateAction
  | Route<'POST', `/api/survey-campaigns/${number}/${'start' | 'close'}`, Campaign> // /api/survey-campaigns/:id/:campaignAction
  | Route<'GET', `/api/approvals/queue`, { items: ApprovalRequest[] }> // /api/approvals/queue
  | Route<'GET', `/api/complaints/analysis`, Analysis> // /api/complaints/analysis
  | Route<'GET', `/api/analysis/growth`, GrowthAnalysis> // /api/analysis/growth
  | Route<'GET', `/api/analysis/regions`, RegionAnalysis> // /api/analysis/regions
  | Route<'GET', `/api/analysis/sales`, SalesAnalysis> // /api/analysis/sales
  | Route<'GET', `/api/analysis/structure`, StructureAnalysis> // /api/analysis/structure
  | Route<'GET', `/api/analysis/acard`, ACardAnalysis> // /api/analysis/acard
  | Route<'GET', `/api/analysis/ccard`, CCardAnalysis> // /api/analysis/ccard
  | Route<'GET', `/api/dashboards/mine`, Dashboard> // /api/dashboards/mine
  | Route<'POST', `/api/dashboards/refresh`, DashboardRefresh> // /api/dashboards/refresh
  | Route<'GET', `/api/public/complaint-options`, { categories: string[] }> // /api/public/complaint-options
  | Route<'POST', `/api/public/complaints`, PublicComplaint> // /api/public/complaints
  | Route<'POST', `/api/customers/duplicate-check`, { duplicates: DuplicateHit[] }> // /api/customers/duplicate-check
  | Route<'POST', `/api/customers/transfer`, { transferred: number }> // /api/customers/transfer
  | Route<'GET', `/api/prospects/board`, { columns: BoardColumn[] }> // /api/prospects/board
  | Route<'GET', `/api/notifications/unread-count`, { count: number }> // /api/notifications/unread-count
  | Route<'POST', `/api/notifications/read`, { unread: number }> // /api/notifications/read
  | Route<'POST', `/api/notifications/read-all`, { unread: number }> // /api/notifications/read-all
  | Route<'GET', `/api/notifications/outbox`, OutboxState> // /api/notifications/outbox
  | Route<'GET', `/api/notifications/deliveries`, Page<Delivery>> // /api/notifications/deliveries
  | Route<'POST', `/api/notifications/deliveries/release`, { count: number }> // /api/notifications/deliveries/release
  | Route<'POST', `/api/notifications/deliveries/discard`, { count: number }> // /api/notifications/deliveries/discard
  | Route<'POST', `/api/notifications/deliveries/resend`, { count: number }> // /api/notifications/deliveries/resend
  | Route<'GET', `/api/home/todo`, TodoItem[]> // /api/home/todo
  | Route<'POST', `/api/auth/login`, SessionAnswer> // /api/auth/login
  | Route<'POST', `/api/auth/logout`, void> // /api/auth/logout
  | Route<'GET', `/api/auth/me`, SessionAnswer> // /api/auth/me
  | Route<'PUT', `/api/auth/password`, void> // /api/auth/password
  | Route<'PUT', `/api/auth/locale`, void> // /api/auth/locale
  | Route<'GET', `/api/calendar/status`, CalendarStatus> // /api/calendar/status
  | Route<'GET', `/api/calendar/month`, { days: CalendarDay[] }> // /api/calendar/month
  | Route<'GET', `/api/calendar/years`, { items: OfficialYear[] }> // /api/calendar/years
  | Route<'GET', `/api/calendar/company-days`, { items: CompanyDay[] }> // /api/calendar/company-days
  | Route<'POST', `/api/calendar/company-days`, CompanyDay> // /api/calendar/company-days
  | Route<'POST', `/api/transactions/batch`, TransactionBatchResult> // /api/transactions/batch
  | Route<'GET', `/api/approvals/${number}`, ApprovalRequest> // /api/approvals/:id
  | Route<'PUT', `/api/approval-chains/${string}`, Chain> // /api/approval-chains/:documentType
  | Route<'PUT', `/api/approval-groups/${number}`, ApprovalGroup> // /api/approval-groups/:id
  | Route<'GET', `/api/complaints/${number}`, Complaint> // /api/complaints/:id
  | Route<'PUT', `/api/complaints/${number}`, Complaint> // /api/complaints/:id
  | Route<'GET', `/api/complaint-rectifications/${number}`, Rectification> // /api/complaint-rectifications/:id
  | Route<'GET', `/api/contracts/${number}`, ContractDetail> // /api/contracts/:id
  | Route<'PUT', `/api/contracts/${number}`, ContractDetail> // /api/contracts/:id
  | Route<'GET', `/api/customers/${number}`, Customer> // /api/customers/:id
  | Route<'PUT', `/api/customers/${number}`, Customer> // /api/customers/:id
  | Route<'GET', `/api/customer-imports/${number}`, ImportStatus> // /api/customer-imports/:id
  | Route<'GET', `/api/prospects/${number}`, Prospect> // /api/prospects/:id
  | Route<'PUT', `/api/prospects/${number}`, Prospect> // /api/prospects/:id
  | Route<'GET', `/api/development-records/${number}`, DevelopmentRecord> // /api/development-records/:id
  | Route<'PUT', `/api/development-records/${number}`, DevelopmentRecord> // /api/development-records/:id
  | Route<'GET', `/api/research-plans/${number}`, ResearchPlan> // /api/research-plans/:id
  | Route<'PUT', `/api/research-plans/${number}`, ResearchPlan> // /api/research-plans/:id
  | Route<'DELETE', `/api/research-plans/${number}`, void> // /api/research-plans/:id
  | Route<'GET', `/api/research-reports/${number}`, ResearchReport> // /api/research-reports/:id
  | Route<'PUT', `/api/research-reports/${number}`, ResearchReport> // /api/research-reports/:id
  | Route<'DELETE', `/api/research-reports/${number}`, void> // /api/research-reports/:id
  | Route<'GET', `/api/development-plans/${number}`, DevelopmentPlan> // /api/development-plans/:id
  | Route<'PUT', `/api/development-plans/${number}`, DevelopmentPlan> // /api/development-plans/:id
  | Route<'DELETE', `/api/development-plans/${number}`, void> // /api/development-plans/:id
  | Route<'GET', `/api/individual-customers/${number}`, IndividualCustomer> // /api/individual-customers/:id
  | Route<'PUT', `/api/individual-customers/${number}`, IndividualCustomer> // /api/individual-customers/:id
  | Route<'GET', `/api/maintenance-plans/${number}`, MaintenancePlan> // /api/maintenance-plans/:id
  | Route<'PUT', `/api/maintenance-plans/${number}`, MaintenancePlan> // /api/maintenance-plans/:id
  | Route<'GET', `/api/users/${number}`, UserRecord> // /api/users/:id
  | Route<'PUT', `/api/users/${number}`, UserRecord> // /api/users/:id
  | Route<'PUT', `/api/departments/${number}`, Department> // /api/departments/:id
  | Route<'PUT', `/api/teams/${number}`, Team> // /api/teams/:id
  | Route<'GET', `/api/survey-templates/${number}`, Template> // /api/survey-templates/:id
  | Route<'PUT', `/api/survey-templates/${number}`, Template> // /api/survey-templates/:id
  | Route<'DELETE', `/api/survey-templates/${number}`, void> // /api/survey-templates/:id
  | Route<'GET', `/api/survey-campaigns/${number}`, Campaign> // /api/survey-campaigns/:id
  | Route<'PUT', `/api/survey-campaigns/${number}`, Campaign> // /api/survey-campaigns/:id
  | Route<'GET', `/api/survey-improvement-plans/${number}`, SPlan> // /api/survey-improvement-plans/:id
  | Route<'PUT', `/api/survey-improvement-plans/${number}`, SPlan> // /api/survey-improvement-plans/:id
  | Route<'GET', `/api/tasks/${number}`, TaskDetail> // /api/tasks/:id
  | Route<'PUT', `/api/tasks/${number}`, TaskDetail> // /api/tasks/:id
  | Route<'PUT', `/api/settings/${string}`, SettingItem> // /api/settings/:key
  | Route<'GET', `/api/transactions/${number}`, Transaction> // /api/transactions/:id
  | Route<'GET', `/api/approvals`, { request: ApprovalRequest | null }> // /api/approvals
  | Route<'GET', `/api/approval-chains`, { items: Chain[] }> // /api/approval-chains
  | Route<'GET', `/api/approval-groups`, { items: ApprovalGroup[] }> // /api/approval-groups
  | Route<'POST', `/api/approval-groups`, ApprovalGroup> // /api/approval-groups
  | Route<'GET', `/api/complaint-options`, ComplaintOptions> // /api/complaint-options
  | Route<'GET', `/api/complaints`, Page<ComplaintSummary>> // /api/complaints
  | Route<'POST', `/api/complaints`, Complaint> // /api/complaints
  | Route<'GET', `/api/complaint-rectifications`, Page<Rectification>> // /api/complaint-rectifications
  | Route<'GET', `/api/contracts`, Page<Contract>> // /api/contracts
  | Route<'GET', `/api/contract-signers`, { items: ContractSigner[] }> // /api/contract-signers
  | Route<'POST', `/api/contracts`, ContractDetail> // /api/contracts
  | Route<'GET', `/api/customer-options`, CustomerOptions> // /api/customer-options
  | Route<'GET', `/api/customers`, Page<Customer>> // /api/customers
  | Route<'POST', `/api/customers`, Customer> // /api/customers
  | Route<'GET', `/api/development-options`, DevelopmentOptions> // /api/development-options
  | Route<'GET', `/api/prospects`, Page<Prospect> & { stages: StageSummary[] }> // /api/prospects
  | Route<'POST', `/api/prospects`, Prospect> // /api/prospects
  | Route<'GET', `/api/development-records`, Page<DevelopmentRecord>> // /api/development-records
  | Route<'GET', `/api/research-plans`, Page<ResearchPlan>> // /api/research-plans
  | Route<'POST', `/api/research-plans`, ResearchPlan> // /api/research-plans
  | Route<'GET', `/api/research-reports`, Page<ResearchReport>> // /api/research-reports
  | Route<'POST', `/api/research-reports`, ResearchReport> // /api/research-reports
  | Route<'GET', `/api/development-plans`, Page<DevelopmentPlan>> // /api/development-plans
  | Route<'POST', `/api/development-plans`, DevelopmentPlan> // /api/development-plans
  | Route<'GET', `/api/development-progress`, ProgressAnswer> // /api/development-progress
  | Route<'GET', `/api/individual-customers`, IndividualPage> // /api/individual-customers
  | Route<'POST', `/api/individual-customers`, IndividualCustomer> // /api/individual-customers
  | Route<'GET', `/api/maintenance-plans`, Page<MPlanSummary>> // /api/maintenance-plans
  | Route<'POST', `/api/maintenance-plans`, MaintenancePlan> // /api/maintenance-plans
  | Route<'GET', `/api/users`, Page<UserRecord>> // /api/users
  | Route<'POST', `/api/users`, UserRecord> // /api/users
  | Route<'GET', `/api/departments`, { items: Department[] }> // /api/departments
  | Route<'POST', `/api/departments`, Department> // /api/departments
  | Route<'GET', `/api/teams`, { items: Team[] }> // /api/teams
  | Route<'POST', `/api/teams`, Team> // /api/teams
  | Route<'GET', `/api/survey-templates`, { items: TemplateSummary[] }> // /api/survey-templates
  | Route<'POST', `/api/survey-templates`, Template> // /api/survey-templates
  | Route<'GET', `/api/survey-campaigns`, CampaignList> // /api/survey-campaigns
  | Route<'POST', `/api/survey-campaigns`, Campaign> // /api/survey-campaigns
  | Route<'GET', `/api/notifications`, NotificationPage> // /api/notifications
  | Route<'GET', `/api/tasks`, Page<Task>> // /api/tasks
  | Route<'POST', `/api/tasks`, TaskDetail> // /api/tasks
  | Route<'GET', `/api/audit`, Page<AuditEntry>> // /api/audit
  | Route<'GET', `/api/reference-labels`, ReferenceLabels> // /api/reference-labels
  | Route<'GET', `/api/roles`, { items: RoleInfo[] }> // /api/roles
  | Route<'GET', `/api/settings`, { groups: SettingGroup[] }> // /api/settings
  | Route<'GET', `/api/transactions`, Page<Transaction>> // /api/transactions
  | Route<'GET', `/api/transaction-imports/${number}/preview`, TransactionImportPreview> // /api/transaction-imports/:id/preview
  | Route<'PUT', `/api/transaction-imports/${number}/mapping`, TransactionImportPreview> // /api/transaction-imports/:id/mapping
  | Route<'POST', `/api/transaction-imports/${number}/commit`, TransactionImportResult> // /api/transaction-imports/:id/commit
  | Route<'GET', `/api/transaction-imports/${number}`, TransactionImportStatus> // /api/transaction-imports/:id
  | Route<'POST', `/api/transactions`, Transaction> // /api/transactions
  | Route<'GET', `/api/transaction-returns`, Page<TransactionReturn>> // /api/transaction-returns
  | Route<'POST', `/api/transaction-returns`, TransactionReturn> // /api/transaction-returns
  | Route<'GET', `/api/reception/visits`, Page<ReceptionVisit>> // /api/reception/visits
  | Route<'POST', `/api/reception/visits`, ReceptionVisit> // /api/reception/visits
  | Route<'GET', `/api/reception/visits/${number}`, ReceptionVisit> // /api/reception/visits/:id
  | Route<'PUT', `/api/reception/visits/${number}`, ReceptionVisit> // /api/reception/visits/:id
  | Route<'POST', `/api/reception/visits/${number}/reveal`, { value: string | null }> // /api/reception/visits/:id/reveal
  | Route<'GET', `/api/reception/records`, Page<ReceptionRecord>> // /api/reception/records
  | Route<'POST', `/api/reception/records`, ReceptionRecord> // /api/reception/records
  | Route<'GET', `/api/reception/records/${number}`, ReceptionRecord> // /api/reception/records/:id
  | Route<'GET', `/api/reception/tours`, Page<Tour>> // /api/reception/tours
  | Route<'POST', `/api/reception/tours`, Tour> // /api/reception/tours
  | Route<'GET', `/api/reception/tours/${number}`, Tour> // /api/reception/tours/:id
  | Route<'POST', `/api/reception/tours/${number}/${'resubmit' | 'start' | 'complete'}`, Tour> // /api/reception/tours/:id/resubmit|start|complete
  | Route<'GET', `/api/reception/tours/${number}/thank-you`, ThankYouLetter> // /api/reception/tours/:id/thank-you
  | Route<'GET', `/api/reception/banquets`, Page<Banquet>> // /api/reception/banquets
  | Route<'POST', `/api/reception/banquets`, Banquet> // /api/reception/banquets
  | Route<'GET', `/api/reception/banquets/${number}`, Banquet> // /api/reception/banquets/:id
  | Route<'POST', `/api/reception/banquets/${number}/${'resubmit' | 'held'}`, Banquet> // /api/reception/banquets/:id/resubmit|held
  | Route<'GET', `/api/customers/${number}/credit`, CustomerCredit> // /api/customers/:id/credit
  | Route<'POST', `/api/customers/${number}/credit-surveys`, CreditSurvey> // /api/customers/:id/credit-surveys
  | Route<'GET', `/api/credit-surveys/${number}`, CreditSurvey> // /api/credit-surveys/:id
  | Route<'GET', `/api/credit-risks/matrix`, RiskMatrixAnswer> // /api/credit-risks/matrix
  | Route<'GET', `/api/credit-risks/accuracy`, AccuracyReport> // /api/credit-risks/accuracy
  | Route<'GET', `/api/credit-risks/${number}`, Risk> // /api/credit-risks/:id
  | Route<'PUT', `/api/credit-risks/${number}`, Risk> // /api/credit-risks/:id
  | Route<'POST', `/api/credit-risks/${number}/close`, Risk> // /api/credit-risks/:id/close
  | Route<'GET', `/api/credit-risks`, Page<Risk>> // /api/credit-risks
  | Route<'POST', `/api/credit-risks`, Risk> // /api/credit-risks
  | Route<'GET', `/api/members`, Page<Member>> // /api/members
  | Route<'POST', `/api/members`, MemberDetail> // /api/members
  | Route<'GET', `/api/members/distribution`, TierDistribution> // /api/members/distribution
  | Route<'GET', `/api/membership/rules`, MembershipRules> // /api/membership/rules
  | Route<'GET', `/api/members/${number}`, MemberDetail> // /api/members/:id
  | Route<'POST', `/api/members/${number}/process`, { written: number }> // /api/members/:id/process
  | Route<'POST', `/api/members/${number}/${'adjust' | 'redeem'}`, MemberDetail> // /api/members/:id/adjust|redeem
  | Route<'GET', `/api/customers/${number}/membership`, CustomerMembership> // /api/customers/:id/membership
  | Route<'GET', `/api/credit-receivables`, Page<Receivable>> // /api/credit-receivables
  | Route<'POST', `/api/credit-receivables`, Receivable> // /api/credit-receivables
  | Route<'POST', `/api/credit-receivables/push`, ReceivablePushAnswer> // /api/credit-receivables/push
  | Route<'GET', `/api/credit-receivables/${number}`, Receivable> // /api/credit-receivables/:id
  | Route<'PUT', `/api/credit-receivables/${number}`, Receivable> // /api/credit-receivables/:id
  | Route<'GET', `/api/customers/${number}/receivables`, Page<Receivable>> // /api/customers/:id/receivables
  | Route<'GET', `/api/evaluation-templates`, TemplatesAnswer> // /api/evaluation-templates
  | Route<'POST', `/api/evaluation-templates`, EvaluationTemplate> // /api/evaluation-templates
  | Route<'PUT', `/api/evaluation-templates/${number}`, EvaluationTemplate> // /api/evaluation-templates/:id
  | Route<'GET', `/api/evaluations`, Page<Evaluation>> // /api/evaluations
  | Route<'POST', `/api/evaluations`, EvaluationDetail> // /api/evaluations
  | Route<'GET', `/api/customers/${number}/evaluations`, Page<Evaluation>> // /api/customers/:id/evaluations
  | Route<'GET', `/api/evaluations/${number}`, EvaluationDetail> // /api/evaluations/:id
  | Route<'PUT', `/api/evaluations/${number}`, EvaluationDetail> // /api/evaluations/:id
  | Route<'POST', `/api/evaluations/${number}/${'submit' | 'confirm' | 'return'}`, EvaluationDetail> // /api/evaluations/:id/submit|confirm|return
  | Route<'GET', `/api/grading/board`, Page<GradingBoardItem>> // /api/grading/board
  | Route<'POST', `/api/grading/propose`, { changed: number }> // /api/grading/propose
  | Route<'POST', `/api/grading/confirm`, { confirmed: number }> // /api/grading/confirm
  | Route<'GET', `/api/customers/${number}/grade`, CustomerGrade> // /api/customers/:id/grade
  | Route<'GET', `/api/care/calendar`, CareCalendar> // /api/care/calendar
  | Route<'GET', `/api/care/upcoming`, CareCalendar> // /api/care/upcoming
  | Route<'GET', `/api/care/templates`, CareTemplate[]> // /api/care/templates
  | Route<'POST', `/api/care/templates`, CareTemplate> // /api/care/templates
  | Route<'PUT', `/api/care/templates/${number}`, CareTemplate> // /api/care/templates/:id
  | Route<'POST', `/api/care/templates/${number}/render`, CareRendered> // /api/care/templates/:id/render
  | Route<'GET', `/api/care/actions`, CareAction[]> // /api/care/actions
  | Route<'POST', `/api/care/actions`, CareAction> // /api/care/actions
  | Route<'GET', `/api/care/events`, CareEvent[]> // /api/care/events
  | Route<'POST', `/api/care/events`, CareEventDetail> // /api/care/events
  | Route<'GET', `/api/care/events/${number}`, CareEventDetail> // /api/care/events/:id
  | Route<'POST', `/api/care/events/${number}/invites`, CareEventDetail> // /api/care/events/:id/invites
  | Route<'PUT', `/api/care/events/${number}/invites/${number}`, CareEventDetail> // /api/care/events/:id/invites/:customerId
  | Route<'GET', `/api/cadence/compliance`, Compliance> // /api/cadence/compliance
  | Route<'POST', `/api/cadence/run`, CadenceRun> // /api/cadence/run
  | Route<'GET', `/api/customers/${number}/cadence`, CustomerCadence> // /api/customers/:id/cadence
  | Route<'POST', `/api/customers/${number}/cadence/refresh`, CustomerCadence> // /api/customers/:id/cadence/refresh
  | Route<'PUT', `/api/customers/${number}/cadence/exemption`, CustomerCadence> // /api/customers/:id/cadence/exemption
  | Route<'DELETE', `/api/customers/${number}/cadence/exemption`, CustomerCadence> // /api/customers/:id/cadence/exemption
  | Route<'GET', `/api/proposals`, Page<Proposal>> // /api/proposals
  | Route<'POST', `/api/proposals`, ProposalDetail> // /api/proposals
  | Route<'GET', `/api/proposals/weights`, ProposalWeights> // /api/proposals/weights
  | Route<'GET', `/api/proposals/${number}`, ProposalDetail> // /api/proposals/:id
  | Route<'PUT', `/api/proposals/${number}`, ProposalDetail> // /api/proposals/:id
  | Route<'GET', `/api/proposals/${number}/attachments`, { items: CustomerAttachment[] }> // /api/proposals/:id/attachments
  | Route<'DELETE', `/api/proposals/${number}/attachments/${number}`, void> // /api/proposals/:id/attachments/:attachmentId
  | Route<'POST', `/api/proposals/${number}/${'submit' | 'reviews' | 'approval' | 'implementation' | 'report' | 'reward'}`, ProposalDetail> // /api/proposals/:id/submit|reviews|approval|implementation|report|reward
  | Route<'GET', `/api/loyalty/churn-risks`, ChurnList> // /api/loyalty/churn-risks
  | Route<'PUT', `/api/customers/${number}/loyalty/churn-reason`, ChurnRisk> // /api/customers/:id/loyalty/churn-reason
  | Route<'GET', `/api/loyalty/lost`, LostList> // /api/loyalty/lost
  | Route<'POST', `/api/customers/${number}/loyalty/lost`, LostAnswer> // /api/customers/:id/loyalty/lost
  | Route<'GET', `/api/loyalty/rfm`, RfmList> // /api/loyalty/rfm
  | Route<'GET', `/api/customers/${number}/loyalty`, CustomerLoyalty> // /api/customers/:id/loyalty
  | Route<'POST', `/api/loyalty/run`, LoyaltyRun> // /api/loyalty/run
  | Route<'GET', `/api/visits`, Page<Visit>> // /api/visits
  | Route<'POST', `/api/visits`, Visit> // /api/visits
  | Route<'GET', `/api/visits/daily`, DailyReport> // /api/visits/daily
  | Route<'GET', `/api/visits/${number}`, Visit> // /api/visits/:id
  | Route<'POST', `/api/visits/${number}/${'comment' | 'complaint' | 'task'}`, Visit> // /api/visits/:id/comment|complaint|task
  | Route<'GET', `/api/visit-reports`, Page<VisitReport>> // /api/visit-reports
  | Route<'POST', `/api/visit-reports`, VisitReport> // /api/visit-reports
  | Route<'GET', `/api/visit-reports/averages`, ReportAverages> // /api/visit-reports/averages
  | Route<'GET', `/api/visit-reports/scales`, ReportScales> // /api/visit-reports/scales
  | Route<'GET', `/api/visit-reports/${number}`, VisitReport> // /api/visit-reports/:id
  | Route<'GET', `/api/territories`, { items: Territory[] }> // /api/territories
  | Route<'GET', `/api/visit-plans`, { items: VisitPlanSummary[] }> // /api/visit-plans
  | Route<'POST', `/api/visit-plans`, VisitPlan> // /api/visit-plans
  | Route<'GET', `/api/visit-plans/suggestions`, { items: PlanSuggestion[] }> // /api/visit-plans/suggestions
  | Route<'GET', `/api/visit-plans/open-lines`, { items: OpenPlanLine[] }> // /api/visit-plans/open-lines
  | Route<'GET', `/api/visit-plans/${number}`, VisitPlan> // /api/visit-plans/:id
  | Route<'PUT', `/api/visit-plans/${number}`, VisitPlan> // /api/visit-plans/:id
  | Route<'POST', `/api/visit-plans/${number}/submit`, VisitPlan> // /api/visit-plans/:id/submit
  | Route<'POST', `/api/territories`, Territory> // /api/territories
  | Route<'PUT', `/api/territories/${number}`, Territory> // /api/territories/:id
  | Route<'DELETE', `/api/territories/${number}`, void> // /api/territories/:id
  | Route<'GET', `/api/territories/${number}/customers`, TerritoryCustomers> // /api/territories/:id/customers
  | Route<'POST', `/api/territories/${number}/removals`, void> // /api/territories/:id/removals
  | Route<'DELETE', `/api/territories/${number}/removals/${number}`, void> // /api/territories/:id/removals/:customerId
  | Route<'GET', `/api/customers/${number}/location`, CustomerLocation> // /api/customers/:id/location
  | Route<'PUT', `/api/customers/${number}/location`, CustomerLocation> // /api/customers/:id/location
  | Route<'POST', `/api/visit-routes`, DayRoute> // /api/visit-routes
  | Route<'GET', `/api/pools`, Pool[]> // /api/pools
  | Route<'POST', `/api/pools`, PoolCreated> // /api/pools
  | Route<'GET', `/api/pool/status`, PoolStatus> // /api/pool/status
  | Route<'GET', `/api/pools/${number}/customers`, Page<PoolEntry>> // /api/pools/:id/customers
  | Route<'POST', `/api/pools/${number}/claims`, void> // /api/pools/:id/claims
  | Route<'GET', `/api/customers/${number}/pool`, CustomerPool> // /api/customers/:id/pool
  | Route<'GET', `/api/archives/levels`, ArchiveLevels> // /api/archives/levels
  | Route<'GET', `/api/customers/${number}/archive`, { items: ArchiveMaterial[] }> // /api/customers/:id/archive
  | Route<'PUT', `/api/customers/${number}/archive/${number}/level`, { attachmentId: number; level: string }> // /api/customers/:id/archive/:attachmentId/level
  | Route<'GET', `/api/customers/${number}/correspondence`, { items: Correspondence[] }> // /api/customers/:id/correspondence
  | Route<'POST', `/api/customers/${number}/correspondence`, Correspondence> // /api/customers/:id/correspondence
  | Route<'GET', `/api/archives/loans`, { items: ArchiveLoan[] }> // /api/archives/loans
  | Route<'POST', `/api/archives/loans`, ArchiveLoan> // /api/archives/loans
  | Route<'POST', `/api/archives/loans/${number}/return`, ArchiveLoan> // /api/archives/loans/:id/return
  | Route<'GET', `/api/archives/download-requests`, { items: DownloadRequest[] }> // /api/archives/download-requests
  | Route<'POST', `/api/archives/download-requests`, DownloadRequest> // /api/archives/download-requests
  | Route<'GET', `/api/${'evaluations' | 'credit-risks'}/${number}/end-cooperation`, EndCooperationLatest> // /api/evaluations/:id/end-cooperation, /api/credit-risks/:id/end-cooperation
  | Route<'POST', `/api/${'evaluations' | 'credit-risks'}/${number}/end-cooperation`, EndCooperationRequest> // the same, to request it
  | Route<'GET', `/api/projects`, Page<ProjectSummary>> // /api/projects
  | Route<'POST', `/api/projects`, Project> // /api/projects
  | Route<'GET', `/api/projects/${number}`, Project> // /api/projects/:id
  | Route<'PUT', `/api/projects/${number}`, Project> // /api/projects/:id
  | Route<'POST', `/api/projects/${number}/${'milestones' | 'tasks' | 'meetings' | 'acceptance' | 'close'}`, Project> // /api/projects/:id/milestones, …/tasks, …/meetings, …/acceptance, …/close
  | Route<'PUT', `/api/projects/${number}/${'milestones' | 'tasks'}/${number}`, Project> // /api/projects/:id/milestones/:itemId, …/tasks/:itemId
  | Route<'POST', `/api/projects/${number}/milestones/${number}/confirm`, Project> // /api/projects/:id/milestones/:itemId/confirm
  | Route<'POST', `/api/projects/${number}/changes`, ProjectChangeCreated> // /api/projects/:id/changes
  | Route<'GET', `/api/callcentre/calls`, Page<Call>> // /api/callcentre/calls
  | Route<'POST', `/api/callcentre/calls`, Call> // /api/callcentre/calls
  | Route<'GET', `/api/callcentre/calls/${number}`, Call> // /api/callcentre/calls/:id
  | Route<'PUT', `/api/callcentre/calls/${number}`, Call> // /api/callcentre/calls/:id
  | Route<'POST', `/api/callcentre/calls/${number}/${'complaint' | 'task' | 'visit'}`, Call> // /api/callcentre/calls/:id/complaint|task|visit
  | Route<'POST', `/api/callcentre/calls/${number}/reveal`, { value: string }> // /api/callcentre/calls/:id/reveal
  | Route<'POST', `/api/callcentre/calls/${number}/qa`, QaScore> // /api/callcentre/calls/:id/qa
  | Route<'GET', `/api/callcentre/lists`, { items: CallList[] }> // /api/callcentre/lists
  | Route<'POST', `/api/callcentre/lists`, CallList> // /api/callcentre/lists
  | Route<'GET', `/api/callcentre/my-lines`, { items: CallListLine[] }> // /api/callcentre/my-lines
  | Route<'GET', `/api/callcentre/qa/template`, { items: { key: string; label: string; weight: number }[] }> // /api/callcentre/qa/template
  | Route<'GET', `/api/callcentre/qa/sample`, { items: QaSampleAgent[] }> // /api/callcentre/qa/sample
  | Route<'GET', `/api/callcentre/qa`, { items: QaScore[] }> // /api/callcentre/qa
  | Route<'GET', `/api/callcentre/qa/report`, QaReport> // /api/callcentre/qa/report
  | Route<'POST', `/api/callcentre/qa/${number}/${'dispute' | 'resolve'}`, QaScore>; // /api/callcentre/qa/:id/dispute|resolve

/** The paths of one method, as template types (`/api/customers/${number}`). */
export type PathOf<M extends Method> = Extract<Routes, { method: M }>['path'];
/** The answer of `M path`: ids are numbers, so no two patterns of a method match the same path. */
export type ResponseOf<M extends Method, P extends string> =
  Extract<Routes, { method: M }> extends infer R ? (R extends Route<M, infer Q, infer A> ? (P extends Q ? A : never) : never) : never;
