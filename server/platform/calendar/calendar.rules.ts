/**
 * Mainland-China working days (docs/regulations.md §10 "working day"): weekends off, statutory holidays off,
 * 调休 make-up weekends on, plus company-specific days off/on. Pure functions over plain data;
 * dates are Asia/Shanghai calendar dates as YYYY-MM-DD strings.
 */
// Default import: the package's CommonJS build exposes no named exports to Node's ESM loader.
import chineseDays from 'chinese-days';
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
  /**
   * The year has no official schedule: its holidays are the statutory ones computed by
   * statutoryHolidays() (docs/regulations.md §10), without the notice's 调休 swaps.
   */
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

/** Names as chinese-days gives them for the published years, so computed and official days read alike. */
export const STATUTORY_NAMES = { newYear: '元旦', springFestival: '春节', qingming: '清明', labour: '劳动节', dragonBoat: '端午', midAutumn: '中秋', national: '国庆节' } as const;
/** The suffix of a day off owed because a statutory holiday fell on a weekend or on another holiday. */
export const MAKE_UP_SUFFIX = '（补假）';

function isWeekend(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/**
 * The statutory holidays of a year by the State Council's 全国年节及纪念日放假办法 (2024 revision;
 * docs/regulations.md §10): 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1 (the solar-term day), 劳动节 2, 端午 1,
 * 中秋 1, 国庆 3. A holiday day on a Saturday, a Sunday or another holiday is owed and moves to the next
 * weekday that is not already off (the law's 补假). Lunar dates and solar terms come from chinese-days.
 * The notice's 调休 swaps (working weekends) cannot be derived and are not part of it.
 */
export function statutoryHolidays(year: number): Map<string, string> {
  const n = STATUTORY_NAMES;
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
  const newYearLunar = lunar('01-01');
  const days: [string, string][] = [
    [`${year}-01-01`, n.newYear],
    ...[-1, 0, 1, 2].map((k): [string, string] => [addDays(newYearLunar, k), n.springFestival]), // 除夕 is the eve of 初一
    [chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), n.qingming],
    [`${year}-05-01`, n.labour],
    [`${year}-05-02`, n.labour],
    [lunar('05-05'), n.dragonBoat],
    [lunar('08-15'), n.midAutumn],
    [`${year}-10-01`, n.national],
    [`${year}-10-02`, n.national],
    [`${year}-10-03`, n.national],
  ];
  days.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Map<string, string>();
  const owed: [string, string][] = [];
  for (const [date, name] of days) {
    if (out.has(date) || isWeekend(date)) owed.push([date, name]);
    if (!out.has(date)) out.set(date, name);
  }
  for (const [date, name] of owed) {
    let d = addDays(date, 1);
    while (isWeekend(d) || out.has(d)) d = addDays(d, 1);
    out.set(d, name + MAKE_UP_SUFFIX);
  }
  return out;
}

/** The computation depends on the year alone: each year is computed once per process. */
const ESTIMATES = new Map<number, ReadonlyMap<string, string>>();

/**
 * The calendar with the computed statutory holidays of every year in [from, to] that has no official
 * schedule; official days are left as they are. The answer for those years stays provisional.
 */
export function withStatutoryEstimates(cal: CalendarData, from: number, to: number): CalendarData {
  const holidays = new Map(cal.holidays);
  for (let y = from; y <= to; y++) {
    if (cal.officialYears.has(y)) continue;
    let year = ESTIMATES.get(y);
    if (!year) ESTIMATES.set(y, (year = statutoryHolidays(y)));
    for (const [d, name] of year) if (!cal.officialYears.has(yearOf(d)) && !cal.makeupWorkdays.has(d)) holidays.set(d, name);
  }
  return { ...cal, holidays };
}

/** Whether a deadline counted from `from` to `due` rests on a year without an official schedule. */
export function isProvisionalSpan(cal: Pick<CalendarData, 'officialYears'>, from: string, due: string): boolean {
  const [a, b] = from <= due ? [from, due] : [due, from];
  for (let y = yearOf(a); y <= yearOf(b); y++) if (!cal.officialYears.has(y)) return true;
  return false;
}
