import { shanghaiDate } from '../../platform/time';

/** Visit plans 回访计划表 (docs/regulations.md §8): periods, due dates, lateness and the visit-day check. Pure. */
export const PLAN_KINDS = ['monthly', 'weekly'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_STATUSES = ['draft', 'pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => fmt(new Date(day(s).getTime() + n * 86_400_000));
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (s: string) => ((day(s).getUTCDay() + 6) % 7) + 1;

/** The first and last day of the plan's period: a month 'YYYY-MM', or a week given by its Monday. Null when the period is not one. */
export function periodRange(kind: PlanKind, period: string): { start: string; end: string } | null {
  if (kind === 'monthly') {
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (!m) return null;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { start: `${period}-01`, end: `${period}-${String(lastDayOfMonth(y, mo)).padStart(2, '0')}` };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period) || Number.isNaN(day(period).getTime()) || fmt(day(period)) !== period || isoWeekday(period) !== 1) return null;
  return { start: period, end: addDays(period, 6) };
}

/**
 * When the plan is due: a month's plan by `dueDay` of the month before (000 篇3 二: the 30th; in a shorter
 * month its last day), a week's plan on `dueWeekday` of the week before (Friday).
 */
export function planDueDate(kind: PlanKind, periodStart: string, s: { dueDay: number; dueWeekday: number }): string {
  if (kind === 'weekly') return addDays(periodStart, -7 + (s.dueWeekday - 1));
  const y = Number(periodStart.slice(0, 4));
  const m = Number(periodStart.slice(5, 7));
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const d = Math.min(s.dueDay, lastDayOfMonth(py, pm));
  return `${py}-${String(pm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Late when first submitted after the due day ends in Asia/Shanghai. */
export const isLate = (submittedAt: Date, dueDate: string) => shanghaiDate(submittedAt) > dueDate;

/** The next period from a day: next month, or the Monday of next week. */
export function nextPeriod(kind: PlanKind, today: string): string {
  if (kind === 'monthly') {
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return addDays(today, 8 - isoWeekday(today));
}

/** Distinct days with an on-site visit (the restaurant's "6 visit days a month", when set). */
export function onSiteDays(lines: { method: string; planned_on: string }[]): number {
  return new Set(lines.filter((l) => l.method === 'on_site').map((l) => l.planned_on)).size;
}

/**
 * The periods whose plan falls due between two days (inclusive), with their due days: the weeks (by their
 * Monday) or months of the plans a person owes in that span (docs/regulations.md §8, §17).
 */
export function periodsDueBetween(kind: PlanKind, from: string, to: string, s: { dueDay: number; dueWeekday: number }): { period: string; dueDate: string }[] {
  const out: { period: string; dueDate: string }[] = [];
  if (kind === 'weekly') {
    // A week's plan is due in the week before it: the candidate Mondays run from just after `from` to a week after `to`.
    for (let monday = nextPeriod('weekly', addDays(from, -1)); monday <= addDays(to, 14); monday = addDays(monday, 7)) {
      const dueDate = planDueDate('weekly', monday, s);
      if (dueDate >= from && dueDate <= to) out.push({ period: monday, dueDate });
    }
    return out;
  }
  for (let month = from.slice(0, 7); `${month}-01` <= addDays(to, 62); month = nextPeriod('monthly', `${month}-01`)) {
    const dueDate = planDueDate('monthly', `${month}-01`, s);
    if (dueDate >= from && dueDate <= to) out.push({ period: month, dueDate });
  }
  return out;
}
