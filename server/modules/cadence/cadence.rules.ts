/**
 * Visit cadence 回访频率 (docs/regulations.md §8): how long a customer of a grade may go without contact,
 * and where a customer stands today. Pure: dates are YYYY-MM-DD in Asia/Shanghai.
 */
export const INTERVAL_UNITS = ['day', 'month'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];
export interface Interval {
  every: number;
  unit: IntervalUnit;
}
export interface GradeInterval extends Interval {
  grade: string;
}
export interface TierInterval extends Interval {
  /** A key of the membership.tiers setting. */
  tier: string;
}
export type CadenceStatus = 'in_time' | 'due' | 'overdue';
/** Which rule set the due date: the grade's interval, the membership tier's, or the one-month cap. */
export type CadenceRule = 'grade' | 'tier' | 'cap';

export interface CadenceRules {
  intervals: GradeInterval[];
  /** Per membership tier; a member owes the shorter of its grade's and its tier's interval. */
  tierIntervals: TierInterval[];
  /** The hotel's rule (001) "never more than one month between two contacts" as months; 0 = off. A recorded reason exempts a customer. */
  capMonths: number;
  /** A customer whose due date is this many days away or fewer counts as due. */
  dueSoonDays: number;
}

/** The rulebook's defaults (002 四.1) over the archive's grades, best first: monthly, quarterly, half-yearly. */
export function defaultIntervals(gradeCodes: string[]): GradeInterval[] {
  const months = [1, 3, 6];
  return gradeCodes.map((grade, i) => ({ grade, every: months[Math.min(i, months.length - 1)]!, unit: 'month' }));
}

const pad = (n: number) => String(n).padStart(2, '0');
const toUtc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** Months land on the same day of the month, or the month's last day when it is shorter (31 Jan + 1 month = 28/29 Feb). */
export function addInterval(date: string, iv: Interval): string {
  if (iv.unit === 'day') return fromUtc(toUtc(date) + iv.every * 86_400_000);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + iv.every;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(Number(date.slice(8, 10)), last))}`;
}

export interface CadenceInput {
  grade: string | null;
  /** The membership tier when the customer or guest is a member. */
  tier?: string | null;
  /** The newest visit or call (date in Shanghai), null when never contacted. */
  lastContact: string | null;
  /** When contact was first owed without any visit: the start of cooperation; null = today. */
  since: string | null;
  /** A reason is recorded for this customer: the one-month cap does not apply. */
  exempt: boolean;
}

export interface Cadence {
  status: CadenceStatus;
  dueDate: string;
  overdueDays: number;
  interval: Interval;
  capped: boolean;
  rule: CadenceRule;
}

/**
 * Where one customer or guest stands today; null when neither its grade nor its membership tier has a
 * required interval. The shortest of the grade's, the tier's and the cap applies (docs/regulations.md §8).
 */
export function cadenceOf(input: CadenceInput, today: string, rules: CadenceRules): Cadence | null {
  const byGrade = input.grade ? rules.intervals.find((i) => i.grade === input.grade) : undefined;
  const byTier = input.tier ? rules.tierIntervals.find((i) => i.tier === input.tier) : undefined;
  if (!byGrade && !byTier) return null;
  const base = input.lastContact ?? input.since ?? today;
  const candidates: { rule: CadenceRule; interval: Interval }[] = [];
  if (byGrade) candidates.push({ rule: 'grade', interval: { every: byGrade.every, unit: byGrade.unit } });
  if (byTier) candidates.push({ rule: 'tier', interval: { every: byTier.every, unit: byTier.unit } });
  if (rules.capMonths > 0 && !input.exempt) candidates.push({ rule: 'cap', interval: { every: rules.capMonths, unit: 'month' } });
  // The earliest due date wins; on a tie the earlier rule in the list (grade, then tier) is named.
  let best = candidates[0]!;
  let dueDate = addInterval(base, best.interval);
  for (const c of candidates.slice(1)) {
    const d = addInterval(base, c.interval);
    if (d < dueDate) {
      dueDate = d;
      best = c;
    }
  }
  // Never contacted and no cooperation date: owed from today.
  if (!input.lastContact && !input.since) dueDate = today;
  const overdueDays = Math.max(0, daysBetween(dueDate, today));
  const status: CadenceStatus = overdueDays > 0 ? 'overdue' : daysBetween(today, dueDate) <= rules.dueSoonDays ? 'due' : 'in_time';
  return { status, dueDate, overdueDays, interval: best.interval, capped: best.rule === 'cap', rule: best.rule };
}
