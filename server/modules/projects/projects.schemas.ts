import { z } from 'zod';
import { dateString, instant, pagingQuery, version } from '../../platform/http/schemas';

const text = (max: number) => z.string().trim().min(1).max(max);
const money = z.number().min(0);
const optText = (max: number) => z.string().trim().max(max).nullish();

export const memberIn = z.object({ userId: z.number().int().positive(), role: text(40) });
export const contactIn = z.object({ name: text(60), position: optText(60), role: text(40) });

export const createProjectBody = z.object({
  customerId: z.number().int().positive(),
  title: text(200),
  goals: text(4000),
  members: z.array(memberIn).max(50).default([]),
  contacts: z.array(contactIn).max(50).default([]),
});
export const updateProjectBody = z.object({
  title: text(200).optional(),
  goals: text(4000).optional(),
  members: z.array(memberIn).max(50).optional(),
  contacts: z.array(contactIn).max(50).optional(),
  version,
});
export const listQuery = z.object({
  ...pagingQuery,
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'accepted', 'closed']).optional(),
  customerId: z.coerce.number().int().positive().optional(),
});

export const milestoneBody = z.object({ title: text(200), plannedStart: dateString, plannedEnd: dateString, costPlanned: money });
export const milestoneUpdateBody = z.object({
  title: text(200).optional(),
  plannedStart: dateString.optional(),
  plannedEnd: dateString.optional(),
  costPlanned: money.optional(),
  actualStart: dateString.nullish(),
  actualEnd: dateString.nullish(),
  costActual: money.optional(),
  qualityNote: optText(2000),
  version,
});
export const confirmBody = z.object({
  confirmedBy: text(60),
  confirmedOn: dateString,
  method: z.enum(['signature', 'email', 'meeting', 'phone']),
  note: optText(1000),
  version,
});
export const taskBody = z.object({ title: text(200), milestoneId: z.number().int().positive().nullish(), assigneeId: z.number().int().positive().nullish(), dueDate: dateString.nullish() });
export const taskStatusBody = z.object({ status: z.enum(['open', 'done']), version });
export const meetingBody = z.object({ heldOn: dateString, attendees: text(1000), minutes: text(8000), decisions: optText(4000) });
export const changeBody = z.object({
  title: text(200),
  reason: text(4000),
  milestones: z.array(z.object({ milestoneId: z.number().int().positive(), plannedStart: dateString, plannedEnd: dateString, costPlanned: money })).max(100),
});
export const acceptBody = z.object({ signedBy: text(60), signedOn: dateString, conclusion: z.enum(['passed', 'conditional', 'failed']), note: optText(4000), version });
export const closeBody = z.object({ summary: text(8000), lessons: optText(8000), version });

export const itemParams = z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });

export const projectSummaryOut = z.object({
  id: z.number(),
  title: z.string(),
  status: z.string(),
  customerId: z.number(),
  customerName: z.string().nullable(),
  leadId: z.number(),
  leadName: z.string().nullable(),
  planVersion: z.number(),
  createdAt: instant,
  version: z.number(),
});

const milestoneOut = z.object({
  id: z.number(),
  title: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  costPlanned: z.number(),
  costActual: z.number(),
  qualityNote: z.string().nullable(),
  confirmed: z.boolean(),
  /** Confirmed once, changed since: awaiting the customer's confirmation again. */
  reconfirmNeeded: z.boolean(),
  confirmation: z.object({ confirmedBy: z.string(), confirmedOn: z.string(), method: z.string() }).nullable(),
  overdue: z.boolean(),
  slipDays: z.number(),
  version: z.number(),
});

export const projectOut = projectSummaryOut.extend({
  goals: z.string(),
  teamId: z.number().nullable(),
  members: z.array(z.object({ userId: z.number(), name: z.string(), role: z.string() })),
  contacts: z.array(z.object({ name: z.string(), position: z.string().nullable(), role: z.string() })),
  milestones: z.array(milestoneOut),
  confirmations: z.array(z.object({ milestoneId: z.number(), confirmedBy: z.string(), confirmedOn: z.string(), method: z.string(), plannedStart: z.string(), plannedEnd: z.string(), recordedByName: z.string().nullable() })),
  tasks: z.array(z.object({ id: z.number(), milestoneId: z.number().nullable(), title: z.string(), assigneeId: z.number().nullable(), assigneeName: z.string().nullable(), dueDate: z.string().nullable(), status: z.string(), version: z.number() })),
  meetings: z.array(z.object({ id: z.number(), heldOn: z.string(), attendees: z.string(), minutes: z.string(), decisions: z.string().nullable(), authorName: z.string().nullable() })),
  changes: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      reason: z.string(),
      status: z.string(),
      scheduleDays: z.number(),
      cost: z.number(),
      milestones: z.array(z.object({ milestoneId: z.number(), plannedStart: z.string(), plannedEnd: z.string(), costPlanned: z.number() })),
      requestedByName: z.string().nullable(),
      planVersion: z.number().nullable(),
      createdAt: instant,
      decidedAt: instant.nullable(),
    }),
  ),
  planVersions: z.array(
    z.object({
      versionNo: z.number(),
      changeId: z.number().nullable(),
      createdAt: instant,
      milestones: z.array(z.object({ id: z.number(), title: z.string(), plannedStart: z.string(), plannedEnd: z.string(), costPlanned: z.number(), confirmed: z.boolean() })),
    }),
  ),
  monitoring: z.object({
    milestones: z.number(),
    done: z.number(),
    overdue: z.number(),
    unconfirmed: z.number(),
    costPlanned: z.number(),
    costActual: z.number(),
    costVariance: z.number(),
    maxSlipDays: z.number(),
  }),
  acceptance: z.object({ signedBy: z.string(), signedOn: z.string(), conclusion: z.string(), note: z.string().nullable() }).nullable(),
  review: z.object({ summary: z.string(), lessons: z.string().nullable(), closedAt: instant.nullable(), closedByName: z.string().nullable() }).nullable(),
  today: z.string(),
});
