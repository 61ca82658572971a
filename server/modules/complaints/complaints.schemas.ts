import { z } from 'zod';
import { dateString, pagingQuery, sortQuery, version } from '../../platform/http/schemas';
import { isPhone } from '../customers/customers.rules';
import { CHANNELS, SEVERITIES, STATUSES, TOLD_METHODS, type ComplaintAction } from './complaints.rules';

/** What the detail answer's `can` names; the check below fails to compile when it and ComplaintAction drift apart. */
export const COMPLAINT_ACTIONS = ['edit', 'assign', 'contact', 'note', 'opinion', 'tell', 'confirm', 'reopen', 'extend', 'meeting', 'rectify'] as const;
const actionsCovered: [ComplaintAction] extends [(typeof COMPLAINT_ACTIONS)[number]] ? true : false = true;
void actionsCovered;

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const phone = z.string().trim().max(40).refine(isPhone, 'validation.phone');
const email = z.string().trim().max(100).pipe(z.email({ error: 'validation.email' }));
const isoInstant = z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), 'validation.date');
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

// ── Staff intake and handling ─────────────────────────────────────────────────
export const intakeBody = z
  .object({
    receivedAt: isoInstant.optional(),
    channel: z.enum(CHANNELS),
    customerId: id.nullable().optional(),
    complainantName: text(50),
    complainantPhone: phone.nullable().optional(),
    complainantCompany: optionalText(100),
    complainantEmail: email.nullable().optional(),
    content: text(4000),
    category: text(20),
    severity: z.enum(SEVERITIES),
    handlerId: id.nullable().optional(),
    faultDepartmentId: id.nullable().optional(),
  })
  .strict();
export type IntakeBody = z.infer<typeof intakeBody>;

export const updateBody = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    customerId: id.nullable().optional(),
    complainantName: text(50).optional(),
    complainantPhone: phone.nullable().optional(),
    complainantCompany: optionalText(100),
    complainantEmail: email.nullable().optional(),
    content: text(4000).optional(),
    category: text(20).optional(),
    severity: z.enum(SEVERITIES).optional(),
    faultDepartmentId: id.nullable().optional(),
    version,
  })
  .strict();
export type UpdateBody = z.infer<typeof updateBody>;

export const assignBody = z.object({ handlerId: id, version }).strict();
export const contactBody = z.object({ at: isoInstant.optional(), note: text(2000), version }).strict();
export const noteBody = z.object({ note: text(4000) }).strict();
export const opinionBody = z.object({ content: text(4000), comment: optionalText(1000) }).strict();
export const tellBody = z.object({ method: z.enum(TOLD_METHODS), at: isoInstant.optional(), note: optionalText(2000), version }).strict();
// One message for a missing, empty or out-of-range rating: the dialog's own (docs/regulations.md §10).
const score = z.number({ error: 'complaints.score_required' }).int('complaints.score_required').min(1, 'complaints.score_required').max(5, 'complaints.score_required');
export const revealBody = z.object({ field: z.enum(['phone']) }).strict();
export const confirmBody = z.object({ score, note: optionalText(1000), version }).strict();
export const reopenBody = z.object({ reason: text(1000), version }).strict();
export const extensionBody = z.object({ days: z.number().int().min(1).max(6), reason: text(1000) }).strict();
export const meetingBody = z.object({ meetingDate: dateString, attendees: text(500), decisions: text(4000), version }).strict();
export const rectificationBody = z
  .object({ departmentId: id.optional(), recipientId: id.optional(), requirement: text(4000), dueDate: dateString.optional() })
  .strict();
export const replyBody = z.object({ reply: text(4000), version }).strict();

export const listQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    status: z.enum(STATUSES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    category: z.string().trim().max(20).optional(),
    channel: z.enum(CHANNELS).optional(),
    handlerId: id.optional(),
    customerId: id.optional(),
    mine: bool.optional(),
    unassigned: bool.optional(),
    overdue: bool.optional(),
    receivedFrom: dateString.optional(),
    receivedTo: dateString.optional(),
    sort: sortQuery(['receivedAt', 'resolutionDue', 'complaintNo', 'status'] as const),
    ...pagingQuery,
  })
  .strict();

export const rectificationListQuery = z.object({ status: z.enum(['open', 'replied']).optional(), mine: bool.optional(), ...pagingQuery }).strict();

export const ANALYSIS_TABLES = ['summary', 'category', 'severity', 'department', 'month', 'handler', 'repeated'] as const;
export const analysisQuery = z.object({ from: dateString.optional(), to: dateString.optional() }).strict();
export const exportQuery = z.object({ from: dateString.optional(), to: dateString.optional(), table: z.enum(ANALYSIS_TABLES) }).strict();

// ── Public page (no sign-in) ──────────────────────────────────────────────────
export const publicFileBody = z
  .object({
    name: text(50),
    phone,
    company: optionalText(100),
    email: email.nullable().optional(),
    category: text(20),
    content: z.string().trim().min(10, 'complaint.content_too_short').max(2000),
    // A field people never see: a robot that fills every input gets a polite refusal.
    website: z.string().max(0).optional(),
  })
  .strict();
export const publicLookupBody = z.object({ number: z.string().trim().min(1).max(30), phone: z.string().trim().min(4).max(40) }).strict();
export const publicConfirmBody = z
  .object({
    number: z.string().trim().min(1).max(30),
    phone: z.string().trim().min(4).max(40),
    satisfied: z.boolean(),
    score: z.number().int().min(1).max(5).optional(),
    comment: optionalText(1000),
  })
  .strict();

// ── Answers ───────────────────────────────────────────────────────────────────
const deadline = z.object({
  dueDate: z.string(),
  deadlineAt: z.string(),
  met: z.boolean(),
  metAt: z.string().nullable(),
  msLeft: z.number().nullable(),
  overdue: z.boolean(),
  provisional: z.boolean(),
});

export const summaryOut = z.object({
  id: z.number(),
  complaintNo: z.string(),
  channel: z.string(),
  viaPublic: z.boolean(),
  receivedAt: z.string(),
  receivedDate: z.string(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  customerArchiveNo: z.string().nullable(),
  complainantName: z.string(),
  complainantPhone: z.string().nullable(),
  complainantCompany: z.string().nullable(),
  category: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  handlerId: z.number().nullable(),
  handlerName: z.string().nullable(),
  teamName: z.string().nullable(),
  faultDepartmentId: z.number().nullable(),
  faultDepartmentName: z.string().nullable(),
  cycle: z.number(),
  firstContact: deadline,
  resolution: deadline,
  satisfactionScore: z.number().nullable(),
  version: z.number(),
});

const event = z.object({ id: z.number(), cycle: z.number(), kind: z.string(), note: z.string().nullable(), public: z.boolean(), actorName: z.string().nullable(), at: z.string() });
const opinion = z.object({
  id: z.number(),
  cycle: z.number(),
  content: z.string(),
  status: z.string(),
  draftedById: z.number(),
  draftedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const extension = z.object({
  id: z.number(),
  cycle: z.number(),
  days: z.number(),
  reason: z.string(),
  status: z.string(),
  requestedByName: z.string().nullable(),
  dueBefore: z.string(),
  dueAfter: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
const meeting = z.object({
  id: z.number(),
  status: z.string(),
  meetingDate: z.string().nullable(),
  attendees: z.string().nullable(),
  decisions: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
  version: z.number(),
});
export const rectificationOut = z.object({
  id: z.number(),
  complaintId: z.number(),
  complaintNo: z.string(),
  category: z.string(),
  noticeNo: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string(),
  recipientId: z.number().nullable(),
  recipientName: z.string().nullable(),
  requirement: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  status: z.string(),
  reply: z.string().nullable(),
  repliedByName: z.string().nullable(),
  repliedAt: z.string().nullable(),
  issuedByName: z.string().nullable(),
  issuedAt: z.string(),
  canReply: z.boolean(),
  version: z.number(),
});
const breach = z.object({ cycle: z.number(), kind: z.string(), dueDate: z.string(), recordedAt: z.string() });

export const detailOut = summaryOut.extend({
  content: z.string(),
  complainantEmail: z.string().nullable(),
  createdByName: z.string().nullable(),
  cycleStartDate: z.string(),
  resolutionDays: z.number(),
  extensionDays: z.number(),
  /** Working days an extension may still add (7 in all, §10). */
  extensionDaysLeft: z.number(),
  toldAt: z.string().nullable(),
  toldMethod: z.string().nullable(),
  toldNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  currentOpinionId: z.number().nullable(),
  opinions: z.array(opinion),
  extensions: z.array(extension),
  meeting: meeting.nullable(),
  rectifications: z.array(rectificationOut),
  breaches: z.array(breach),
  events: z.array(event),
  can: z.record(z.enum(COMPLAINT_ACTIONS), z.boolean()),
});

export const publicOut = z.object({
  complaintNo: z.string(),
  receivedAt: z.string(),
  status: z.enum(['received', 'processing', 'replied', 'closed']),
  category: z.string(),
  content: z.string(),
  resolutionDue: z.string().nullable(),
  result: z.string().nullable(),
  toldAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  satisfactionScore: z.number().nullable(),
  canConfirm: z.boolean(),
  awaitingMeeting: z.boolean(),
  events: z.array(z.object({ kind: z.string(), at: z.string(), note: z.string().nullable() })),
});

/** `GET /api/complaint-options`: the categories of the settings and the fixed code lists. */
export const optionsOut = z.object({
  categories: z.array(z.string()),
  maxTotalWorkingDays: z.number(),
  channels: z.array(z.enum(CHANNELS)).readonly(),
  severities: z.array(z.enum(SEVERITIES)).readonly(),
  statuses: z.array(z.enum(STATUSES)).readonly(),
  toldMethods: z.array(z.enum(TOLD_METHODS)).readonly(),
});

/** `GET /api/complaints/analysis` (docs/complaints.md). */
export const analysisOut = z.object({
  from: z.string(),
  to: z.string(),
  summary: z.object({
    received: z.number(),
    resolved: z.number(),
    closed: z.number(),
    open: z.number(),
    inTime: z.number(),
    inTimeRate: z.number().nullable(),
    resolutionRate: z.number().nullable(),
    rated: z.number(),
    satisfactionAverage: z.number().nullable(),
    satisfiedRate: z.number().nullable(),
    averageHandlingDays: z.number().nullable(),
    breaches: z.number(),
    repeatedCustomers: z.number(),
  }),
  byCategory: z.array(z.object({ key: z.string(), count: z.number() })),
  bySeverity: z.array(z.object({ key: z.string(), count: z.number() })),
  byDepartment: z.array(z.object({ departmentId: z.number().nullable(), name: z.string().nullable(), count: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number(), closed: z.number() })),
  byHandler: z.array(
    z.object({
      handlerId: z.number().nullable(),
      name: z.string().nullable(),
      received: z.number(),
      resolved: z.number(),
      inTime: z.number(),
      inTimeRate: z.number().nullable(),
      breaches: z.number(),
      satisfactionAverage: z.number().nullable(),
    }),
  ),
  repeated: z.array(
    z.object({ customerId: z.number().nullable(), name: z.string(), archiveNo: z.string().nullable(), phone: z.string().nullable(), count: z.number(), lastReceived: z.string() }),
  ),
});
