/**
 * The KPI rules (docs/regulations.md §17) and the routines' calendar (§19), free of the database: point
 * rules, the monthly tally, report due dates and the next meeting slot. Dates are Asia/Shanghai days.
 */

export const EVENTS = ['visit_plan_late', 'weekly_plan_late', 'new_customers_below', 'report_late.monthly_analysis', 'report_late.monthly_forecast', 'report_late.monthly_summary', 'report_late.daily_visit'] as const;
export type KpiEvent = (typeof EVENTS)[number];

export const REPORT_KINDS = ['monthly_forecast', 'monthly_summary', 'monthly_analysis', 'daily_visit'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface PointRule {
  event: KpiEvent;
  /** Points per occurrence; negative for a deduction. */
  points: number;
  period: 'month';
  /** For new_customers_below: fewer than this many in the month. */
  threshold?: number;
}

/**
 * The seeds' rules (000 篇3 二–六) and the product's for the §19 reports (no seed number: −1 each). The seeds'
 * −2 is for the monthly visit plan due the 30th; they give the Friday weekly plan (§19) no points, so its rule
 * is listed at 0 for the company to set (docs/regulations.md §17). A rule at 0 deducts nothing.
 */
export const DEFAULT_RULES: PointRule[] = [
  { event: 'visit_plan_late', points: -2, period: 'month' },
  { event: 'weekly_plan_late', points: 0, period: 'month' },
  { event: 'report_late.monthly_analysis', points: -3, period: 'month' },
  { event: 'new_customers_below', points: -2, period: 'month', threshold: 2 },
  { event: 'report_late.monthly_forecast', points: -1, period: 'month' },
  { event: 'report_late.monthly_summary', points: -1, period: 'month' },
];

export const METRICS = ['new_customers', 'complaint_in_time_rate', 'complaint_resolution_rate', 'complaint_satisfaction', 'survey_satisfaction', 'cadence_in_time_rate', 'late_plans'] as const;
export type Metric = (typeof METRICS)[number];

/** One deduction (or bonus) in a month's tally, traced to the record that caused it. */
export interface Deduction {
  /** Stable per person: the annulment refers to it. */
  key: string;
  event: KpiEvent;
  points: number;
  text: string;
  ref: { type: string; id: number | string } | null;
}

export interface Tally {
  base: number;
  deductions: (Deduction & { annulled: null | { reason: string; by: string | null; at: string } })[];
  total: number;
}

/** Base minus every deduction not annulled. */
export function tally(base: number, deductions: Deduction[], annulled: Map<string, { reason: string; by: string | null; at: string }>): Tally {
  const rows = deductions.map((d) => ({ ...d, annulled: annulled.get(d.key) ?? null }));
  return { base, deductions: rows, total: base + rows.filter((r) => !r.annulled).reduce((s, r) => s + r.points, 0) };
}

export const monthStart = (m: string) => `${m}-01`;
export function monthEnd(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return `${m}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
}
export function shiftMonth(m: string, by: number): string {
  const [y, mo] = m.split('-').map(Number);
  const n = y * 12 + (mo - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** A monthly report's due day in its month; a day the month lacks is its last day. */
export function dueInMonth(month: string, day: number): string {
  const last = Number(monthEnd(month).slice(8));
  return `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Days of a month, first to last. */
export function daysOf(month: string): string[] {
  const n = Number(monthEnd(month).slice(8));
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** Monday = 1 … Sunday = 7 of a YYYY-MM-DD. */
export function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export interface MeetingSlot {
  weekday: number; // 1 = Monday … 7 = Sunday
  time: string; // HH:MM, Asia/Shanghai
}

/** The first slot strictly after `after` (UTC instant), over the next two weeks. */
export function nextSlot(slots: MeetingSlot[], after: Date): Date | null {
  const shanghai = new Date(after.getTime() + 8 * 3600_000);
  const base = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate());
  let best: Date | null = null;
  for (let i = 0; i <= 14; i++) {
    const day = new Date(base + i * 86400_000).toISOString().slice(0, 10);
    for (const s of slots) {
      if (weekday(day) !== s.weekday) continue;
      const at = new Date(`${day}T${s.time}:00+08:00`);
      if (at.getTime() > after.getTime() && (!best || at < best)) best = at;
    }
  }
  return best;
}

/** A rate in % with one decimal; null when there is nothing to rate. */
export const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
