/**
 * Pure rules of complaint handling (docs/regulations.md §10, seed 004 第十一条): deadlines in Chinese working days,
 * the 7-working-day ceiling on extensions, what may happen in which state, the reminder and escalation
 * plan, complaint numbers and the public page's phone check, and the figures of the analysis. No I/O.
 */
import { addDays, addWorkingDays, isProvisionalSpan, type CalendarData } from '../../platform/calendar/calendar.rules';
import type { FieldError } from '../../platform/http/errors';

export const SEVERITIES = ['general', 'major', 'serious'] as const; // 一般 · 较大 · 重大
export type Severity = (typeof SEVERITIES)[number];
export const CHANNELS = ['hotline', 'phone', 'email', 'visit', 'letter', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];
export const STATUSES = ['received', 'processing', 'opinion_pending', 'opinion_approved', 'told', 'closed'] as const;
export type ComplaintStatus = (typeof STATUSES)[number];
/** How the customer was told of the result. */
export const TOLD_METHODS = ['phone', 'sms', 'email', 'visit', 'letter', 'wechat'] as const;
export type ToldMethod = (typeof TOLD_METHODS)[number];

/**
 * §10 / 004 第十一条（三）: a general complaint within 1 working day, a major one (较大) within 3; special
 * cases with the leaders' approval at most 7 working days in all. Serious complaints (重大) go to the
 * 经理办公会; the seed gives them no number, so theirs is the setting complaints.seriousResolutionWorkingDays.
 */
export const RESOLUTION_WORKING_DAYS: Record<Exclude<Severity, 'serious'>, number> = { general: 1, major: 3 };
export const MAX_TOTAL_WORKING_DAYS = 7;

export function resolutionDays(severity: Severity, seriousDays: number): number {
  return severity === 'serious' ? Math.min(seriousDays, MAX_TOTAL_WORKING_DAYS) : RESOLUTION_WORKING_DAYS[severity];
}

/**
 * A deadline "within N working days" of a day: the end of the N-th working day after it (Asia/Shanghai),
 * with statutory holidays off and 调休 make-up weekends on. Returned as that calendar date.
 */
export function dueDate(cal: CalendarData, fromDate: string, workingDays: number): string {
  return addWorkingDays(cal, fromDate, workingDays).date;
}

/** The first instant after a due date: midnight that ends it in Asia/Shanghai, as a UTC ISO string. */
export function deadlineEnd(due: string): string {
  return new Date(`${addDays(due, 1)}T00:00:00+08:00`).toISOString();
}

/** Breached once the day in Shanghai is after the due date. */
export function isBreached(due: string, today: string): boolean {
  return today > due;
}

export interface DeadlineView {
  dueDate: string;
  /** The instant the deadline passes (end of the due date in Asia/Shanghai). */
  deadlineAt: string;
  met: boolean;
  metAt: string | null;
  /** Milliseconds until the deadline (negative once passed); null when met. */
  msLeft: number | null;
  overdue: boolean;
  /** Counted over a year without an official schedule (docs/regulations.md §10): recomputed once it is entered. */
  provisional: boolean;
}

/** `from`: the day the deadline was counted from; `official`: the years with an official schedule. */
export function deadlineView(due: string, metAt: string | null, now: Date, from: string, official: ReadonlySet<number>): DeadlineView {
  const end = deadlineEnd(due);
  const provisional = isProvisionalSpan({ officialYears: official }, from, due);
  if (metAt) return { dueDate: due, deadlineAt: end, met: true, metAt, msLeft: null, overdue: metAt >= end, provisional };
  const msLeft = new Date(end).getTime() - now.getTime();
  return { dueDate: due, deadlineAt: end, met: false, metAt: null, msLeft, overdue: msLeft <= 0, provisional };
}

/**
 * An extension adds working days to the resolution time of the current cycle; with everything approved so
 * far and this request it may never exceed 7 working days (§10). Returns the refusal naming `days`, or null.
 */
export function checkExtension(input: { baseDays: number; approvedDays: number; requestedDays: number }): FieldError | null {
  if (!Number.isInteger(input.requestedDays) || input.requestedDays < 1) return { field: 'days', message: 'complaint.extension_days_positive' };
  const total = input.baseDays + input.approvedDays + input.requestedDays;
  if (total > MAX_TOTAL_WORKING_DAYS) {
    return { field: 'days', message: 'complaint.extension_too_long', params: { max: MAX_TOTAL_WORKING_DAYS, left: Math.max(0, MAX_TOTAL_WORKING_DAYS - input.baseDays - input.approvedDays) } };
  }
  return null;
}

/** The resolution due date of a cycle: base days for the severity plus the approved extensions, counted from the cycle's first day. */
export function resolutionDue(cal: CalendarData, cycleStart: string, baseDays: number, extensionDays: number): string {
  return dueDate(cal, cycleStart, Math.min(baseDays + extensionDays, MAX_TOTAL_WORKING_DAYS));
}

// ── State ─────────────────────────────────────────────────────────────────────

export interface ComplaintState {
  status: ComplaintStatus;
  severity: Severity;
  firstContacted: boolean;
  hasHandler: boolean;
  /** The current cycle's latest opinion, if any. */
  opinionStatus: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | null;
  extensionPending: boolean;
  /** A serious complaint's 经理办公会 item has its decisions recorded. */
  meetingDecided: boolean;
}

export type ComplaintAction = 'edit' | 'assign' | 'contact' | 'note' | 'opinion' | 'tell' | 'confirm' | 'reopen' | 'extend' | 'meeting' | 'rectify';

const OPEN: readonly ComplaintStatus[] = ['received', 'processing', 'opinion_pending', 'opinion_approved'];

/** What the complaint's state allows (the caller's rights are checked separately). */
export function allowedByState(s: ComplaintState): Set<ComplaintAction> {
  const out = new Set<ComplaintAction>(['rectify']);
  const closed = s.status === 'closed';
  if (!closed) out.add('edit').add('assign').add('note');
  if (!closed && !s.firstContacted) out.add('contact');
  if ((s.status === 'received' || s.status === 'processing') && s.hasHandler && s.opinionStatus !== 'pending' && s.opinionStatus !== 'approved') out.add('opinion');
  if (s.status === 'opinion_approved') out.add('tell');
  if (s.status === 'told' && (s.severity !== 'serious' || s.meetingDecided)) out.add('confirm');
  if (s.status === 'told' || closed) out.add('reopen');
  if (OPEN.includes(s.status) && !s.extensionPending) out.add('extend');
  if (s.severity === 'serious') out.add('meeting');
  return out;
}

/** Closing needs the customer told; a serious complaint also the 经理办公会 decisions (§10). */
export function closeRefusal(s: Pick<ComplaintState, 'status' | 'severity' | 'meetingDecided'>): 'complaint.meeting_required' | 'complaint.not_told' | null {
  if (s.status !== 'told') return 'complaint.not_told';
  if (s.severity === 'serious' && !s.meetingDecided) return 'complaint.meeting_required';
  return null;
}

/** The status the public page shows: fewer steps, no internal ones. */
export function publicStatus(status: ComplaintStatus): 'received' | 'processing' | 'replied' | 'closed' {
  if (status === 'received') return 'received';
  if (status === 'told') return 'replied';
  if (status === 'closed') return 'closed';
  return 'processing';
}

// ── Reminders and escalation (§10; issue 5 §5) ─────────────────────────────────

export type ReminderStage = 'remind' | 'breach' | 'escalate';
export interface PlannedReminder {
  deadline: 'contact' | 'resolve';
  stage: ReminderStage;
  /** ISO instant. */
  at: string;
  /** remind → the handler; breach → the supervisor (and the handler); escalate → the managers. */
  audience: 'handler' | 'supervisor' | 'manager';
  dueDate: string;
}

/**
 * Before each open deadline the handler is reminded at `reminderHour` (Beijing time) on the due day; when the
 * deadline passes the team's supervisor is alerted; `escalateDays` working days later the managers.
 * `escalateDue` is the due date moved on by those working days (computed by the caller with the calendar).
 */
export function reminderPlan(input: {
  status: ComplaintStatus;
  firstContacted: boolean;
  firstContactDue: string;
  firstContactEscalateDue: string;
  resolutionDue: string;
  resolutionEscalateDue: string;
  reminderHour: number;
  now: Date;
}): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const hh = String(input.reminderHour).padStart(2, '0');
  const plan = (deadline: PlannedReminder['deadline'], due: string, escalateDue: string) => {
    const end = deadlineEnd(due);
    const remindAt = new Date(`${due}T${hh}:00:00+08:00`).toISOString();
    // A complaint recorded after the reminder hour of its due day is reminded at once.
    const nowIso = input.now.toISOString();
    if (nowIso < end) out.push({ deadline, stage: 'remind', at: remindAt < nowIso ? nowIso : remindAt, audience: 'handler', dueDate: due });
    out.push({ deadline, stage: 'breach', at: end, audience: 'supervisor', dueDate: due });
    out.push({ deadline, stage: 'escalate', at: deadlineEnd(escalateDue), audience: 'manager', dueDate: due });
  };
  if (input.status === 'closed') return out;
  if (!input.firstContacted) plan('contact', input.firstContactDue, input.firstContactEscalateDue);
  if (OPEN.includes(input.status)) plan('resolve', input.resolutionDue, input.resolutionEscalateDue);
  return out;
}

// ── Numbers, phones, categories ───────────────────────────────────────────────

/** 投诉编号: TS + year + six digits, e.g. TS2026-000123. */
export function formatComplaintNo(year: number, n: number): string {
  return `TS${year}-${String(n).padStart(6, '0')}`;
}

export const COMPLAINT_NO_RE = /^TS\d{4}-\d{6}$/;

/** A number as a customer may type it: any case, spaces, full-width hyphen. */
export function normaliseComplaintNo(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s]/g, '').replace(/[－—–]/g, '-');
}

/** 问题整改通知单 number: ZG + year + six digits. */
export function formatNoticeNo(year: number, n: number): string {
  return `ZG${year}-${String(n).padStart(6, '0')}`;
}

export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const d = phone.replace(/\D/g, '');
  return d || null;
}

/** The public page's check: the phone given must be the complaint's contact phone (digits only, full match). */
export function phoneMatches(stored: string | null, given: string): boolean {
  const g = phoneDigits(given);
  return !!stored && !!g && stored === g;
}

/** The editable category list (setting complaints.categories): separated by 、，,；; or line breaks. */
export function parseCategories(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[、，,；;\n]+/)) {
    const v = part.trim();
    if (v) seen.add(v);
  }
  return [...seen];
}

// ── Analysis (issue 5 §6; KPIs of §10) ────────────────────────────────────────

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export function average(values: number[], decimals = 1): number | null {
  if (!values.length) return null;
  const f = 10 ** decimals;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * f) / f;
}

/** Satisfied with the resolution: a score of 4 or 5 on the five-step scale. */
export const SATISFIED_FROM = 4;

/** Months (YYYY-MM) from the month of `from` to the month of `to`, for a chart axis without gaps. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 240) break;
  }
  return out;
}
