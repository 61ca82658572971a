import builtinRaw from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  builtinData,
  dayInfo,
  expandSchedule,
  isProvisionalSpan,
  isWorkingDay,
  statutoryHolidays,
  withStatutoryEstimates,
  workingDaysBetween,
  type CalendarData,
} from './calendar.rules';

// Official schedules published by the State Council General Office (国务院办公厅):
// 2025: 春节 1/28–2/4 with make-up days 1/26 (Sun) and 2/8 (Sat); 国庆·中秋 10/1–10/8 with 9/28 (Sun) and 10/11 (Sat).
// 2026: 春节 2/15–2/23 with 2/14 (Sat) and 2/28 (Sat); 国庆 10/1–10/7 with 9/20 (Sun) and 10/10 (Sat).
const b = builtinData(builtinRaw as any);
const official: CalendarData = {
  officialYears: b.years,
  holidays: b.holidays,
  makeupWorkdays: b.makeupWorkdays,
  companyOff: new Map(),
  companyOn: new Map(),
};

describe('working-day calendar (docs/regulations.md §10 "working day")', () => {
  it('knows the published 2026 Spring Festival: holidays off, the make-up Saturdays on', () => {
    expect(isWorkingDay(official, '2026-02-13')).toBe(true); // Friday before
    expect(dayInfo(official, '2026-02-14')).toMatchObject({ working: true, reason: 'makeup_workday', name: '春节' });
    for (const d of ['2026-02-15', '2026-02-18', '2026-02-23']) expect(isWorkingDay(official, d)).toBe(false);
    expect(isWorkingDay(official, '2026-02-24')).toBe(true);
    expect(isWorkingDay(official, '2026-02-28')).toBe(true); // Saturday make-up
  });

  it('adds working days across 2026 春节, landing on the make-up Saturday', () => {
    expect(addWorkingDays(official, '2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false });
    expect(addWorkingDays(official, '2026-02-13', 2)).toEqual({ date: '2026-02-24', provisional: false });
    expect(addWorkingDays(official, '2026-02-12', 3).date).toBe('2026-02-24');
  });

  it('puts a 1-working-day deadline from the last working day before 国庆 2026 on the first day after it', () => {
    expect(addWorkingDays(official, '2026-09-30', 1)).toEqual({ date: '2026-10-08', provisional: false });
    expect(addWorkingDays(official, '2026-09-30', 3)).toEqual({ date: '2026-10-10', provisional: false }); // Saturday make-up day
    expect(isWorkingDay(official, '2026-09-20')).toBe(true); // Sunday make-up day
  });

  it('counts the 2026 National Day holiday as 0 working days', () => {
    expect(workingDaysBetween(official, '2026-09-30', '2026-10-07')).toEqual({ days: 0, provisional: false });
    expect(workingDaysBetween(official, '2026-09-30', '2026-10-10')).toEqual({ days: 3, provisional: false });
    expect(workingDaysBetween(official, '2026-10-10', '2026-09-30').days).toBe(-3);
  });

  it('gives the published 2025 answers for 春节 and 国庆', () => {
    expect(isWorkingDay(official, '2025-01-26')).toBe(true); // Sunday make-up
    expect(addWorkingDays(official, '2025-01-27', 1).date).toBe('2025-02-05');
    expect(addWorkingDays(official, '2025-09-30', 1).date).toBe('2025-10-09');
    expect(addWorkingDays(official, '2025-10-10', 1).date).toBe('2025-10-11'); // Saturday make-up
  });

  it('flags 2027 as provisional, and a deadline that reaches into it from 2026', () => {
    // The published data alone (before the statutory estimate is added) knows nothing of 2027.
    expect(official.officialYears.has(2027)).toBe(false);
    expect(dayInfo(official, '2027-10-01')).toMatchObject({ working: true, provisional: true });
    expect(addWorkingDays(official, '2026-12-31', 1)).toEqual({ date: '2027-01-01', provisional: true });
  });

  it('marks the statutory holidays of 2027 as provisional days off: 元旦 and 春节 with its make-up days', () => {
    const cal = withStatutoryEstimates(official, 2027, 2027);
    expect(dayInfo(cal, '2027-01-01')).toMatchObject({ working: false, reason: 'holiday', name: '元旦', provisional: true });
    // 除夕 2027-02-05 (Fri) to 初三 02-08 (Mon); 初一 and 初二 fall on the weekend and move to 02-09 and 02-10.
    expect(dayInfo(cal, '2027-02-05')).toMatchObject({ working: false, name: '春节' });
    expect(dayInfo(cal, '2027-02-08')).toMatchObject({ working: false, reason: 'holiday', name: '春节', provisional: true });
    expect(dayInfo(cal, '2027-02-09')).toMatchObject({ working: false, name: '春节（补假）' });
    expect(dayInfo(cal, '2027-02-10')).toMatchObject({ working: false, name: '春节（补假）' });
    expect(isWorkingDay(cal, '2027-02-11')).toBe(true);
    expect(isWorkingDay(cal, '2027-02-04')).toBe(true);
    // 国庆 2027-10-01 (Fri) to 10-03 (Sun): the Saturday and the Sunday are made up on Monday and Tuesday.
    for (const d of ['2027-10-01', '2027-10-04', '2027-10-05']) expect(isWorkingDay(cal, d)).toBe(false);
    expect(isWorkingDay(cal, '2027-10-06')).toBe(true);
    expect(addWorkingDays(cal, '2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
    expect(addWorkingDays(cal, '2027-09-30', 1)).toEqual({ date: '2027-10-06', provisional: true });
  });

  it('computes 2027 from the lunar calendar and the solar terms: 清明 04-05, 端午 06-09, 中秋 09-15', () => {
    const h = statutoryHolidays(2027);
    expect(h.get('2027-04-05')).toBe('清明'); // a Monday
    expect(h.get('2027-06-09')).toBe('端午');
    expect(h.get('2027-09-15')).toBe('中秋');
    expect([...h.keys()].filter((d) => !h.get(d)!.endsWith('（补假）'))).toHaveLength(13);
  });

  it('owes a day for a holiday on another holiday: 中秋 2028 on 10-03 gives 国庆 a fourth day off', () => {
    const h = statutoryHolidays(2028); // 10-01 is a Sunday, 中秋 is 10-03
    expect(h.get('2028-10-03')).toBe('中秋');
    // Owed: 10-01 (Sunday) and 10-03 (taken by 中秋), both 国庆 days.
    expect(h.get('2028-10-04')).toBe('国庆节（补假）');
    expect(h.get('2028-10-05')).toBe('国庆节（补假）');
    expect(h.has('2028-10-06')).toBe(false);
  });

  it('agrees with the official 2026 schedule: every computed statutory day of 2026 is a published holiday', () => {
    const h = statutoryHolidays(2026);
    const statutory = [...h].filter(([, name]) => !name.endsWith('（补假）'));
    expect(statutory.map(([d]) => d)).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-02-19', '2026-04-05', '2026-05-01', '2026-05-02', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-03']),
    );
    for (const [d, name] of statutory) expect(official.holidays.get(d), `${d} ${name}`).toBe(name);
    // Official years are never overridden by the estimate.
    expect(withStatutoryEstimates(official, 2026, 2026).holidays).toEqual(official.holidays);
    expect(isWorkingDay(withStatutoryEstimates(official, 2026, 2026), '2026-02-14')).toBe(true);
  });

  it('calls a deadline provisional when its span reaches a year without an official schedule', () => {
    expect(isProvisionalSpan(official, '2026-12-31', '2027-01-04')).toBe(true);
    expect(isProvisionalSpan(official, '2026-12-01', '2026-12-02')).toBe(false);
  });

  it('uses an entered 2027 schedule and stops flagging the year', () => {
    const s = expandSchedule({
      year: 2027,
      holidays: [{ name: '国庆节', start: '2027-10-01', end: '2027-10-07' }],
      makeupWorkdays: [{ date: '2027-10-09', name: '国庆节' }],
    });
    const cal: CalendarData = {
      ...official,
      officialYears: new Set([...official.officialYears, 2027]),
      holidays: new Map([...official.holidays, ...s.holidays]),
      makeupWorkdays: new Map([...official.makeupWorkdays, ...s.makeupWorkdays]),
    };
    expect(addWorkingDays(cal, '2027-09-30', 1)).toEqual({ date: '2027-10-08', provisional: false });
    expect(addWorkingDays(cal, '2027-10-08', 1)).toEqual({ date: '2027-10-09', provisional: false });
  });

  it('lets company days override the official calendar', () => {
    const cal: CalendarData = { ...official, companyOff: new Map([['2026-10-08', '公司团建']]), companyOn: new Map([['2026-10-03', '值班']]) };
    expect(dayInfo(cal, '2026-10-08')).toMatchObject({ working: false, reason: 'company_off', name: '公司团建' });
    expect(addWorkingDays(cal, '2026-09-30', 1).date).toBe('2026-10-03');
    expect(addWorkingDays(cal, '2026-10-03', 1).date).toBe('2026-10-09');
  });

  it('treats 0 working days as "today if working, else the next working day"', () => {
    expect(addWorkingDays(official, '2026-10-01', 0).date).toBe('2026-10-08');
    expect(addWorkingDays(official, '2026-10-09', 0).date).toBe('2026-10-09');
  });

  it('rejects dates that do not exist', () => {
    expect(() => addWorkingDays(official, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => expandSchedule({ year: 2027, holidays: [{ name: 'x', start: '2027-10-07', end: '2027-10-01' }], makeupWorkdays: [] })).toThrow();
  });
});
