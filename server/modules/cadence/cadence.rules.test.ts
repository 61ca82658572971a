import { describe, expect, it } from 'vitest';
import { addInterval, cadenceOf, defaultIntervals, type CadenceRules } from './cadence.rules';

// Visit cadence by grade (docs/regulations.md §8): the rulebook's numbers.
const rules: CadenceRules = { intervals: defaultIntervals(['A', 'B', 'C']), tierIntervals: [], capMonths: 0, dueSoonDays: 7 };
const TODAY = '2026-12-07';
const daysAgo = (n: number) => new Date(Date.UTC(2026, 11, 7) - n * 86_400_000).toISOString().slice(0, 10);

describe('visit cadence by grade', () => {
  it('defaults the grades, best first, to monthly, quarterly and half-yearly', () => {
    expect(defaultIntervals(['A', 'B', 'C']).map((i) => [i.grade, i.every, i.unit])).toEqual([
      ['A', 1, 'month'],
      ['B', 3, 'month'],
      ['C', 6, 'month'],
    ]);
  });

  it('makes a large customer last contacted 32 days ago overdue', () => {
    const c = cadenceOf({ grade: 'A', lastContact: daysAgo(32), since: null, exempt: false }, TODAY, rules);
    expect(c).toMatchObject({ status: 'overdue', dueDate: '2026-12-05', overdueDays: 2 });
  });

  it('keeps a medium customer contacted 80 days ago in time, until the one-month cap is switched on', () => {
    const input = { grade: 'B', lastContact: daysAgo(80), since: null, exempt: false };
    expect(cadenceOf(input, TODAY, rules)).toMatchObject({ status: 'in_time', dueDate: '2026-12-18', overdueDays: 0, capped: false });
    expect(cadenceOf(input, TODAY, { ...rules, capMonths: 1 })).toMatchObject({ status: 'overdue', dueDate: '2026-10-18', overdueDays: 50, capped: true });
    // a reason recorded for the customer exempts it from the cap
    expect(cadenceOf({ ...input, exempt: true }, TODAY, { ...rules, capMonths: 1 })).toMatchObject({ status: 'in_time', capped: false });
  });

  it('counts a customer as due within the due-soon days, and on the due date itself', () => {
    expect(cadenceOf({ grade: 'A', lastContact: '2026-11-10', since: null, exempt: false }, TODAY, rules)).toMatchObject({ status: 'due', dueDate: '2026-12-10' });
    expect(cadenceOf({ grade: 'A', lastContact: '2026-11-07', since: null, exempt: false }, TODAY, rules)).toMatchObject({ status: 'due', overdueDays: 0 });
  });

  it('counts a customer never contacted from the start of cooperation, or as due today without one', () => {
    expect(cadenceOf({ grade: 'C', lastContact: null, since: '2026-01-15', exempt: false }, TODAY, rules)).toMatchObject({ status: 'overdue', dueDate: '2026-07-15', overdueDays: 145 });
    expect(cadenceOf({ grade: 'C', lastContact: null, since: null, exempt: false }, TODAY, rules)).toMatchObject({ status: 'due', dueDate: TODAY });
  });

  it('asks nothing of a customer without a grade or of a grade the table leaves out', () => {
    expect(cadenceOf({ grade: null, lastContact: null, since: null, exempt: false }, TODAY, rules)).toBeNull();
    expect(cadenceOf({ grade: 'D', lastContact: null, since: null, exempt: false }, TODAY, rules)).toBeNull();
  });

  it('ends a month on the last day of a shorter month, and counts days as days', () => {
    expect(addInterval('2027-01-31', { every: 1, unit: 'month' })).toBe('2027-02-28');
    expect(addInterval('2026-08-31', { every: 6, unit: 'month' })).toBe('2027-02-28');
    expect(addInterval('2026-12-07', { every: 45, unit: 'day' })).toBe('2027-01-21');
  });

  it('makes a gold member last contacted 40 days ago with a 30-day tier interval overdue although its grade allows 90 days', () => {
    const tiered: CadenceRules = { ...rules, intervals: [{ grade: 'B', every: 90, unit: 'day' }], tierIntervals: [{ tier: 'gold', every: 30, unit: 'day' }] };
    const input = { grade: 'B', tier: 'gold', lastContact: daysAgo(40), since: null, exempt: false };
    expect(cadenceOf(input, TODAY, tiered)).toMatchObject({ status: 'overdue', dueDate: daysAgo(10), overdueDays: 10, rule: 'tier', interval: { every: 30, unit: 'day' } });
    // a silver member (no tier interval) and a non-member keep the grade's 90 days
    expect(cadenceOf({ ...input, tier: 'silver' }, TODAY, tiered)).toMatchObject({ status: 'in_time', rule: 'grade' });
    expect(cadenceOf({ ...input, tier: null }, TODAY, tiered)).toMatchObject({ status: 'in_time', rule: 'grade' });
    // a guest without a grade is checked by its tier alone; with neither there is no requirement
    expect(cadenceOf({ ...input, grade: null }, TODAY, tiered)).toMatchObject({ status: 'overdue', rule: 'tier' });
    expect(cadenceOf({ ...input, grade: null, tier: 'silver' }, TODAY, tiered)).toBeNull();
    // the one-month cap names itself when it is the shortest
    expect(cadenceOf({ ...input, tier: null }, TODAY, { ...tiered, capMonths: 1 })).toMatchObject({ rule: 'cap', capped: true });
  });
});
