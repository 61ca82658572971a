import { describe, expect, it } from 'vitest';
import { changeImpact, monitoring, planChanged, slipDays, toFen } from './projects.rules';

// Pure rules of cooperation projects (docs/regulations.md §15).
const base = { title: '实施上线', planned_start: '2026-11-21', planned_end: '2027-01-31', cost_planned_fen: 12_000_050 };

describe('projects rules', () => {
  it('needs the customer again only when the plan changes, not for the same values', () => {
    expect(planChanged(base, { planned_end: '2027-01-31', title: '实施上线' })).toBe(false);
    expect(planChanged(base, { planned_end: '2027-02-15' })).toBe(true);
    expect(planChanged(base, { cost_planned_fen: 12_000_000 })).toBe(true);
  });

  it('measures a change by how far the last planned end moves and the planned cost difference', () => {
    const current = [
      { id: 1, planned_start: '2026-11-01', planned_end: '2026-11-20', cost_planned_fen: 2_000_000 },
      { id: 2, ...base },
    ];
    expect(changeImpact(current, [{ milestoneId: 2, plannedStart: base.planned_start, plannedEnd: '2027-02-21', costPlannedFen: 15_000_000 }])).toEqual({ scheduleDays: 21, costFen: 2_999_950 });
    // moving an early milestone inside the project's span does not move its end
    expect(changeImpact(current, [{ milestoneId: 1, plannedStart: '2026-11-01', plannedEnd: '2026-11-25', costPlannedFen: 2_000_000 }])).toEqual({ scheduleDays: 0, costFen: 0 });
  });

  it('counts slip from the planned end to the actual end, or to today while late', () => {
    expect(slipDays({ planned_end: '2026-11-20', actual_end: '2026-11-27' }, '2026-12-07')).toBe(7);
    expect(slipDays({ planned_end: '2026-12-01', actual_end: null }, '2026-12-07')).toBe(6);
    expect(slipDays({ planned_end: '2026-12-31', actual_end: null }, '2026-12-07')).toBe(0);
    const m = monitoring([{ planned_end: '2026-12-01', actual_end: null, cost_planned_fen: 100, cost_actual_fen: 150, confirmation_id: null }], '2026-12-07');
    expect(m).toMatchObject({ overdue: 1, unconfirmed: 1, costVarianceFen: 50, maxSlipDays: 6 });
  });

  it('takes money to the fen and refuses a third decimal', () => {
    expect(toFen(120000.5)).toBe(12_000_050);
    expect(toFen(0.1 + 0.2)).toBeNull();
    expect(toFen(1.005)).toBeNull();
  });
});
