/**
 * Pure rules of reception, tours and banquets (docs/regulations.md §9). No I/O; the service feeds them
 * with settings and rows.
 */

export const OUTCOMES = ['resolved', 'promised', 'sales', 'unresolved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const TOUR_TYPES = ['key', 'group', 'ordinary', 'adhoc'] as const;
export type TourType = (typeof TOUR_TYPES)[number];

export const TOUR_STATUSES = ['pending', 'returned', 'approved', 'rejected', 'withdrawn', 'in_progress', 'completed'] as const;
export type TourStatus = (typeof TOUR_STATUSES)[number];

export const BANQUET_STATUSES = ['pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type BanquetStatus = (typeof BANQUET_STATUSES)[number];

/** Notice each tour type needs, in hours (001 篇5 五: 3 days, 1 day, 1 hour). */
export type TourNotice = Record<TourType, number>;
export const DEFAULT_TOUR_NOTICE: TourNotice = { key: 72, group: 72, ordinary: 24, adhoc: 1 };

/** What the guests of each type are offered. `tea`: always, only if the meeting room fits the group, or none. */
export interface Hospitality {
  managerAccompanies: boolean;
  refreshments: boolean;
  tea: 'always' | 'if_room_fits' | 'none';
}
export type HospitalityTable = Record<TourType, Hospitality>;
export const DEFAULT_HOSPITALITY: HospitalityTable = {
  key: { managerAccompanies: true, refreshments: true, tea: 'always' },
  group: { managerAccompanies: false, refreshments: false, tea: 'if_room_fits' },
  ordinary: { managerAccompanies: false, refreshments: false, tea: 'always' },
  adhoc: { managerAccompanies: false, refreshments: false, tea: 'always' },
};

/** The hospitality for this tour: tea for a group only when it fits the room. */
export function hospitalityFor(table: HospitalityTable, type: TourType, visitors: number, roomCapacity: number) {
  const h = table[type];
  const tea = h.tea === 'always' || (h.tea === 'if_room_fits' && visitors <= roomCapacity);
  return { managerAccompanies: h.managerAccompanies, refreshments: h.refreshments, tea };
}

/**
 * Whether a tour starting at `scheduledAt` was announced early enough at `now`. Returns the notice it needed
 * when it was not (in hours), else null.
 */
export function noticeShortfall(notice: TourNotice, type: TourType, now: Date, scheduledAt: Date): number | null {
  const needed = notice[type];
  return scheduledAt.getTime() - now.getTime() >= needed * 3_600_000 ? null : needed;
}

/** 72 → { days: 3 }, 5 → { hours: 5 }: how a notice is said. */
export function noticeUnits(hours: number): { days: number } | { hours: number } {
  return hours % 24 === 0 ? { days: hours / 24 } : { hours };
}

/** Shanghai has no daylight saving: a local date and time is UTC+8 all year. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** A Shanghai calendar date plus n calendar days. */
export function addCalendarDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** What an outcome demands: a number of days for a promise, a reason when it cannot be solved. */
export function outcomeProblems(input: { outcome: Outcome; promiseDays?: number | null; reason?: string | null }): { field: string; message: string }[] {
  if (input.outcome === 'promised' && !(input.promiseDays && input.promiseDays > 0)) return [{ field: 'promiseDays', message: 'reception.promise_days_required' }];
  if (input.outcome === 'unresolved' && !input.reason?.trim()) return [{ field: 'reason', message: 'reception.reason_required' }];
  return [];
}

/** Permit numbers: CG + year + four digits, counting up within the year. */
export function permitNo(year: string, lastOfYear: string | null): string {
  const n = lastOfYear ? Number(lastOfYear.slice(-4)) + 1 : 1;
  return `CG${year}-${String(n).padStart(4, '0')}`;
}

/** The approval engine's outcome as the status of a tour or banquet. */
export function statusAfterOutcome(outcome: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): BanquetStatus {
  return outcome;
}

/** A tour may start only once approved (docs/regulations.md §9). */
export const canStart = (status: string) => status === 'approved';

/** 110101********1234: first 6 and last 4 (the archive's rule for ID numbers). */
export function maskIdNumber(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 10 ? '****' : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** Fills a thank-you letter template: {customer}, {date}, {visitors}, {staff}. Unknown placeholders stay as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? values[k]! : m));
}
