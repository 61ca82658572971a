import { addDays, isWorkingDay, type CalendarData } from '../../platform/calendar/calendar.rules';
import { CHANNEL_LIMITS, maskPersonalData, utf8Bytes } from '../../platform/outgoing/masking';

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

/** Safety net for notification texts: personal data left in clear is masked (one function for every channel). */
export const maskPhonesInText = maskPersonalData;

// What a group chat is told, in place of the texts people typed (titles, notes, comments).
const EVENT_LABELS: Record<string, string> = {
  'task.assigned': '新任务',
  'task.due_soon': '任务即将到期',
  'task.overdue': '任务已逾期',
  'task.completed': '任务已完成',
  'task.comment': '任务有新留言',
  'approval.waiting': '待审批',
  'approval.approved': '审批已通过',
  'approval.rejected': '审批未通过',
  'approval.returned': '审批已退回',
  'contract.effective': '合同已生效',
  'contract.expiring': '合同即将到期',
  'cadence.escalated': '客户联系逾期升级',
  'pool.reminder': '公海客户提醒',
  'evaluation.submitted': '客户评估已提交',
};
const RECORD_LABELS: Record<string, string> = {
  task: '任务',
  customer: '客户',
  contract: '合同',
  approval: '审批',
  complaint: '投诉',
  complaint_rectification: '投诉整改',
  evaluation: '客户评估',
  credit_risk: '信用风险',
  individual: '散客',
  reception_record: '接待记录',
  visit: '回访',
  survey_campaign: '满意度调查',
};
/** Names listed before "等 N 人": a group message says who, not a roster. */
const MAX_NAMES = 10;

export function eventLabel(kind: string): string {
  return EVENT_LABELS[kind] ?? `新通知（${kind.replace(/[^\w.-]/g, '').slice(0, 60)}）`;
}

/**
 * The text of a group-robot message: the kind of event, the record number, the people it concerns and a
 * link — never a title, note or comment someone typed, so neither personal data nor an unbounded text can
 * reach a group chat. Every part is bounded, which keeps the message under WeCom's 2,048-byte text limit
 * (the smallest of the robots') by construction; `limitBytes` is the guard if a name list were ever longer.
 */
export function robotText(input: {
  kind: string;
  link?: { type: string; id: number; path: string } | null;
  recipients: string[];
  publicUrl?: string;
  limitBytes?: number;
}): string {
  const limit = input.limitBytes ?? CHANNEL_LIMITS.wecom.text;
  const head = [`【客户关系管理】${eventLabel(input.kind)}`];
  if (input.link) head.push(`记录：${RECORD_LABELS[input.link.type] ?? input.link.type} #${input.link.id}`);
  const tail = input.link?.path && input.publicUrl ? [absoluteLink(input.publicUrl, input.link.path)] : [];
  const names = input.recipients.map((n) => maskPersonalData(n).slice(0, 40));
  for (let shown = Math.min(names.length, MAX_NAMES); shown >= 0; shown--) {
    const who = names.length === 0 ? [] : [`负责人：${names.slice(0, shown).join('、')}${names.length > shown ? `${shown ? ' ' : ''}等 ${names.length} 人` : ''}`];
    const text = [...head, ...who, ...tail].join('\n');
    if (utf8Bytes(text) <= limit) return text;
  }
  return head.join('\n');
}

export function absoluteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
