import { describe, expect, it } from 'vitest';
import { addCalendarDays, DEFAULT_HOSPITALITY, DEFAULT_TOUR_NOTICE, fillTemplate, hospitalityFor, maskIdNumber, noticeShortfall, noticeUnits, outcomeProblems, permitNo, shanghaiInstant } from './reception.rules';

// docs/regulations.md §9
describe('tour notice (001 篇5 五)', () => {
  const now = new Date('2026-12-07T02:00:00Z'); // Monday 10:00 in Shanghai

  it('needs 3 days for key and group customers, 1 day for ordinary ones and 1 hour ad hoc', () => {
    const in2days = shanghaiInstant('2026-12-09', '10:00');
    expect(noticeShortfall(DEFAULT_TOUR_NOTICE, 'key', now, in2days)).toBe(72);
    expect(noticeShortfall(DEFAULT_TOUR_NOTICE, 'group', now, in2days)).toBe(72);
    expect(noticeShortfall(DEFAULT_TOUR_NOTICE, 'key', now, shanghaiInstant('2026-12-10', '10:00'))).toBeNull();
    expect(noticeShortfall(DEFAULT_TOUR_NOTICE, 'ordinary', now, in2days)).toBeNull();
    expect(noticeShortfall(DEFAULT_TOUR_NOTICE, 'adhoc', now, shanghaiInstant('2026-12-07', '10:30'))).toBe(1);
    expect(noticeShortfall(DEFAULT_TOUR_NOTICE, 'adhoc', now, shanghaiInstant('2026-12-07', '11:00'))).toBeNull();
  });

  it('says a notice in whole days as days and otherwise in hours', () => {
    expect(noticeUnits(72)).toEqual({ days: 3 });
    expect(noticeUnits(1)).toEqual({ hours: 1 });
  });
});

describe('hospitality by type (001 篇5 五)', () => {
  it('has a manager and refreshments for key customers, and tea for a group only if the room fits', () => {
    expect(hospitalityFor(DEFAULT_HOSPITALITY, 'key', 30, 20)).toEqual({ managerAccompanies: true, refreshments: true, tea: true });
    expect(hospitalityFor(DEFAULT_HOSPITALITY, 'group', 20, 20).tea).toBe(true);
    expect(hospitalityFor(DEFAULT_HOSPITALITY, 'group', 21, 20).tea).toBe(false);
    expect(hospitalityFor(DEFAULT_HOSPITALITY, 'ordinary', 2, 20)).toEqual({ managerAccompanies: false, refreshments: false, tea: true });
  });
});

describe('reception outcome (003 第三章第二节)', () => {
  it('asks a promise for its days and 无法解决 for its reason', () => {
    expect(outcomeProblems({ outcome: 'promised' })).toEqual([{ field: 'promiseDays', message: 'reception.promise_days_required' }]);
    expect(outcomeProblems({ outcome: 'unresolved', reason: '  ' })).toEqual([{ field: 'reason', message: 'reception.reason_required' }]);
    expect(outcomeProblems({ outcome: 'sales' })).toEqual([]);
  });

  it('counts calendar days across a month end', () => {
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});

describe('permits, masks and letters', () => {
  it('numbers permits within the year', () => {
    expect(permitNo('2026', null)).toBe('CG2026-0001');
    expect(permitNo('2026', 'CG2026-0041')).toBe('CG2026-0042');
  });

  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
  });

  it('fills the thank-you template and leaves unknown placeholders', () => {
    expect(fillTemplate('{customer} {date} {x}', { customer: 'A', date: '2026-12-15' })).toBe('A 2026-12-15 {x}');
  });
});
