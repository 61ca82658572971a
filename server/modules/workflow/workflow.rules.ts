import { addDays, isWorkingDay, type CalendarData } from '../../platform/calendar/calendar.rules';
import { maskPhone } from '../customers/customers.rules';

/** Pure rules of the workflow services (issue 4 §2–4): retries, overdue, reminder times, masking. */

/** Longest wait between two delivery attempts, whatever the base and attempt count. */
export const MAX_RETRY_DELAY_MS = 6 * 3600_000;

/**
 * Exponential backoff: after the n-th failed attempt wait base·2^(n−1) (60 s, 2 min, 4 min … with the
 * default base), capped at six hours.
 */
export function retryDelayMs(failedAttempts: number, baseSeconds: number): number {
  const n = Math.max(1, failedAttempts);
  return Math.min(baseSeconds * 1000 * 2 ** (n - 1), MAX_RETRY_DELAY_MS);
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: string } | { status: 'failed' };

/** What happens to a delivery whose `attempts`-th attempt just failed: retry later, or give up after `maxAttempts`. */
export function afterFailure(attempts: number, maxAttempts: number, baseSeconds: number, now: Date): AfterFailure {
  if (attempts >= maxAttempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, baseSeconds)).toISOString() };
}

export type TaskStatus = 'open' | 'done' | 'cancelled';
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

/** A task is overdue from the day after its due date (Asia/Shanghai) until it is done or cancelled. */
export function isOverdue(task: { status: string; dueDate: string }, today: string): boolean {
  return task.status === 'open' && task.dueDate < today;
}

/** The working day `n` working days before `date` (n = 0: the date itself, or the last working day before it). */
export function workingDaysBefore(cal: CalendarData, date: string, n: number): string {
  let current = date;
  let remaining = n;
  if (n === 0) {
    for (let i = 0; i < 400 && !isWorkingDay(cal, current); i++) current = addDays(current, -1);
    return current;
  }
  for (let i = 0; i < 400 * 3; i++) {
    current = addDays(current, -1);
    if (isWorkingDay(cal, current) && --remaining === 0) return current;
  }
  throw new RangeError('No working day found');
}

/** The instant of `hour`:00 Beijing time on a calendar date. */
export function shanghaiInstant(date: string, hour: number): string {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
}

/**
 * When a task's reminders fire: the "due soon" reminder `beforeWorkingDays` working days before the
 * due date, and the overdue notice on the first day after it, both at `hour` Beijing time. A "due soon"
 * time already past is dropped (the assignee was just told about the task).
 */
export function taskReminderTimes(
  cal: CalendarData,
  dueDate: string,
  opts: { beforeWorkingDays: number; hour: number; now: Date },
): { dueSoonAt: string | null; overdueAt: string } {
  const dueSoonDate = opts.beforeWorkingDays > 0 ? workingDaysBefore(cal, dueDate, opts.beforeWorkingDays) : null;
  const dueSoonAt = dueSoonDate ? shanghaiInstant(dueSoonDate, opts.hour) : null;
  return {
    dueSoonAt: dueSoonAt && dueSoonAt > opts.now.toISOString() ? dueSoonAt : null,
    overdueAt: shanghaiInstant(addDays(dueDate, 1), opts.hour),
  };
}

// Mobile numbers (1[3-9]x, 11 digits, optionally spaced/dashed 3-4-4) and landlines with an area code.
const PHONE_IN_TEXT = /(?<!\d)(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}-?\d{7,8})(?!\d)/g;

/** Safety net for notification texts (issue 3 §9): any phone number left in clear is masked 138****1234. */
export function maskPhonesInText(text: string): string;
export function maskPhonesInText(text: string | null | undefined): string | null;
export function maskPhonesInText(text: string | null | undefined): string | null {
  if (text == null) return null;
  return text.replace(PHONE_IN_TEXT, (m) => maskPhone(m.replace(/[ -]/g, '')) ?? m);
}

/** The text of a group-robot message: title, body, the people it concerns and a link when the address is known. */
export function robotText(input: { title: string; body?: string | null; recipients: string[]; path?: string | null; publicUrl?: string }): string {
  const lines = [`【客户关系管理】${input.title}`];
  if (input.body) lines.push(input.body);
  if (input.recipients.length) lines.push(`→ ${input.recipients.join('、')}`);
  if (input.path && input.publicUrl) lines.push(absoluteLink(input.publicUrl, input.path));
  return lines.join('\n');
}

export function absoluteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
