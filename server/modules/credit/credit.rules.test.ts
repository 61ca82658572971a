import { describe, expect, it } from 'vitest';
import { accuracy, DEFAULT_RATING_RULES, DEFAULT_RISK_MATRIX, downgradeFor, lowerBand, overdueOf, rate, ratingRulesProblems, responseMissing, reviewDue, riskLevel, toFen, yuan } from './credit.rules';

// docs/regulations.md §5: the default 客户信用等级评定表 and 5 × 5 matrix (both settings).
describe('credit rating by the rule table', () => {
  it('rates a long-standing customer with 1,200 万元 capital, good payments, no overdue and a bank AA as AAA', () => {
    const r = rate({ registeredCapitalWan: 1200, yearsInBusiness: 12, paymentRecord: 'good', overdueWan: 0, bankRating: 'AA' }, DEFAULT_RATING_RULES);
    expect(r.points).toEqual({ registeredCapital: 20, yearsInBusiness: 20, paymentRecord: 30, overdueAmount: 15, bankRating: 12 });
    expect(r).toMatchObject({ score: 97, label: 'AAA', limitWan: 500, termDays: 90 });
  });

  it('rates 300 万元 capital, 3 years, occasional late payment and 8 万元 overdue with bank A as B (score 54)', () => {
    const r = rate({ registeredCapitalWan: 300, yearsInBusiness: 3, paymentRecord: 'late_sometimes', overdueWan: 8, bankRating: 'A' }, DEFAULT_RATING_RULES);
    expect(r).toMatchObject({ score: 10 + 10 + 15 + 10 + 9, label: 'B', limitWan: 20, termDays: 0 });
  });

  it('gives no overdue points above the last step and rates a defaulter C', () => {
    const r = rate({ registeredCapitalWan: 50, yearsInBusiness: 1, paymentRecord: 'defaulted', overdueWan: 80, bankRating: 'none' }, DEFAULT_RATING_RULES);
    expect(r.points.overdueAmount).toBe(0);
    expect(r).toMatchObject({ score: 13, label: 'C', limitWan: 0 });
  });

  it("uses the company's own labels and thresholds", () => {
    const rules = { ...DEFAULT_RATING_RULES, bands: [{ minScore: 60, label: '优良', limitWan: 80, termDays: 45 }, { minScore: 0, label: '关注', limitWan: 0, termDays: 0 }] };
    const r = rate({ registeredCapitalWan: 300, yearsInBusiness: 3, paymentRecord: 'late_sometimes', overdueWan: 8, bankRating: 'A' }, rules);
    expect(r).toMatchObject({ score: 54, label: '关注' });
  });

  it('refuses bands that leave low scores unlabelled or repeat a label', () => {
    expect(ratingRulesProblems(DEFAULT_RATING_RULES)).toEqual([]);
    expect(ratingRulesProblems({ ...DEFAULT_RATING_RULES, bands: [{ minScore: 50, label: 'A', limitWan: 1, termDays: 0 }] })).toEqual(['bands']);
    expect(ratingRulesProblems({ ...DEFAULT_RATING_RULES, bands: [{ minScore: 50, label: 'A', limitWan: 1, termDays: 0 }, { minScore: 0, label: 'A', limitWan: 0, termDays: 0 }] })).toEqual(['bands']);
  });
});

describe('risk level by likelihood × impact', () => {
  it('makes a 4 × 5 risk high, which demands a response', () => {
    expect(riskLevel(DEFAULT_RISK_MATRIX, 4, 5)).toBe('high');
    expect(responseMissing('high', '  ')).toBe(true);
    expect(responseMissing('high', '缩短账期，每周跟踪回款')).toBe(false);
    expect(responseMissing('medium', null)).toBe(false);
  });

  it('makes 1 × 1 low and 3 × 2 medium, and refuses a cell outside the matrix', () => {
    expect(riskLevel(DEFAULT_RISK_MATRIX, 1, 1)).toBe('low');
    expect(riskLevel(DEFAULT_RISK_MATRIX, 3, 2)).toBe('medium');
    expect(() => riskLevel(DEFAULT_RISK_MATRIX, 6, 1)).toThrow(RangeError);
  });

  it('schedules the re-assessment of low risks only, after the interval', () => {
    expect(reviewDue('low', '2026-12-07', 90)).toBe('2027-03-07');
    expect(reviewDue('medium', '2026-12-07', 90)).toBeNull();
  });
});

describe('forecast accuracy', () => {
  it('counts high that occurred and low that did not as right, against the target', () => {
    const r = accuracy(
      [
        { level: 'high', outcome: 'occurred' },
        { level: 'high', outcome: 'not_occurred' },
        { level: 'low', outcome: 'not_occurred' },
        { level: 'medium', outcome: 'occurred' },
      ],
      80,
    );
    expect(r).toMatchObject({ closed: 4, correct: 3, accuracyPct: 75, targetPct: 80, meetsTarget: false });
    expect(r.rows.find((x) => x.level === 'high')).toEqual({ level: 'high', closed: 2, occurred: 1, notOccurred: 1, correct: 1 });
    expect(accuracy([], 80)).toMatchObject({ accuracyPct: null, meetsTarget: null });
  });
});

describe('overdue receivables (docs/regulations.md §5)', () => {
  const lines = { oneLevelDays: 30, oneLevelAmountWan: 10, twoLevelsDays: 90 };
  const today = '2026-12-07';

  it('counts only what is unpaid past its due date, and the days of the oldest', () => {
    const o = overdueOf(
      [
        { amountCents: 8_000_000, paidCents: 0, dueDate: '2026-10-23' }, // 45 days
        { amountCents: 1_000_000, paidCents: 400_000, dueDate: '2026-11-30' }, // 7 days, ¥6,000 open
        { amountCents: 5_000_000, paidCents: 5_000_000, dueDate: '2026-01-01' }, // paid
        { amountCents: 9_000_000, paidCents: 0, dueDate: '2026-12-07' }, // due today: not overdue yet
      ],
      today,
    );
    expect(o).toEqual({ cents: 8_600_000, days: 45 });
  });

  it('lowers one level past the one-level days or amount and two past the two-level days, never below the lowest band', () => {
    expect(downgradeFor({ cents: 500_000, days: 30 }, lines).levels).toBe(0); // exactly 30 days, ¥5,000
    const days = downgradeFor({ cents: 500_000, days: 31 }, lines);
    expect(days.levels).toBe(1);
    expect(days.why).toEqual({ key: 'credit.overdue.days', params: { days: 31, line: 30, amount: '¥5,000' } });
    const amount = downgradeFor({ cents: 10_000_000, days: 3 }, lines); // ¥100,000 = 10 万元
    expect(amount).toMatchObject({ levels: 1, why: { key: 'credit.overdue.amount', params: { amount: '¥100,000', line: '¥100,000', days: 3 } } });
    expect(downgradeFor({ cents: 10_000_000, days: 3 }, { ...lines, oneLevelAmountWan: 0 }).levels).toBe(0);
    expect(downgradeFor({ cents: 100, days: 91 }, lines).levels).toBe(2);
    expect(lowerBand(DEFAULT_RATING_RULES, 'A', 1).label).toBe('B');
    expect(lowerBand(DEFAULT_RATING_RULES, 'AA', 2).label).toBe('B');
    expect(lowerBand(DEFAULT_RATING_RULES, 'B', 2).label).toBe('C');
  });

  it('reads amounts in 元 with two decimals at most', () => {
    expect(toFen(15000.5)).toBe(1_500_050);
    expect(toFen(0.001)).toBeNull();
    expect(toFen(0)).toBeNull();
    expect(toFen(0, true)).toBe(0);
    expect(yuan(123_456_789)).toBe('¥1,234,567.89');
  });
});
