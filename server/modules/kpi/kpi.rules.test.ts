import { describe, expect, it } from 'vitest';
import { dueInMonth, nextSlot, tally } from './kpi.rules';

// Point tally and routines calendar (docs/regulations.md §17, §19).
const slots = [
  { weekday: 2, time: '16:00' },
  { weekday: 5, time: '16:00' },
];

describe('kpi rules', () => {
  it('puts the next meeting on Tuesday or Friday 16:00 Shanghai time', () => {
    expect(nextSlot(slots, new Date('2026-12-07T02:00:00Z'))?.toISOString()).toBe('2026-12-08T08:00:00.000Z'); // Monday → Tuesday
    expect(nextSlot(slots, new Date('2026-12-08T08:00:00Z'))?.toISOString()).toBe('2026-12-11T08:00:00.000Z'); // Tuesday's meeting → Friday
    expect(nextSlot(slots, new Date('2026-12-11T08:00:00Z'))?.toISOString()).toBe('2026-12-15T08:00:00.000Z'); // Friday → next Tuesday
  });

  it('takes the last day of February for a report due on the 28th or later', () => {
    expect(dueInMonth('2027-02', 30)).toBe('2027-02-28');
    expect(dueInMonth('2026-12', 25)).toBe('2026-12-25');
  });

  it('subtracts every deduction from the base except the annulled ones', () => {
    const d = [
      { key: 'visit_plan:1', event: 'visit_plan_late' as const, points: -2, text: 'a', ref: null },
      { key: 'new_customers:2026-12', event: 'new_customers_below' as const, points: -2, text: 'b', ref: null },
    ];
    expect(tally(100, d, new Map()).total).toBe(96);
    expect(tally(100, d, new Map([['visit_plan:1', { reason: 'x', by: null, at: '' }]])).total).toBe(98);
  });
});
