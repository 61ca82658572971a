import { z } from 'zod';

const isoInstant = z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), 'validation.date');
const text = (max: number) => z.string().max(max).nullable().optional();

export const stayBody = z
  .object({ checkedInAt: isoInstant, checkedOutAt: isoInstant.nullable().optional(), room: text(20), bookingRef: text(60), notes: text(1000) })
  .strict();

/** The PMS's call: the booking reference is required, it makes the call idempotent. */
export const pmsStayBody = z
  .object({
    individualId: z.number().int().positive(),
    bookingRef: z.string().trim().min(1).max(60),
    checkedInAt: isoInstant,
    checkedOutAt: isoInstant.nullable().optional(),
    room: text(20),
    notes: text(1000),
  })
  .strict();

export const meetBody = z.object({ note: z.string().max(1000).nullable().optional() }).strict();

export const stayParams = z.object({ id: z.coerce.number().int().positive(), stayId: z.coerce.number().int().positive() });

export const stayOut = z.object({
  id: z.number().int(),
  individualId: z.number().int(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  room: z.string().nullable(),
  bookingRef: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.string(),
  meetBy: z.string().nullable(),
  keeperName: z.string().nullable(),
  taskId: z.number().int().nullable(),
  metAt: z.string().nullable(),
  metByName: z.string().nullable(),
  meetingNote: z.string().nullable(),
  /** open: not yet met and the deadline is ahead; late: not met and past it; met; none: this guest is not met by rule. */
  meeting: z.enum(['open', 'late', 'met', 'met_late', 'none']),
});
export const stayListOut = z.object({ items: z.array(stayOut) });
