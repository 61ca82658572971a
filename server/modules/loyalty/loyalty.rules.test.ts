import { describe, expect, it } from 'vitest';
import { addMonths, churnOf, lostCutoff, monthsBetween, segmentOf } from './loyalty.rules';

describe('churn and loyalty rules (docs/regulations.md §16)', () => {
  it('adds calendar months, the 31st falling on a shorter month’s last day', () => {
    expect(addMonths('2026-05-06', 6)).toBe('2026-11-06');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-07', -12)).toBe('2025-12-07');
    expect(lostCutoff('2026-12-07', 12)).toBe('2025-12-07');
  });

  it('counts whole months and makes six months without a visit a churn risk from that day', () => {
    expect(monthsBetween('2026-05-07', '2026-12-06')).toBe(6);
    expect(churnOf('2026-06-07', '2026-12-06', 6)).toMatchObject({ atRisk: false, monthsSince: 5, riskSince: '2026-12-07' });
    expect(churnOf('2026-06-07', '2026-12-07', 6)).toMatchObject({ atRisk: true, monthsSince: 6, riskSince: '2026-12-07' });
  });

  it('maps the three scores onto the eight segments, 3 and above counting as high', () => {
    expect(segmentOf(5, 5, 5)).toBe('important_value');
    expect(segmentOf(2, 3, 3)).toBe('important_retain');
    expect(segmentOf(3, 2, 4)).toBe('important_develop');
    expect(segmentOf(1, 1, 5)).toBe('important_winback');
    expect(segmentOf(4, 4, 2)).toBe('general_value');
    expect(segmentOf(1, 5, 1)).toBe('general_retain');
    expect(segmentOf(5, 1, 1)).toBe('general_develop');
    expect(segmentOf(1, 2, 2)).toBe('general_winback');
  });
});
