import { describe, expect, it } from 'vitest';
import { isLate, nextPeriod, onSiteDays, periodRange, planDueDate } from './visits.plans.rules';

// Due dates and lateness of visit plans (docs/regulations.md §8), Asia/Shanghai.
const defaults = { dueDay: 30, dueWeekday: 5 };

describe('visit plan due dates (docs/regulations.md §8)', () => {
  it('makes a next-month plan submitted on the 1st late, and one submitted on the 30th not', () => {
    const due = planDueDate('monthly', '2027-01-01', defaults);
    expect(due).toBe('2026-12-30');
    expect(isLate(new Date('2026-12-30T15:59:00Z'), due)).toBe(false); // 23:59 on the 30th in Shanghai
    expect(isLate(new Date('2026-12-31T16:00:00Z'), due)).toBe(true); // 00:00 on 1 January in Shanghai
  });

  it('takes the last day of February when the due day is the 30th', () => {
    expect(planDueDate('monthly', '2027-03-01', defaults)).toBe('2027-02-28');
    expect(planDueDate('monthly', '2028-03-01', defaults)).toBe('2028-02-29');
    expect(planDueDate('monthly', '2027-03-01', { ...defaults, dueDay: 25 })).toBe('2027-02-25');
  });

  it('makes a weekly plan due on the Friday before its week', () => {
    expect(planDueDate('weekly', '2026-12-14', defaults)).toBe('2026-12-11');
    expect(periodRange('weekly', '2026-12-14')).toEqual({ start: '2026-12-14', end: '2026-12-20' });
    expect(periodRange('weekly', '2026-12-15')).toBeNull(); // a Tuesday does not start a week
    expect(periodRange('monthly', '2027-13')).toBeNull();
    expect(nextPeriod('weekly', '2026-12-07')).toBe('2026-12-14');
    expect(nextPeriod('monthly', '2026-12-07')).toBe('2027-01');
  });

  it('counts distinct on-site days only', () => {
    expect(onSiteDays([
      { method: 'on_site', planned_on: '2027-01-05' },
      { method: 'on_site', planned_on: '2027-01-05' },
      { method: 'phone', planned_on: '2027-01-06' },
      { method: 'on_site', planned_on: '2027-01-07' },
    ])).toBe(2);
  });
});
