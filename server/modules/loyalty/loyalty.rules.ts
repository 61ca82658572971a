/**
 * Churn and loyalty rules (docs/regulations.md §16), pure: whole months between two days, when a customer
 * becomes a churn risk, and the RFM segment of three quintile scores.
 */

/** `date` (YYYY-MM-DD) plus `months` calendar months; the 31st of a shorter month falls on its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole calendar months from `from` to `to` (0 when `to` is less than a month later). */
export function monthsBetween(from: string, to: string): number {
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

export interface ChurnState {
  /** The last visit or call, else the start of cooperation (YYYY-MM-DD). */
  since: string;
  monthsSince: number;
  /** The day the customer became a risk: `since` + N months; one outreach per such period. */
  riskSince: string;
  atRisk: boolean;
}

/** N months without a visit = churn risk (001 篇4, docs/regulations.md §16). */
export function churnOf(since: string, today: string, months: number): ChurnState {
  const riskSince = addMonths(since, months);
  return { since, monthsSince: monthsBetween(since, today), riskSince, atRisk: riskSince <= today };
}

/** The day on or before which the last purchase must fall for a customer to be proposed as lost. */
export const lostCutoff = (today: string, months: number) => addMonths(today, -months);

export const SEGMENTS = [
  'important_value',
  'important_retain',
  'important_develop',
  'important_winback',
  'general_value',
  'general_retain',
  'general_develop',
  'general_winback',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * The common eight-segment RFM table: each score is 高 when it is at least the middle quintile (3), 低 below.
 * M decides 重要 / 一般; then R and F: 高高 价值, 低高 保持, 高低 发展, 低低 挽留.
 */
export function segmentOf(r: number, f: number, m: number): Segment {
  const hi = (x: number) => x >= 3;
  const kind = hi(r) ? (hi(f) ? 'value' : 'develop') : hi(f) ? 'retain' : 'winback';
  return `${hi(m) ? 'important' : 'general'}_${kind}` as Segment;
}
