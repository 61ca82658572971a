/** Periods and shares of the analysis tables (docs/regulations.md §16); pure, so the rules test needs no database. */

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];
export const COMPARISONS = ['previous', 'lastYear'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A span of calendar days, both ends included (YYYY-MM-DD), with its label (2026-12, 2026-Q4, 2026). */
export interface Span {
  from: string;
  to: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

/** The period of `kind` that contains the day `date`. */
export function spanOf(kind: Period, date: string): Span {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31`, label: String(y) };
  if (kind === 'month') return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`, label: `${y}-${pad(m)}` };
  const q = Math.floor((m - 1) / 3);
  const first = q * 3 + 1;
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}`, label: `${y}-Q${q + 1}` };
}

/** The period compared with `span`: the one before it, or the same one a year earlier. */
export function comparedSpan(kind: Period, span: Span, comparison: Comparison): Span {
  const y = Number(span.from.slice(0, 4));
  const m = Number(span.from.slice(5, 7));
  if (comparison === 'lastYear') return spanOf(kind, `${y - 1}-${pad(m)}-01`);
  const back = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const total = y * 12 + (m - 1) - back;
  return spanOf(kind, `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`);
}

/** The instant (UTC ISO) a Shanghai calendar day begins; archive and audit times are stored as UTC instants. */
export function dayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The day after `date`. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Percentages with two decimals that add up to exactly 100 (largest remainder), so a table's share column
 * sums to 100 % as the seed form expects. All zero → all zero.
 */
export function shares(values: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v * 10000) / total);
  const floors = exact.map(Math.floor);
  let left = 10000 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors.map((f) => f / 100);
}

/** Fen to yuan with two decimals, as the tables show money. */
export const yuan = (fen: number) => Math.round(fen) / 100;

/** The months of a span, first to last, as labels (YYYY-MM) with their first day. */
export function monthsOf(span: Span): { label: string; from: string }[] {
  const out: { label: string; from: string }[] = [];
  let y = Number(span.from.slice(0, 4));
  let m = Number(span.from.slice(5, 7));
  while (`${y}-${pad(m)}-01` <= span.to) {
    out.push({ label: `${y}-${pad(m)}`, from: `${y}-${pad(m)}-01` });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Converted of entered in %, one decimal; null when nothing entered (no rate to show, not 0 %). */
export const conversionRate = (converted: number, entered: number) => (entered ? Math.round((converted / entered) * 1000) / 10 : null);
