import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';
import { BRANDS, KINDS, METHODS, QUALITIES, SATISFACTION, SERVICES } from './visits.rules';

/** Route schemas of visits, reports, territories and routes (docs/regulations.md §8). */
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const id = z.number().int().positive();
const isoInstant = z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), 'validation.date');
const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const checkInBody = z.object({ at: isoInstant, lat: lat.nullable().optional(), lng: lng.nullable().optional(), accuracyM: z.number().min(0).max(100000).nullable().optional() }).strict();

export const visitBody = z
  .object({
    customerId: id,
    kind: z.enum(KINDS).default('record'),
    method: z.enum(METHODS),
    visitedAt: isoInstant,
    contactName: text(50),
    purpose: text(500),
    points: text(5000),
    satisfaction: z.enum(SATISFACTION).nullable().optional(),
    opinions: text(5000),
    countermeasures: text(5000),
    result: text(2000),
    nextStep: text(1000),
    nextDate: dateString.nullable().optional(),
    maintenanceTaskId: id.nullable().optional(),
    /** The line of the visitor's own visit plan this visit carries out. */
    planLineId: id.nullable().optional(),
    checkIn: checkInBody.nullable().optional(),
    /** Keep the check-in's coordinates as the customer's location. */
    saveLocation: z.boolean().optional(),
  })
  .strict();
export type VisitBody = z.infer<typeof visitBody>;

export const commentBody = z.object({ comment: z.string().trim().min(1, 'validation.required').max(2000), version }).strict();
export const toComplaintBody = z.object({ category: z.string().trim().min(1, 'validation.required').max(20), severity: z.enum(['general', 'major', 'serious']), content: text(4000) }).strict();
export const toTaskBody = z.object({ title: z.string().trim().min(1, 'validation.required').max(200), description: text(2000), assigneeId: id.optional(), dueDate: dateString }).strict();
export const signatureQuery = z.object({ filename: z.string().trim().min(1).max(200).default('signature.png') }).strict();

export const visitListQuery = z
  .object({
    customerId: z.coerce.number().int().positive().optional(),
    visitorId: z.coerce.number().int().positive().optional(),
    kind: z.enum(KINDS).optional(),
    method: z.enum(METHODS).optional(),
    satisfaction: z.enum(SATISFACTION).optional(),
    from: dateString.optional(),
    to: dateString.optional(),
    q: z.string().trim().max(100).optional(),
    ...pagingQuery,
  })
  .strict();

export const dailyQuery = z.object({ date: dateString.optional(), userId: z.coerce.number().int().positive().optional() }).strict();

export const visitOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  kind: z.enum(KINDS),
  method: z.enum(METHODS),
  visitedAt: z.string(),
  contactName: z.string().nullable(),
  purpose: z.string().nullable(),
  points: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  opinions: z.string().nullable(),
  countermeasures: z.string().nullable(),
  result: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextDate: z.string().nullable(),
  followUpTaskId: z.number().nullable(),
  maintenanceTaskId: z.number().nullable(),
  planLineId: z.number().nullable(),
  hasSignature: z.boolean(),
  checkIn: z.object({ at: z.string(), lat: z.number().nullable(), lng: z.number().nullable(), accuracyM: z.number().nullable() }).nullable(),
  supervisorComment: z.string().nullable(),
  supervisorCommentByName: z.string().nullable(),
  supervisorCommentAt: z.string().nullable(),
  complaintId: z.number().nullable(),
  taskId: z.number().nullable(),
  visitorId: z.number(),
  visitorName: z.string().nullable(),
  reportIds: z.array(z.number()),
  createdAt: z.string(),
  version: z.number(),
});

export const dailyOut = z.object({
  date: z.string(),
  userId: z.number(),
  userName: z.string().nullable(),
  total: z.number(),
  byMethod: z.object({ on_site: z.number(), phone: z.number(), email: z.number() }),
  items: z.array(visitOut),
});

const contact = z
  .object({
    role: z.enum(['head', 'business']), // 客户单位主要负责人 · 业务主办
    name: z.string().trim().min(1, 'validation.required').max(50),
    position: text(50),
    phone: text(30),
    mobile: text(30),
  })
  .strict();

export const reportBody = z
  .object({
    customerId: id,
    visitId: id.nullable().optional(),
    reportDate: dateString,
    quality: z.enum(QUALITIES),
    service: z.enum(SERVICES),
    brand: z.enum(BRANDS),
    suggestions: text(5000),
    contacts: z.array(contact).max(10).default([]),
    signedBy: text(50),
  })
  .strict();
export type ReportBody = z.infer<typeof reportBody>;

export const reportOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  customerAddress: z.string().nullable(),
  customerLegalRepresentative: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  visitId: z.number().nullable(),
  reportDate: z.string(),
  quality: z.enum(QUALITIES),
  service: z.enum(SERVICES),
  brand: z.enum(BRANDS),
  scores: z.object({ quality: z.number(), service: z.number(), brand: z.number(), average: z.number() }),
  suggestions: z.string().nullable(),
  contacts: z.array(z.object({ role: z.enum(['head', 'business']), name: z.string(), position: z.string().nullable().optional(), phone: z.string().nullable().optional(), mobile: z.string().nullable().optional() })),
  signedBy: z.string().nullable(),
  hasSignature: z.boolean(),
  reporterName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const reportListQuery = z
  .object({ customerId: z.coerce.number().int().positive().optional(), from: dateString.optional(), to: dateString.optional(), ...pagingQuery })
  .strict();

export const averagesQuery = z
  .object({
    by: z.enum(['customer', 'province', 'city', 'period']).default('customer'),
    period: z.enum(['month', 'quarter', 'year']).default('month'),
    customerId: z.coerce.number().int().positive().optional(),
    province: z.string().trim().max(50).optional(),
    city: z.string().trim().max(50).optional(),
    from: dateString.optional(),
    to: dateString.optional(),
  })
  .strict();

export const averagesOut = z.object({
  by: z.enum(['customer', 'province', 'city', 'period']),
  rows: z.array(z.object({ key: z.string(), label: z.string(), reports: z.number(), quality: z.number(), service: z.number(), brand: z.number(), average: z.number() })),
  overall: z.object({ reports: z.number(), quality: z.number(), service: z.number(), brand: z.number(), average: z.number() }).nullable(),
});

const region = z.object({ province: z.string().trim().min(1, 'validation.required').max(50), city: text(50), district: text(50) }).strict();
export const territoryBody = z
  .object({ name: z.string().trim().min(1, 'validation.required').max(100), ownerId: id, regions: z.array(region).min(1, 'validation.required').max(200), notes: text(2000) })
  .strict();
export const territoryUpdateBody = territoryBody.partial().extend({ version }).strict();
export const territoryOut = z.object({
  id: z.number(),
  name: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  regions: z.array(z.object({ province: z.string(), city: z.string().nullable().optional(), district: z.string().nullable().optional() })),
  notes: z.string().nullable(),
  version: z.number(),
});
export const territoryCustomerOut = z.object({
  id: z.number(),
  name: z.string(),
  archiveNo: z.string(),
  status: z.string(),
  grade: z.string().nullable(),
  ownerName: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  removal: z.object({ reason: z.string(), at: z.string() }).nullable(),
});
export const territoryCustomersOut = z.object({
  territory: territoryOut,
  items: z.array(territoryCustomerOut),
  byGrade: z.array(z.object({ grade: z.string().nullable(), count: z.number() })),
});
export const removalBody = z.object({ customerId: id, reason: z.string().trim().min(2, 'validation.required').max(500) }).strict();
export const customerParams = z.object({ id: z.coerce.number().int().positive(), customerId: z.coerce.number().int().positive() });

export const locationBody = z.object({ lat, lng }).strict();
export const locationOut = z.object({ customerId: z.number(), lat: z.number(), lng: z.number(), source: z.enum(['manual', 'checkin']), updatedAt: z.string() }).nullable();

export const routeBody = z
  .object({
    start: z.object({ lat, lng }).strict().nullable().optional(),
    startCustomerId: id.nullable().optional(),
    customerIds: z.array(id).min(1, 'validation.required').max(50),
  })
  .strict();
const stop = z.object({ customerId: z.number(), name: z.string(), archiveNo: z.string(), address: z.string().nullable(), lat: z.number(), lng: z.number(), legM: z.number(), cumulativeM: z.number() });
export const routeOut = z.object({
  start: z.object({ lat: z.number(), lng: z.number() }),
  stops: z.array(stop),
  totalM: z.number(),
  inputOrderM: z.number(),
  distance: z.enum(['straight', 'road']),
  warning: z.string().nullable(),
  unlocated: z.array(z.object({ customerId: z.number(), name: z.string() })),
  mapTiles: z.string().nullable(),
});

/** The seed form's points per choice, so the form can show the score as the user picks. */
export const scalesOut = z.object({
  quality: z.array(z.object({ value: z.enum(QUALITIES), points: z.number() })),
  service: z.array(z.object({ value: z.enum(SERVICES), points: z.number() })),
  brand: z.array(z.object({ value: z.enum(BRANDS), points: z.number() })),
});
