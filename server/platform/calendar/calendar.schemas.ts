import { z } from 'zod';

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
