import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';
import { CATEGORIES, DIRECTIONS, EVENT_KINDS } from './callcentre.rules';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const isoInstant = z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), 'validation.date');
const phone = z.string().trim().min(3, 'validation.required').max(30).regex(/^[+\d\s()-]+$/, 'validation.phone');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.date');

/** What a telephony system posts (Asterisk/FreeSWITCH CDR hook or a cloud call centre's webhook), signed. */
export const eventBody = z
  .object({
    callId: z.string().trim().min(1).max(100),
    event: z.enum(EVENT_KINDS),
    direction: z.enum(DIRECTIONS).default('inbound'),
    number: phone,
    agent: z.string().trim().min(1).max(64), // the agent's username
    at: isoInstant,
    durationSec: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();
export type EventBody = z.infer<typeof eventBody>;

export const callBody = z
  .object({
    direction: z.enum(DIRECTIONS),
    phone,
    customerId: id.nullable().optional(),
    startedAt: isoInstant,
    durationSec: z.number().int().min(0).max(86_400).nullable().optional(),
    category: z.enum(CATEGORIES),
    summary: z.string().trim().min(1, 'validation.required').max(4000),
    result: z.string().trim().min(1, 'validation.required').max(2000),
    followUp: text(2000),
    listItemId: id.optional(),
  })
  .strict();
export type CallBody = z.infer<typeof callBody>;

export const recordBody = z
  .object({
    customerId: id.nullable().optional(),
    category: z.enum(CATEGORIES),
    summary: z.string().trim().min(1, 'validation.required').max(4000),
    result: z.string().trim().min(1, 'validation.required').max(2000),
    followUp: text(2000),
    version,
  })
  .strict();
export type RecordBody = z.infer<typeof recordBody>;

export const callListQuery = z
  .object({
    ...pagingQuery,
    agentId: z.coerce.number().int().positive().optional(),
    customerId: z.coerce.number().int().positive().optional(),
    category: z.enum(CATEGORIES).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    month: month.optional(),
  })
  .strict();

export const toComplaintBody = z.object({ category: z.string().trim().min(1, 'validation.required').max(20), severity: z.enum(['general', 'major', 'serious']), content: text(4000) }).strict();
export const toTaskBody = z.object({ title: z.string().trim().min(1).max(200).optional(), assigneeId: id.optional(), dueDate: dateString }).strict();
export const toVisitBody = z.object({ contactName: text(50) }).strict();

export const listBody = z
  .object({
    source: z.enum(['cadence', 'manual']),
    weekOf: dateString.optional(),
    agentIds: z.array(id).min(1).max(50),
    customerIds: z.array(id).max(500).optional(),
  })
  .strict();

export const scoreBody = z.object({ scores: z.record(z.string(), z.number().int().min(0).max(100)), comment: text(2000) }).strict();
export const disputeBody = z.object({ reason: z.string().trim().min(1, 'validation.required').max(2000) }).strict();
export const resolveBody = z.object({ upheld: z.boolean(), reply: z.string().trim().min(1, 'validation.required').max(2000), scores: z.record(z.string(), z.number().int().min(0).max(100)).optional() }).strict();
export const monthQuery = z.object({ month, agentId: z.coerce.number().int().positive().optional() }).strict();

export const callOut = z.object({
  id: z.number(),
  callRef: z.string().nullable(),
  direction: z.enum(DIRECTIONS),
  phone: z.string().nullable(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  customerArchiveNo: z.string().nullable(),
  agentId: z.number(),
  agentName: z.string().nullable(),
  startedAt: z.string(),
  durationSec: z.number().nullable(),
  category: z.enum(CATEGORIES).nullable(),
  summary: z.string().nullable(),
  result: z.string().nullable(),
  followUp: z.string().nullable(),
  recordedAt: z.string().nullable(),
  complete: z.boolean(),
  complaintId: z.number().nullable(),
  taskId: z.number().nullable(),
  visitId: z.number().nullable(),
  qaScoreId: z.number().nullable(),
  qaTotal: z.number().nullable(),
  version: z.number(),
});

export const qaItemOut = z.object({ key: z.string(), label: z.string(), weight: z.number(), score: z.number() });
export const scoreOut = z.object({
  id: z.number(),
  callId: z.number(),
  agentId: z.number(),
  agentName: z.string().nullable(),
  scorerId: z.number(),
  scorerName: z.string().nullable(),
  month: z.string(),
  items: z.array(qaItemOut),
  total: z.number(),
  comment: z.string().nullable(),
  disputeReason: z.string().nullable(),
  disputeStatus: z.enum(['none', 'open', 'upheld', 'rejected']),
  disputeReply: z.string().nullable(),
  callStartedAt: z.string(),
  version: z.number(),
});

export const listItemOut = z.object({
  id: z.number(),
  listId: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  agentId: z.number(),
  agentName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
  callId: z.number().nullable(),
});
export const listOut = z.object({ id: z.number(), name: z.string(), source: z.string(), weekStart: z.string(), createdAt: z.string(), items: z.array(listItemOut).optional() });
