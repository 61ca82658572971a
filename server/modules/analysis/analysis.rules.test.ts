import { describe, expect, it } from 'vitest';
import { comparedSpan, dayStart, shares, spanOf } from './analysis.rules';

// Periods and shares of the analysis tables (docs/regulations.md §16).
describe('analysis periods and shares', () => {
  it('finds the quarter of a day and the periods it is compared with', () => {
    const q4 = spanOf('quarter', '2026-11-15');
    expect(q4).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026-Q4' });
    expect(comparedSpan('quarter', q4, 'previous')).toEqual({ from: '2026-07-01', to: '2026-09-30', label: '2026-Q3' });
    expect(comparedSpan('month', spanOf('month', '2026-01-20'), 'previous')).toEqual({ from: '2025-12-01', to: '2025-12-31', label: '2025-12' });
    expect(comparedSpan('month', spanOf('month', '2028-02-10'), 'lastYear')).toEqual({ from: '2027-02-01', to: '2027-02-28', label: '2027-02' });
    expect(spanOf('month', '2028-02-10').to).toBe('2028-02-29');
  });

  it('starts a day at midnight in Shanghai', () => {
    expect(dayStart('2026-10-01')).toBe('2026-09-30T16:00:00.000Z');
  });

  it('rounds shares so they add up to exactly 100', () => {
    const thirds = shares([1, 1, 1]);
    expect(thirds).toEqual([33.34, 33.33, 33.33]);
    expect(shares([1, 2, 3, 7]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(shares([0, 0])).toEqual([0, 0]);
  });
});
