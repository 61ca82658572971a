/** Shapes of the complaint API's answers (docs/api.md "Complaints"). */
export type Severity = 'general' | 'major' | 'serious';
export type ComplaintStatus = 'received' | 'processing' | 'opinion_pending' | 'opinion_approved' | 'told' | 'closed';
export type Channel = 'hotline' | 'phone' | 'email' | 'visit' | 'letter' | 'online';
export type ToldMethod = 'phone' | 'sms' | 'email' | 'visit' | 'letter' | 'wechat';
export type ComplaintAction = 'edit' | 'assign' | 'contact' | 'note' | 'opinion' | 'tell' | 'confirm' | 'reopen' | 'extend' | 'meeting' | 'rectify';

export interface Deadline {
  dueDate: string;
  deadlineAt: string;
  met: boolean;
  metAt: string | null;
  msLeft: number | null;
  overdue: boolean;
}

export interface ComplaintSummary {
  id: number;
  complaintNo: string;
  channel: Channel;
  viaPublic: boolean;
  receivedAt: string;
  receivedDate: string;
  customerId: number | null;
  customerName: string | null;
  customerArchiveNo: string | null;
  complainantName: string;
  complainantPhone: string | null;
  complainantCompany: string | null;
  category: string;
  severity: Severity;
  status: ComplaintStatus;
  handlerId: number | null;
  handlerName: string | null;
  teamName: string | null;
  faultDepartmentId: number | null;
  faultDepartmentName: string | null;
  cycle: number;
  firstContact: Deadline;
  resolution: Deadline;
  satisfactionScore: number | null;
  version: number;
}

export interface ComplaintEvent {
  id: number;
  cycle: number;
  kind: string;
  note: string | null;
  public: boolean;
  actorName: string | null;
  at: string;
}

export interface Opinion {
  id: number;
  cycle: number;
  content: string;
  status: string;
  draftedById: number;
  draftedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Extension {
  id: number;
  cycle: number;
  days: number;
  reason: string;
  status: string;
  requestedByName: string | null;
  dueBefore: string;
  dueAfter: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface Meeting {
  id: number;
  status: 'open' | 'decided';
  meetingDate: string | null;
  attendees: string | null;
  decisions: string | null;
  recordedByName: string | null;
  recordedAt: string | null;
  version: number;
}

export interface Rectification {
  id: number;
  complaintId: number;
  complaintNo: string;
  category: string;
  noticeNo: string;
  departmentId: number | null;
  departmentName: string;
  recipientId: number | null;
  recipientName: string | null;
  requirement: string;
  dueDate: string;
  overdue: boolean;
  status: 'open' | 'replied';
  reply: string | null;
  repliedByName: string | null;
  repliedAt: string | null;
  issuedByName: string | null;
  issuedAt: string;
  canReply: boolean;
  version: number;
}

export interface Complaint extends ComplaintSummary {
  content: string;
  complainantEmail: string | null;
  createdByName: string | null;
  cycleStartDate: string;
  resolutionDays: number;
  extensionDays: number;
  extensionDaysLeft: number;
  toldAt: string | null;
  toldMethod: ToldMethod | null;
  toldNote: string | null;
  closedAt: string | null;
  currentOpinionId: number | null;
  opinions: Opinion[];
  extensions: Extension[];
  meeting: Meeting | null;
  rectifications: Rectification[];
  breaches: { cycle: number; kind: 'first_contact' | 'resolution'; dueDate: string; recordedAt: string }[];
  events: ComplaintEvent[];
  can: Record<ComplaintAction, boolean>;
}

export interface ComplaintOptions {
  categories: string[];
  channels: Channel[];
  severities: Severity[];
  statuses: ComplaintStatus[];
  toldMethods: ToldMethod[];
  maxTotalWorkingDays: number;
}

export interface IntakeInput {
  receivedAt?: string;
  channel: Channel;
  customerId?: number | null;
  complainantName: string;
  complainantPhone?: string | null;
  complainantCompany?: string | null;
  complainantEmail?: string | null;
  content: string;
  category: string;
  severity: Severity;
  handlerId?: number | null;
  faultDepartmentId?: number | null;
}

export interface Analysis {
  from: string;
  to: string;
  summary: {
    received: number;
    resolved: number;
    closed: number;
    open: number;
    inTime: number;
    inTimeRate: number | null;
    resolutionRate: number | null;
    rated: number;
    satisfactionAverage: number | null;
    satisfiedRate: number | null;
    averageHandlingDays: number | null;
    breaches: number;
    repeatedCustomers: number;
  };
  byCategory: { key: string; count: number }[];
  bySeverity: { key: Severity; count: number }[];
  byDepartment: { departmentId: number | null; name: string | null; count: number }[];
  byMonth: { month: string; count: number; closed: number }[];
  byHandler: { handlerId: number | null; name: string | null; received: number; resolved: number; inTime: number; inTimeRate: number | null; breaches: number; satisfactionAverage: number | null }[];
  repeated: { customerId: number | null; name: string; archiveNo: string | null; phone: string | null; count: number; lastReceived: string }[];
}
export type AnalysisTable = 'summary' | 'category' | 'severity' | 'department' | 'month' | 'handler' | 'repeated';

/** What the public page shows of one's own complaint. */
export interface PublicComplaint {
  complaintNo: string;
  receivedAt: string;
  status: 'received' | 'processing' | 'replied' | 'closed';
  category: string;
  content: string;
  resolutionDue: string | null;
  result: string | null;
  toldAt: string | null;
  closedAt: string | null;
  satisfactionScore: number | null;
  canConfirm: boolean;
  awaitingMeeting: boolean;
  events: { kind: string; at: string; note: string | null }[];
}
