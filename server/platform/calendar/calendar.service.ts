import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../audit/audit.service';
import { errors } from '../http/errors';
import type { RequestContext } from '../permissions/actor';
import type { SettingsService } from '../settings/settings.service';
import { type Clock, shanghaiDate } from '../time';
import { calendarQueries } from './calendar.queries';
import {
  addWorkingDays,
  builtinData,
  dayInfo,
  expandSchedule,
  isValidDate,
  workingDaysBetween,
  yearOf,
  addDays,
  withStatutoryEstimates,
  type CalendarData,
  type OfficialSchedule,
} from './calendar.rules';

/** chinese-days ships official schedules up to 2026 and answers later years silently wrong, so we only take its maps. */
// Loaded with require: the bundled server keeps packages external, and Node's ESM JSON import needs attributes.
const BUILTIN = builtinData(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json'));

const MAX_RANGE_YEARS = 5;
/** chinese-days' lunar tables end with 2100; later years are counted by weekends only. */
const ESTIMATE_LAST_YEAR = 2099;

/**
 * Told inside the transaction that enters an official year, with the calendar before and after, so a module
 * recomputes the deadlines it counted on the provisional days (docs/regulations.md §10).
 */
export type OfficialYearListener = (
  trx: Kysely<Database>,
  change: { year: number; before: CalendarData; after: CalendarData; ctx: RequestContext },
) => Promise<void>;

export function createCalendarService(deps: { db: Kysely<Database>; audit: AuditService; settings: SettingsService; clock: Clock }) {
  const { db, audit, settings, clock } = deps;
  let cache: { stamp: string; data: CalendarData } | null = null;
  const listeners: OfficialYearListener[] = [];

  /** Changes whenever any instance adds, deletes or re-imports days, so the cache is never stale across processes. */
  const changeStamp = calendarQueries.changeStamp;

  /** `conn`: pass the caller's transaction when inside one (SQLite has a single connection). */
  async function data(conn: Kysely<Database> = db): Promise<CalendarData> {
    const stamp = await changeStamp(conn);
    if (cache && cache.stamp === stamp) return cache.data;
    const [days, years] = await Promise.all([
      calendarQueries.allDays(conn),
      calendarQueries.importedYears(conn),
    ]);
    const importedYears = new Set(years.map((y) => y.year));
    const holidays = new Map(BUILTIN.holidays);
    const makeupWorkdays = new Map(BUILTIN.makeupWorkdays);
    const companyOff = new Map<string, string>();
    const companyOn = new Map<string, string>();
    for (const d of days) {
      if (d.source === 'official') (d.kind === 'holiday' ? holidays : makeupWorkdays).set(d.day, d.name);
      else (d.kind === 'holiday' ? companyOff : companyOn).set(d.day, d.name);
    }
    // Years without an official schedule get the statutory holidays the law fixes (provisional).
    const result = withStatutoryEstimates(
      { officialYears: new Set([...BUILTIN.years, ...importedYears]), holidays, makeupWorkdays, companyOff, companyOn },
      Math.min(...BUILTIN.years),
      ESTIMATE_LAST_YEAR,
    );
    cache = { stamp, data: result };
    return result;
  }

  const toDate = (d: string | Date) => (typeof d === 'string' ? d : shanghaiDate(d));

  return {
    data,
    /** A module's recomputation of its deadlines when an official year is entered (called at build time). */
    onOfficialYear(listener: OfficialYearListener) {
      listeners.push(listener);
    },
    /** For other modules: a deadline N working days after an instant or a date, evaluated in Asia/Shanghai. */
    async addWorkingDays(from: Date | string, n: number, conn?: Kysely<Database>) {
      return addWorkingDays(await data(conn), toDate(from), n);
    },
    async workingDaysBetween(from: Date | string, to: Date | string) {
      const [a, b] = [toDate(from), toDate(to)];
      if (Math.abs(yearOf(a) - yearOf(b)) > MAX_RANGE_YEARS) throw errors.field('to', 'calendar.range_too_long', { years: MAX_RANGE_YEARS });
      return workingDaysBetween(await data(), a, b);
    },
    async isWorkingDay(d: Date | string) {
      return dayInfo(await data(), toDate(d)).working;
    },
    async month(month: string) {
      const cal = await data();
      const first = `${month}-01`;
      const out = [];
      for (let d = first; d.startsWith(month); d = addDays(d, 1)) out.push(dayInfo(cal, d));
      return out;
    },
    async status() {
      const cal = await data();
      const today = shanghaiDate(clock.now());
      const currentYear = yearOf(today);
      const nextYear = currentYear + 1;
      const fromMonth = await settings.number('calendar.missingYearWarningFromMonth');
      const nextYearMissing = !cal.officialYears.has(nextYear);
      return {
        officialYears: [...cal.officialYears].sort((a, b) => a - b),
        currentYear,
        currentYearMissing: !cal.officialYears.has(currentYear),
        nextYear,
        nextYearMissing,
        warn: (nextYearMissing && Number(today.slice(5, 7)) >= fromMonth) || !cal.officialYears.has(currentYear),
      };
    },
    async years() {
      const cal = await data();
      const imported = await calendarQueries.importedYears(db);
      const importedBy = new Map(imported.map((y) => [y.year, y]));
      const currentYear = yearOf(shanghaiDate(clock.now()));
      const out = [];
      for (let y = Math.min(...BUILTIN.years); y <= Math.max(currentYear + 1, ...cal.officialYears); y++) {
        const source: 'builtin' | 'imported' | null = BUILTIN.years.has(y) ? 'builtin' : importedBy.has(y) ? 'imported' : null;
        out.push({ year: y, source, importedAt: importedBy.get(y)?.imported_at ?? null });
      }
      return out;
    },
    async listCompanyDays() {
      return calendarQueries.companyDays(db);
    },
    async addCompanyDay(ctx: RequestContext, input: { date: string; kind: 'holiday' | 'workday'; name: string }) {
      if (!isValidDate(input.date)) throw errors.field('date', 'validation.date');
      const exists = await calendarQueries.companyDayOn(db, input.date);
      if (exists) throw errors.conflict('calendar.day_exists', 'date');
      const row = await db.transaction().execute(async (trx) => {
        const created = await calendarQueries.insertDay(trx, {
          day: input.date,
          kind: input.kind,
          name: input.name,
          source: 'company',
          created_by: ctx.actor.id,
          created_at: clock.now().toISOString(),
        });
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: 'calendar_day',
          entityId: created.id,
          changes: { date: [null, input.date], kind: [null, input.kind], name: [null, input.name] },
        });
        return created;
      });
      return row;
    },
    async deleteCompanyDay(ctx: RequestContext, id: number) {
      const row = await calendarQueries.companyDay(db, id);
      if (!row) throw errors.notFound();
      await db.transaction().execute(async (trx) => {
        await calendarQueries.deleteDay(trx, id);
        await audit.record(trx, actorInfo(ctx), {
          action: 'delete',
          entityType: 'calendar_day',
          entityId: id,
          changes: { date: [row.day, null], kind: [row.kind, null], name: [row.name, null] },
        });
      });
    },
    /** Enter (or replace) a newly published official schedule for a year chinese-days does not hold. */
    async importYear(ctx: RequestContext, schedule: OfficialSchedule) {
      if (BUILTIN.years.has(schedule.year)) throw errors.field('year', 'calendar.year_has_builtin_data');
      const fieldErrors = [];
      for (const [i, h] of schedule.holidays.entries()) {
        for (const f of ['start', 'end'] as const) {
          if (yearOf(h[f]) !== schedule.year && !(f === 'end' && yearOf(h.start) === schedule.year)) {
            fieldErrors.push({ field: `holidays.${i}.${f}`, message: 'calendar.date_outside_year' });
          }
        }
        if (h.end < h.start) fieldErrors.push({ field: `holidays.${i}.end`, message: 'calendar.range_reversed' });
      }
      for (const [i, m] of schedule.makeupWorkdays.entries()) {
        if (yearOf(m.date) !== schedule.year) fieldErrors.push({ field: `makeupWorkdays.${i}.date`, message: 'calendar.date_outside_year' });
      }
      if (fieldErrors.length) throw errors.validation(fieldErrors);
      const { holidays, makeupWorkdays } = expandSchedule(schedule);
      const now = clock.now().toISOString();
      const yearStart = `${schedule.year}-01-01`;
      const yearEnd = `${schedule.year + 1}-01-31`; // a holiday range may run into January of the next year
      await db.transaction().execute(async (trx) => {
        const before = await data(trx);
        const rows = [
          ...[...holidays].map(([day, name]) => ({ day, name, kind: 'holiday' as const })),
          ...[...makeupWorkdays].map(([day, name]) => ({ day, name, kind: 'workday' as const })),
        ].map((r) => ({ ...r, source: 'official' as const, created_by: ctx.actor.id, created_at: now }));
        await calendarQueries.replaceOfficialYear(trx, { year: schedule.year, from: yearStart, to: yearEnd, at: now, by: ctx.actor.id }, rows);
        await audit.record(trx, actorInfo(ctx), {
          action: 'update',
          entityType: 'calendar_year',
          entityId: schedule.year,
          summary: `${holidays.size} holidays, ${makeupWorkdays.size} make-up working days`,
        });
        const after = await data(trx);
        for (const listener of listeners) await listener(trx, { year: schedule.year, before, after, ctx });
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
