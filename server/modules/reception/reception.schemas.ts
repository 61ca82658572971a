import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';
import { BANQUET_STATUSES, OUTCOMES, TOUR_STATUSES, TOUR_TYPES } from './reception.rules';

/** Route schemas of reception, tours and banquets (docs/regulations.md §9). */
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const required = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const instantIn = z.iso.datetime({ offset: true });
const customerId = z.number().int().positive().nullable().optional();

export const visitBody = z
  .object({
    visitorName: required(50),
    customerId,
    organisation: text(200),
    phone: text(30),
    idNumber: text(30),
    receiverId: z.number().int().positive().optional(),
    arrivedAt: instantIn.optional(),
    departedAt: instantIn.nullable().optional(),
    note: text(2000),
  })
  .strict();
export const visitUpdateBody = visitBody.partial().extend({ version }).strict();
export const visitListQuery = z
  .object({ q: z.string().trim().max(100).optional(), customerId: z.coerce.number().int().positive().optional(), from: dateString.optional(), to: dateString.optional(), ...pagingQuery })
  .strict();
export const revealBody = z.object({ field: z.enum(['phone', 'idNumber']) }).strict();

export const visitOut = z.object({
  id: z.number(),
  visitorName: z.string(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  customerArchiveNo: z.string().nullable(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  receiverId: z.number(),
  receiverName: z.string().nullable(),
  arrivedAt: z.string(),
  departedAt: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});

export const recordBody = z
  .object({
    visitId: z.number().int().positive().nullable().optional(),
    customerId,
    organisation: text(200),
    visitorName: text(50),
    receiverId: z.number().int().positive().optional(),
    receivedOn: dateString.optional(),
    purpose: required(500),
    requests: text(5000),
    outcome: z.enum(OUTCOMES),
    promiseDays: z.number().int().min(1).max(365).nullable().optional(),
    reason: text(2000),
  })
  .strict();
export const recordListQuery = z.object({ customerId: z.coerce.number().int().positive().optional(), outcome: z.enum(OUTCOMES).optional(), ...pagingQuery }).strict();
export const recordOut = z.object({
  id: z.number(),
  visitId: z.number().nullable(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  organisation: z.string().nullable(),
  visitorName: z.string(),
  receiverId: z.number(),
  receiverName: z.string().nullable(),
  receivedOn: z.string(),
  purpose: z.string(),
  requests: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  promiseDays: z.number().nullable(),
  reason: z.string().nullable(),
  taskId: z.number().nullable(),
  taskDue: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const tourBody = z
  .object({
    customerId,
    organisation: text(200),
    tourType: z.enum(TOUR_TYPES),
    visitorsCount: z.number().int().min(1).max(10_000),
    date: dateString,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time'),
    durationMinutes: z.number().int().min(1).max(24 * 60).nullable().optional(),
    content: required(2000),
    scope: required(2000),
    route: required(2000),
    contactName: text(100),
    photographyRequested: z.boolean().optional(),
  })
  .strict();
export const tourListQuery = z.object({ status: z.enum(TOUR_STATUSES).optional(), customerId: z.coerce.number().int().positive().optional(), ...pagingQuery }).strict();
export const versionBody = z.object({ version }).strict();
export const resubmitBody = z.object({ version, comment: text(2000) }).strict();
export const tourOut = z.object({
  id: z.number(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  organisation: z.string().nullable(),
  tourType: z.enum(TOUR_TYPES),
  visitorsCount: z.number(),
  scheduledAt: z.string(),
  durationMinutes: z.number().nullable(),
  content: z.string(),
  scope: z.string(),
  route: z.string(),
  contactName: z.string().nullable(),
  photographyRequested: z.boolean(),
  photographyAllowed: z.boolean(),
  photographyConsentedByName: z.string().nullable(),
  photographyConsentedAt: z.string().nullable(),
  status: z.enum(TOUR_STATUSES),
  permitNo: z.string().nullable(),
  applicantId: z.number(),
  applicantName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  hospitality: z.object({ managerAccompanies: z.boolean(), refreshments: z.boolean(), tea: z.boolean() }),
  version: z.number(),
});
export const thankYouOut = z.object({ text: z.string(), customer: z.string() });

export const banquetBody = z
  .object({
    customerId,
    organisation: text(200),
    guests: required(1000),
    guestCount: z.number().int().min(1).max(10_000),
    heldOn: dateString,
    place: required(200),
    budget: z.number().min(0).max(1e9),
    purpose: required(2000),
    emergency: z.boolean().optional(),
    emergencyReason: text(2000),
  })
  .strict();
export const banquetListQuery = z.object({ status: z.enum(BANQUET_STATUSES).optional(), ...pagingQuery }).strict();
export const banquetOut = z.object({
  id: z.number(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  organisation: z.string().nullable(),
  guests: z.string(),
  guestCount: z.number(),
  heldOn: z.string(),
  place: z.string(),
  budget: z.number(),
  purpose: z.string(),
  emergency: z.boolean(),
  emergencyReason: z.string().nullable(),
  status: z.enum(BANQUET_STATUSES),
  heldAt: z.string().nullable(),
  applicantId: z.number(),
  applicantName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number(),
});
