/**
 * Credit rating and risk levels (docs/regulations.md §5): pure functions over the rule tables the
 * company keeps in its settings (credit.ratingRules, credit.riskMatrix). No I/O.
 */

export const PAYMENT_RECORDS = ['good', 'late_sometimes', 'late_often', 'defaulted'] as const;
export type PaymentRecord = (typeof PAYMENT_RECORDS)[number];
export const BANK_RATINGS = ['AAA', 'AA', 'A', 'B', 'C', 'none'] as const;
export type BankRating = (typeof BANK_RATINGS)[number];
export const RISK_CATEGORIES = ['credit', 'market', 'cooperation'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const OUTCOMES = ['occurred', 'not_occurred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** 客户信用等级评定表: points per indicator and the score bands with their labels, limit and terms. */
export interface RatingRules {
  /** 注册资本（万元）: the first step whose `atLeast` the value reaches gives the points. */
  registeredCapital: { atLeast: number; points: number }[];
  /** 经营年限（年）. */
  yearsInBusiness: { atLeast: number; points: number }[];
  /** 付款记录. */
  paymentRecord: Record<PaymentRecord, number>;
  /** 逾期金额（万元）: the first step whose `atMost` the value stays within; above all steps 0 points. */
  overdueAmount: { atMost: number; points: number }[];
  /** 银行信用等级. */
  bankRating: Record<BankRating, number>;
  /** Highest band first; a company may rename the labels (AAA … C). */
  bands: { minScore: number; label: string; limitWan: number; termDays: number }[];
}

export const DEFAULT_RATING_RULES: RatingRules = {
  registeredCapital: [
    { atLeast: 1000, points: 20 },
    { atLeast: 500, points: 15 },
    { atLeast: 100, points: 10 },
    { atLeast: 0, points: 5 },
  ],
  yearsInBusiness: [
    { atLeast: 10, points: 20 },
    { atLeast: 5, points: 15 },
    { atLeast: 2, points: 10 },
    { atLeast: 0, points: 5 },
  ],
  paymentRecord: { good: 30, late_sometimes: 15, late_often: 5, defaulted: 0 },
  overdueAmount: [
    { atMost: 0, points: 15 },
    { atMost: 10, points: 10 },
    { atMost: 50, points: 5 },
  ],
  bankRating: { AAA: 15, AA: 12, A: 9, B: 5, C: 0, none: 3 },
  bands: [
    { minScore: 90, label: 'AAA', limitWan: 500, termDays: 90 },
    { minScore: 75, label: 'AA', limitWan: 200, termDays: 60 },
    { minScore: 60, label: 'A', limitWan: 100, termDays: 30 },
    { minScore: 40, label: 'B', limitWan: 20, termDays: 0 },
    { minScore: 0, label: 'C', limitWan: 0, termDays: 0 },
  ],
};

export interface SurveyFacts {
  registeredCapitalWan: number;
  yearsInBusiness: number;
  paymentRecord: PaymentRecord;
  overdueWan: number;
  bankRating: BankRating;
}

export interface Rating {
  score: number;
  label: string;
  /** The band's suggested credit limit (万元) and payment terms (days; 0 = cash on delivery). */
  limitWan: number;
  termDays: number;
  points: { registeredCapital: number; yearsInBusiness: number; paymentRecord: number; overdueAmount: number; bankRating: number };
}

const stepAtLeast = (steps: { atLeast: number; points: number }[], v: number) =>
  [...steps].sort((a, b) => b.atLeast - a.atLeast).find((s) => v >= s.atLeast)?.points ?? 0;
const stepAtMost = (steps: { atMost: number; points: number }[], v: number) =>
  [...steps].sort((a, b) => a.atMost - b.atMost).find((s) => v <= s.atMost)?.points ?? 0;

/** The score from the survey's facts and the rule table, and the band it falls into. */
export function rate(facts: SurveyFacts, rules: RatingRules): Rating {
  const points = {
    registeredCapital: stepAtLeast(rules.registeredCapital, facts.registeredCapitalWan),
    yearsInBusiness: stepAtLeast(rules.yearsInBusiness, facts.yearsInBusiness),
    paymentRecord: rules.paymentRecord[facts.paymentRecord] ?? 0,
    overdueAmount: stepAtMost(rules.overdueAmount, facts.overdueWan),
    bankRating: rules.bankRating[facts.bankRating] ?? 0,
  };
  const score = points.registeredCapital + points.yearsInBusiness + points.paymentRecord + points.overdueAmount + points.bankRating;
  const bands = [...rules.bands].sort((a, b) => b.minScore - a.minScore);
  const band = bands.find((b) => score >= b.minScore) ?? bands[bands.length - 1]!;
  return { score, label: band.label, limitWan: band.limitWan, termDays: band.termDays, points };
}

/** Problems of a rule table as field paths under `value` (for the settings check); empty when usable. */
export function ratingRulesProblems(rules: RatingRules): string[] {
  const out: string[] = [];
  if (rules.bands.length === 0) out.push('bands');
  if (!rules.bands.some((b) => b.minScore <= 0)) out.push('bands'); // every score must land in a band
  const labels = rules.bands.map((b) => b.label.trim());
  if (labels.some((l) => l === '') || new Set(labels).size !== labels.length) out.push('bands');
  return [...new Set(out)];
}

/**
 * The 5 × 5 risk matrix: `matrix[likelihood - 1][impact - 1]` is the level. Likelihood and impact run
 * 1 (rare / slight) to 5 (almost certain / severe).
 */
export type RiskMatrix = RiskLevel[][];

export const DEFAULT_RISK_MATRIX: RiskMatrix = [
  // impact:  1        2         3         4         5
  ['low', 'low', 'low', 'medium', 'medium'], // likelihood 1
  ['low', 'low', 'medium', 'medium', 'high'], // 2
  ['low', 'medium', 'medium', 'high', 'high'], // 3
  ['medium', 'medium', 'high', 'high', 'high'], // 4
  ['medium', 'high', 'high', 'high', 'high'], // 5
];

export function riskLevel(matrix: RiskMatrix, likelihood: number, impact: number): RiskLevel {
  const level = matrix[likelihood - 1]?.[impact - 1];
  if (!level) throw new RangeError(`likelihood ${likelihood} × impact ${impact} is outside the 5 × 5 matrix`);
  return level;
}

/** What each level requires (docs/regulations.md §5). */
export const REQUIRED_RESPONSE: Record<RiskLevel, string> = {
  high: 'watch closely; adjust or end the cooperation',
  medium: 'guarantees, shorter payment terms',
  low: 'normal cooperation, periodic re-assessment',
};

/** A high risk needs a written response plan before it can be saved. */
export function responseMissing(level: RiskLevel, response: string | null | undefined): boolean {
  return level === 'high' && !(response ?? '').trim();
}

/** Low risks are re-assessed every `intervalDays`; others have no review date. */
export function reviewDue(level: RiskLevel, assessedOn: string, intervalDays: number): string | null {
  if (level !== 'low') return null;
  const d = new Date(`${assessedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + intervalDays);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether a closed risk's prediction came true: a high or medium level predicted that it would occur,
 * a low level that it would not.
 */
export function predictionCorrect(level: RiskLevel, outcome: Outcome): boolean {
  return level === 'low' ? outcome === 'not_occurred' : outcome === 'occurred';
}

export interface AccuracyReport {
  rows: { level: RiskLevel; closed: number; occurred: number; notOccurred: number; correct: number }[];
  closed: number;
  correct: number;
  /** Whole per cent with one decimal; null when nothing is closed yet. */
  accuracyPct: number | null;
  targetPct: number;
  meetsTarget: boolean | null;
}

export function accuracy(closed: { level: RiskLevel; outcome: Outcome }[], targetPct: number): AccuracyReport {
  const rows = RISK_LEVELS.map((level) => {
    const mine = closed.filter((c) => c.level === level);
    return {
      level,
      closed: mine.length,
      occurred: mine.filter((c) => c.outcome === 'occurred').length,
      notOccurred: mine.filter((c) => c.outcome === 'not_occurred').length,
      correct: mine.filter((c) => predictionCorrect(c.level, c.outcome)).length,
    };
  });
  const correct = rows.reduce((s, r) => s + r.correct, 0);
  const accuracyPct = closed.length ? Math.round((correct / closed.length) * 1000) / 10 : null;
  return { rows, closed: closed.length, correct, accuracyPct, targetPct, meetsTarget: accuracyPct === null ? null : accuracyPct >= targetPct };
}

/** The lines at which overdue receivables lower the rating (settings of docs/regulations.md §5). */
export interface OverdueLines {
  /** Overdue more than this many days: one level down. */
  oneLevelDays: number;
  /** Overdue amount at or above this many 万元: one level down (0 = the amount alone lowers nothing). */
  oneLevelAmountWan: number;
  /** Overdue more than this many days: two levels down. */
  twoLevelsDays: number;
}

export interface ReceivableFacts {
  amountCents: number;
  paidCents: number;
  dueDate: string;
}

export interface Overdue {
  /** What is still unpaid of receivables past their due date, in 分. */
  cents: number;
  /** Days past due of the oldest unpaid receivable; 0 when nothing is overdue. */
  days: number;
}

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** What is overdue today: receivables past their due date and not fully paid. */
export function overdueOf(receivables: ReceivableFacts[], today: string): Overdue {
  let cents = 0;
  let days = 0;
  for (const r of receivables) {
    const open = r.amountCents - r.paidCents;
    if (open <= 0 || r.dueDate >= today) continue;
    cents += open;
    days = Math.max(days, daysBetween(r.dueDate, today));
  }
  return { cents, days };
}

export interface Downgrade {
  levels: number;
  /** Why, as a message key and its parameters (the days, the amount and the line crossed). */
  why: { key: string; params: Record<string, string | number> } | null;
}

/** How many levels overdue receivables take off the rating: the strictest line crossed. */
export function downgradeFor(o: Overdue, lines: OverdueLines): Downgrade {
  if (o.cents <= 0) return { levels: 0, why: null };
  const amount = yuan(o.cents);
  if (o.days > lines.twoLevelsDays) return { levels: 2, why: { key: 'credit.overdue.days', params: { days: o.days, line: lines.twoLevelsDays, amount } } };
  if (o.days > lines.oneLevelDays) return { levels: 1, why: { key: 'credit.overdue.days', params: { days: o.days, line: lines.oneLevelDays, amount } } };
  if (lines.oneLevelAmountWan > 0 && o.cents >= lines.oneLevelAmountWan * 1_000_000) {
    return { levels: 1, why: { key: 'credit.overdue.amount', params: { days: o.days, amount, line: yuan(lines.oneLevelAmountWan * 1_000_000) } } };
  }
  return { levels: 0, why: null };
}

/** The band `levels` below `label` in the rule table (never below the lowest band). */
export function lowerBand(rules: RatingRules, label: string, levels: number): RatingRules['bands'][number] {
  const bands = [...rules.bands].sort((a, b) => b.minScore - a.minScore);
  const at = Math.max(0, bands.findIndex((b) => b.label === label));
  return bands[Math.min(bands.length - 1, at + Math.max(0, levels))]!;
}

/** ¥1,234,567.89 — how amounts read in history entries and notifications. */
export function yuan(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const fen = Math.abs(cents % 100);
  return `¥${whole.toLocaleString('en-US')}${fen ? `.${String(fen).padStart(2, '0')}` : ''}`;
}

/** An amount in 元 with at most two decimals → 分; null when it is not one. */
export function toFen(amount: number, allowZero = false): number | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || (!allowZero && amount === 0) || amount > 1e11) return null;
  if (Number(amount.toFixed(2)) !== amount) return null;
  return Math.round(amount * 100);
}
