import { createRequire } from 'node:module';

/** The maintained lunar-calendar library (docs/regulations.md §12): no lunar tables of our own. */
const lunar = createRequire(import.meta.url)('chinese-days') as {
  getSolarDateFromLunar(date: string): { date: string; leapMonthDate?: string };
  getLunarDate(date: string): { lunarYear: number; lunarMon: number; lunarDay: number; isLeap: boolean };
};

export const OCCASION_TYPES = ['birthday', 'festival', 'cooperation', 'firstPurchase', 'yearEnd'] as const;
export type OccasionType = (typeof OCCASION_TYPES)[number];

/** The lunar festivals of docs/regulations.md §12: 春节, 端午, 中秋, 重阳 (lunar month, day). */
export const FESTIVALS = { spring: [1, 1], dragonBoat: [5, 5], midAutumn: [8, 15], doubleNinth: [9, 9] } as const;
export type Festival = keyof typeof FESTIVALS;

export interface Occasion {
  /** Unique per occasion and year: the reminder for it is sent once. */
  key: string;
  type: OccasionType;
  date: string; // YYYY-MM-DD, solar
  customerId: number | null;
  customerName: string | null;
  contactId: number | null;
  contactName: string | null;
  ownerId: number | null;
  festival: Festival | null;
  /** lunar for a lunar birthday */
  calendar: 'solar' | 'lunar';
  /** Years since the start, for anniversaries. */
  years: number | null;
  /** An individual guest's birthday (docs/regulations.md §12): the guest instead of a customer. */
  guestId: number | null;
  guestName: string | null;
}

/** An individual guest (VIP) with a solar birthday. */
export interface CareGuest {
  id: number;
  name: string;
  birthday: string | null;
  owner_id: number;
}

export interface CareCustomer {
  id: number;
  name: string;
  owner_id: number;
  grade: string | null;
  cooperation_since: string | null;
}
export interface CareContact {
  id: number;
  customer_id: number;
  name: string;
  birthday: string | null;
  birthday_calendar: string;
}
export interface CareRules {
  yearEndGrades: string[];
  yearEndTiers: string[];
  yearEndDate: string; // MM-DD
}

const pad = (n: number) => String(n).padStart(2, '0');
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A solar month-day in a year; 02-29 falls on 02-28 in a year without it. */
export function solarDateIn(year: number, month: number, day: number): string {
  if (month === 2 && day === 29 && !isLeapYear(year)) return `${year}-02-28`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The solar date of a lunar month-day in a lunar year (never the leap month). The library's reverse lookup is
 * a day off at the end of some months (2026 二月廿九 comes back as 04-17, which is 三月初一), so its answer is
 * checked against its forward conversion and the neighbouring days searched. A 30th in a month of 29 days is
 * kept on the 29th, the month's last day, as families do.
 */
export function lunarToSolar(lunarYear: number, month: number, day: number): string | null {
  // Pure and asked again on every to-do list (festivals, lunar birthdays): each conversion costs up to six
  // calls into the calendar library, so answers are kept (a few thousand at most: years × 12 × 30).
  const key = lunarYear * 10_000 + month * 100 + day;
  const known = lunarMemo.get(key);
  if (known !== undefined) return known;
  if (lunarMemo.size >= LUNAR_MEMO_MAX) lunarMemo.clear();
  const date = convertLunar(lunarYear, month, day);
  lunarMemo.set(key, date);
  return date;
}
const lunarMemo = new Map<number, string | null>();
const LUNAR_MEMO_MAX = 50_000;

function convertLunar(lunarYear: number, month: number, day: number): string | null {
  for (const d of day === 30 ? [30, 29] : [day]) {
    let guess: string;
    try {
      guess = lunar.getSolarDateFromLunar(`${lunarYear}-${pad(month)}-${pad(d)}`).date;
    } catch {
      return null; // outside the library's years
    }
    for (const shift of [0, -1, 1, -2, 2]) {
      const date = addDays(guess, shift);
      const back = lunar.getLunarDate(date);
      if (back.lunarYear === lunarYear && back.lunarMon === month && back.lunarDay === d && !back.isLeap) return date;
    }
  }
  return null;
}

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Every occasion in [from, to] (inclusive, YYYY-MM-DD) of these customers and contacts. */
export function occasionsBetween(
  from: string,
  to: string,
  input: { customers: CareCustomer[]; contacts: CareContact[]; firstPurchase: Map<number, string>; tiers?: Map<number, string>; guests?: CareGuest[]; rules: CareRules; festivals: boolean },
): Occasion[] {
  const out: Occasion[] = [];
  const [y0] = parts(from);
  const [y1] = parts(to);
  const years: number[] = [];
  for (let y = y0; y <= y1; y++) years.push(y);
  // a lunar date of year Y may fall in January or February of Y + 1
  const lunarYears = [y0 - 1, ...years];
  const inRange = (d: string | null): d is string => d != null && d >= from && d <= to;
  const byId = new Map(input.customers.map((c) => [c.id, c]));
  const base = { customerId: null, customerName: null, contactId: null, contactName: null, ownerId: null, festival: null, calendar: 'solar' as const, years: null, guestId: null, guestName: null };

  if (input.festivals) {
    for (const ly of lunarYears)
      for (const [f, [m, d]] of Object.entries(FESTIVALS) as [Festival, readonly [number, number]][]) {
        const date = lunarToSolar(ly, m, d);
        if (inRange(date)) out.push({ ...base, key: `festival:${f}:${date}`, type: 'festival', date, festival: f, calendar: 'lunar' });
      }
  }
  for (const k of input.contacts) {
    const c = byId.get(k.customer_id);
    if (!c || !k.birthday) continue;
    const [, m, d] = parts(k.birthday);
    const who = { customerId: c.id, customerName: c.name, contactId: k.id, contactName: k.name, ownerId: c.owner_id };
    if (k.birthday_calendar === 'lunar') {
      for (const ly of lunarYears) {
        const date = lunarToSolar(ly, m, d);
        if (inRange(date)) out.push({ ...base, ...who, key: `birthday:contact:${k.id}:${date}`, type: 'birthday', date, calendar: 'lunar' });
      }
    } else {
      for (const y of years) {
        const date = solarDateIn(y, m, d);
        if (inRange(date)) out.push({ ...base, ...who, key: `birthday:contact:${k.id}:${date}`, type: 'birthday', date });
      }
    }
  }
  // Guests' birthdays are solar: the guest record has no lunar calendar field.
  for (const g of input.guests ?? []) {
    if (!g.birthday) continue;
    const [, m, d] = parts(g.birthday);
    for (const y of years) {
      const date = solarDateIn(y, m, d);
      if (inRange(date)) out.push({ ...base, guestId: g.id, guestName: g.name, ownerId: g.owner_id, key: `birthday:guest:${g.id}:${date}`, type: 'birthday', date });
    }
  }
  for (const c of input.customers) {
    const who = { customerId: c.id, customerName: c.name, ownerId: c.owner_id };
    const anniversaries: [OccasionType, string | null | undefined][] = [
      ['cooperation', c.cooperation_since],
      ['firstPurchase', input.firstPurchase.get(c.id)],
    ];
    for (const [type, since] of anniversaries) {
      if (!since) continue;
      const [sy, m, d] = parts(since);
      for (const y of years) {
        const date = solarDateIn(y, m, d);
        if (y > sy && inRange(date)) out.push({ ...base, ...who, key: `${type}:${c.id}:${date}`, type, date, years: y - sy });
      }
    }
    const tier = input.tiers?.get(c.id);
    if ((c.grade && input.rules.yearEndGrades.includes(c.grade)) || (tier && input.rules.yearEndTiers.includes(tier))) {
      const [m, d] = input.rules.yearEndDate.split('-').map(Number);
      for (const y of years) {
        const date = solarDateIn(y, m, d);
        if (inRange(date)) out.push({ ...base, ...who, key: `yearEnd:${c.id}:${date}`, type: 'yearEnd', date });
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || (a.customerName ?? a.guestName ?? '').localeCompare(b.customerName ?? b.guestName ?? '') || a.key.localeCompare(b.key));
}

/** Adds days to a calendar date. */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

export const TEMPLATE_CHANNELS = ['email', 'sms', 'card'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];
export const ACTION_CHANNELS = ['email', 'sms', 'card', 'phone', 'visit', 'gift', 'wechat'] as const;
export const PLACEHOLDERS = ['customer', 'contact', 'occasion', 'sender', 'date'] as const;

/** Fills {customer} {contact} {occasion} {sender} {date}; unknown braces stay as written. */
export function fillTemplate(text: string, values: Partial<Record<(typeof PLACEHOLDERS)[number], string>>): string {
  return text.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? (values[k as keyof typeof values] ?? '') : all));
}

/** Placeholders a template uses that are not ours: the editor is told before a card goes out with braces in it. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((k) => !(PLACEHOLDERS as readonly string[]).includes(k));
}
