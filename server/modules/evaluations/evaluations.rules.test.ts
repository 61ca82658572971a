import { describe, expect, it } from 'vitest';
import { needsAction, recommend, totalPoints, weightedTotalHundredths, weightsComplete } from './evaluations.rules';

// docs/regulations.md §4: weighted scorecard → total → 维持 / 改进 / 终止 by the configured bands (defaults 80 and 60).
const bands = { maintainMin: 80, terminateBelow: 60 };

describe('relationship evaluation rules (docs/regulations.md §4)', () => {
  it('accepts a scorecard only when its weights add up to exactly 100 %', () => {
    expect(weightsComplete([{ weight: 25 }, { weight: 20 }, { weight: 15 }, { weight: 15 }, { weight: 15 }, { weight: 10 }])).toBe(true);
    expect(weightsComplete([{ weight: 50 }, { weight: 40 }])).toBe(false);
    expect(weightsComplete([{ weight: 60 }, { weight: 50 }])).toBe(false);
    expect(weightsComplete([])).toBe(false);
  });

  it('weights each score: 90 × 25 % + 70 × 75 % = 75 points, kept exact to the hundredth', () => {
    const total = weightedTotalHundredths([
      { score: 90, weight: 25 },
      { score: 70, weight: 75 },
    ]);
    expect(totalPoints(total)).toBe(75);
    expect(totalPoints(weightedTotalHundredths([{ score: 77, weight: 33 }, { score: 0, weight: 67 }]))).toBe(25.41);
  });

  it('recommends 维持 from 80, 改进 from 60 to just under 80, and 终止 below 60', () => {
    expect(recommend(8000, bands)).toBe('maintain');
    expect(recommend(7999, bands)).toBe('improve');
    expect(recommend(6000, bands)).toBe('improve');
    expect(recommend(5999, bands)).toBe('terminate');
    expect(recommend(0, bands)).toBe('terminate');
  });

  it('follows the bands when an administrator moves them', () => {
    expect(recommend(7000, { maintainMin: 70, terminateBelow: 50 })).toBe('maintain');
    expect(recommend(5500, { maintainMin: 70, terminateBelow: 56 })).toBe('terminate');
  });

  it('offers follow-up work for 改进 and 终止 only', () => {
    expect(needsAction('maintain')).toBe(false);
    expect(needsAction('improve')).toBe(true);
    expect(needsAction('terminate')).toBe(true);
  });
});
