import { z } from 'zod';
import { dateString } from '../http/schemas';

/** Answers of the working-day calendar (`/api/calendar/*`). */
export const dayInfoOut = z.object({
  date: z.string(),
  working: z.boolean(),
  reason: z.enum(['weekday', 'weekend', 'holiday', 'makeup_workday', 'company_off', 'company_on']),
  name: z.string().nullable(),
  provisional: z.boolean(),
});
export const companyDayOut = z.object({ id: z.number(), date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });
export const calendarStatusOut = z.object({
  officialYears: z.array(z.number()),
  currentYear: z.number(),
  currentYearMissing: z.boolean(),
  nextYear: z.number(),
  nextYearMissing: z.boolean(),
  warn: z.boolean(),
});
export const officialYearOut = z.object({ year: z.number(), source: z.enum(['builtin', 'imported']).nullable(), importedAt: z.string().nullable() });

/** `PUT /api/calendar/years/:year`: a newly published official holiday schedule. */
export const officialYearBody = z
  .object({
    holidays: z.array(z.object({ name: z.string().trim().min(1).max(40), start: dateString, end: dateString }).strict()).min(1).max(30),
    makeupWorkdays: z.array(z.object({ date: dateString, name: z.string().trim().min(1).max(40) }).strict()).max(30),
  })
  .strict();
export const companyDayBody = z.object({ date: dateString, kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(40) }).strict();
