import { describe, expect, it } from 'vitest';
import { averageTenths, DEFAULT_WEIGHTS, reviewTotalTenths, tenthsText, weightSum } from './proposals.rules';

// The 提案评定表 arithmetic (docs/regulations.md §14).
describe('proposal scoring (docs/regulations.md §14)', () => {
  it('totals 80 / 90 / 70 / 60 / 50 / 100 on the six criteria at 77.0 with the regulation weights', () => {
    const t = reviewTotalTenths({ economicBenefit: 80, completeness: 90, creativity: 70, scope: 60, researchTime: 50, cost: 100 }, DEFAULT_WEIGHTS);
    expect(tenthsText(t)).toBe('77.0');
    expect(weightSum(DEFAULT_WEIGHTS)).toBe(100);
  });

  it('weighs economic benefit half: full marks there alone give 50.0', () => {
    expect(tenthsText(reviewTotalTenths({ economicBenefit: 100, completeness: 0, creativity: 0, scope: 0, researchTime: 0, cost: 0 }, DEFAULT_WEIGHTS))).toBe('50.0');
  });

  it('averages the reviewers to one decimal, rounding half up', () => {
    expect(tenthsText(averageTenths([770, 650]))).toBe('71.0');
    expect(tenthsText(averageTenths([770, 651]))).toBe('71.1'); // 71.05 → 71.1
    expect(averageTenths([])).toBeNull();
  });
});
