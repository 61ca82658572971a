import { z } from 'zod';
import { dateString, version } from '../../platform/http/schemas';
import { ACTION_CHANNELS, FESTIVALS, OCCASION_TYPES, TEMPLATE_CHANNELS } from './care.rules';

/** Route schemas of care (docs/regulations.md §12). */
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const occasionType = z.enum(OCCASION_TYPES);
const actionOccasion = z.enum([...OCCASION_TYPES, 'other']);

export const calendarQuery = z.object({ from: dateString, to: dateString }).strict();
export const upcomingQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) }).strict();

export const occasionOut = z.object({
  key: z.string(),
  type: occasionType,
  label: z.string(),
  date: z.string(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  ownerId: z.number().nullable(),
  festival: z.enum(Object.keys(FESTIVALS) as [keyof typeof FESTIVALS, ...(keyof typeof FESTIVALS)[]]).nullable(),
  calendar: z.enum(['solar', 'lunar']),
  years: z.number().nullable(),
  guestId: z.number().nullable(),
  guestName: z.string().nullable(),
});
export const calendarOut = z.object({ from: z.string(), to: z.string(), items: z.array(occasionOut) });

export const templateBody = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(100),
    channel: z.enum(TEMPLATE_CHANNELS),
    occasion: actionOccasion.nullable().optional(),
    subject: text(200),
    body: z.string().trim().min(1, 'validation.required').max(4000),
  })
  .strict();
export const templateUpdate = templateBody.partial().extend({ version }).strict();
export const templateOut = z.object({
  id: z.number(),
  name: z.string(),
  channel: z.enum(TEMPLATE_CHANNELS),
  occasion: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export const renderBody = z.object({ customerId: z.number().int().positive(), contactId: z.number().int().positive().nullable().optional(), occasion: text(50) }).strict();
export const renderOut = z.object({ channel: z.enum(TEMPLATE_CHANNELS), subject: z.string().nullable(), body: z.string() });

export const actionBody = z
  .object({
    customerId: z.number().int().positive(),
    contactId: z.number().int().positive().nullable().optional(),
    occasion: actionOccasion,
    occasionDate: dateString.nullable().optional(),
    channel: z.enum(ACTION_CHANNELS),
    templateId: z.number().int().positive().nullable().optional(),
    doneOn: dateString.optional(),
    note: text(1000),
  })
  .strict();
export const actionQuery = z.object({ customerId: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
export const actionOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  contactId: z.number().nullable(),
  occasion: z.string(),
  occasionDate: z.string().nullable(),
  channel: z.string(),
  templateId: z.number().nullable(),
  doneOn: z.string(),
  note: z.string().nullable(),
  actorId: z.number(),
  actorName: z.string().nullable(),
});

export const EVENT_KINDS = ['promotion', 'event'] as const;
export const ATTENDANCE = ['invited', 'attended', 'absent'] as const;
export const eventBody = z
  .object({ kind: z.enum(EVENT_KINDS), title: z.string().trim().min(1, 'validation.required').max(200), startsOn: dateString, endsOn: dateString.nullable().optional(), location: text(200), description: text(2000) })
  .strict();
export const inviteBody = z.object({ customerIds: z.array(z.number().int().positive()).min(1).max(500) }).strict();
export const attendanceBody = z.object({ status: z.enum(ATTENDANCE) }).strict();
export const attendanceParams = z.object({ id: z.coerce.number().int().positive(), customerId: z.coerce.number().int().positive() });
export const eventOut = z.object({
  id: z.number(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  organizerName: z.string().nullable(),
  version: z.number(),
});
export const eventDetailOut = eventOut.extend({
  invites: z.array(z.object({ customerId: z.number(), customerName: z.string(), status: z.enum(ATTENDANCE) })),
  counts: z.object({ invited: z.number(), attended: z.number(), absent: z.number() }),
});
