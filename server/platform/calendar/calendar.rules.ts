/**
 * Mainland-China working days (docs/regulations.md §10 "working day"): weekends off, statutory holidays off,
 * 调休 make-up weekends on, plus company-specific days off/on. Pure functions over plain data;
 * dates are Asia/Shanghai calendar dates as YYYY-MM-DD strings.
 */
import { isValidDate } from '../time';
export interface CalendarData {
  /** Years whose official schedule is known (built in or entered by an admin). */
  officialYears: ReadonlySet<number>;
  holidays: ReadonlyMap<string, string>;
  makeupWorkdays: ReadonlyMap<string, string>;
  companyOff: ReadonlyMap<string, string>;
  companyOn: ReadonlyMap<string, string>;
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'company_off' | 'company_on';

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  name: string | null;
  /** The year has no official schedule: only weekends and company days are known. */
  provisional: boolean;
}

export interface WorkingDayResult {
  date: string;
  provisional: boolean;
}

const DAY_MS = 86_400_000;
/** A sanity bound: no rule counts more than ten years of working days. */
const MAX_STEPS = 3660;

export { isValidDate };

function assertDate(s: string): void {
  if (!isValidDate(s)) throw new RangeError(`Not a calendar date: ${s}`);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function dayInfo(cal: CalendarData, date: string): DayInfo {
  assertDate(date);
  const provisional = !cal.officialYears.has(yearOf(date));
  const off = cal.companyOff.get(date);
  if (off !== undefined) return { date, working: false, reason: 'company_off', name: off, provisional };
  const on = cal.companyOn.get(date);
  if (on !== undefined) return { date, working: true, reason: 'company_on', name: on, provisional };
  const holiday = cal.holidays.get(date);
  if (holiday !== undefined) return { date, working: false, reason: 'holiday', name: holiday, provisional };
  const makeup = cal.makeupWorkdays.get(date);
  if (makeup !== undefined) return { date, working: true, reason: 'makeup_workday', name: makeup, provisional };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', name: null, provisional };
}

export function isWorkingDay(cal: CalendarData, date: string): boolean {
  return dayInfo(cal, date).working;
}

/**
 * The n-th working day after `date` (n ≥ 1); for n = 0, `date` itself when it is a working day,
 * else the next working day. A deadline "within N working days" of a day is addWorkingDays(day, N).
 */
export function addWorkingDays(cal: CalendarData, date: string, n: number): WorkingDayResult {
  assertDate(date);
  if (!Number.isInteger(n) || n < 0 || n > MAX_STEPS) throw new RangeError(`Working days out of range: ${n}`);
  let provisional = !cal.officialYears.has(yearOf(date));
  let current = date;
  if (n === 0) {
    for (let i = 0; i < MAX_STEPS; i++) {
      const info = dayInfo(cal, current);
      provisional ||= info.provisional;
      if (info.working) return { date: current, provisional };
      current = addDays(current, 1);
    }
    throw new RangeError('No working day found');
  }
  let remaining = n;
  for (let i = 0; i < MAX_STEPS * 3; i++) {
    current = addDays(current, 1);
    const info = dayInfo(cal, current);
    provisional ||= info.provisional;
    if (info.working && --remaining === 0) return { date: current, provisional };
  }
  throw new RangeError('No working day found');
}

/** Working days d with from < d ≤ to (negative when `to` is before `from`); so workingDaysBetween(a, addWorkingDays(a, n)) = n. */
export function workingDaysBetween(cal: CalendarData, from: string, to: string): { days: number; provisional: boolean } {
  assertDate(from);
  assertDate(to);
  if (to < from) {
    const r = workingDaysBetween(cal, to, from);
    return { days: -r.days, provisional: r.provisional };
  }
  let days = 0;
  let provisional = !cal.officialYears.has(yearOf(from));
  let steps = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (++steps > MAX_STEPS * 3) throw new RangeError('Range too long');
    const info = dayInfo(cal, d);
    provisional ||= info.provisional;
    if (info.working) days++;
  }
  return { days, provisional };
}

export interface OfficialSchedule {
  year: number;
  holidays: { name: string; start: string; end: string }[];
  makeupWorkdays: { date: string; name: string }[];
}

/** Expands an official schedule (holiday ranges + make-up days) into day maps; pure, validates dates and the year. */
export function expandSchedule(s: OfficialSchedule): { holidays: Map<string, string>; makeupWorkdays: Map<string, string> } {
  const holidays = new Map<string, string>();
  const makeupWorkdays = new Map<string, string>();
  for (const h of s.holidays) {
    assertDate(h.start);
    assertDate(h.end);
    if (h.end < h.start) throw new RangeError('calendar.range_reversed');
    for (let d = h.start; d <= h.end; d = addDays(d, 1)) holidays.set(d, h.name);
  }
  for (const m of s.makeupWorkdays) {
    assertDate(m.date);
    makeupWorkdays.set(m.date, m.name);
  }
  return { holidays, makeupWorkdays };
}

/** Built-in official data from chinese-days ("English,中文,n" values) reduced to Chinese names. */
export function builtinData(raw: { holidays: Record<string, string>; workdays: Record<string, string> }) {
  const name = (v: string) => v.split(',')[1] ?? v;
  const holidays = new Map(Object.entries(raw.holidays).map(([d, v]) => [d, name(v)]));
  const makeupWorkdays = new Map(Object.entries(raw.workdays).map(([d, v]) => [d, name(v)]));
  const years = new Set([...holidays.keys()].map(yearOf));
  return { holidays, makeupWorkdays, years };
}
