import { z } from 'zod';
import { dateString, version } from '../../platform/http/schemas';
import { PLAN_KINDS, PLAN_STATUSES } from './visits.plans.rules';
import { METHODS } from './visits.rules';

/** Route schemas of visit plans 回访计划表 (docs/regulations.md §8). */
const id = z.number().int().positive();

export const planCreateBody = z.object({ kind: z.enum(PLAN_KINDS), period: z.string().trim().max(10), notes: z.string().trim().max(2000).nullable().optional() }).strict();

export const planLineBody = z
  .object({
    id: id.nullable().optional(),
    customerId: id,
    plannedOn: dateString,
    purpose: z.string().trim().min(1, 'validation.required').max(500),
    method: z.enum(METHODS),
    place: z.string().trim().max(200).nullable().optional(),
    /** Yuan with two decimals; kept in fen. On-site visits only. */
    expectedCost: z.number().min(0).max(10_000_000).nullable().optional(),
  })
  .strict();
export const planUpdateBody = z.object({ notes: z.string().trim().max(2000).nullable().optional(), lines: z.array(planLineBody).max(300), version }).strict();
export const planSubmitBody = z.object({ version, comment: z.string().trim().max(2000).nullable().optional() }).strict();

export const planListQuery = z
  .object({
    authorId: z.coerce.number().int().positive().optional(),
    mine: z.enum(['1', '0']).optional(),
    kind: z.enum(PLAN_KINDS).optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    period: z.string().trim().max(10).optional(),
  })
  .strict();

export const planLineOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  plannedOn: z.string(),
  purpose: z.string(),
  method: z.enum(METHODS),
  place: z.string().nullable(),
  expectedCost: z.number().nullable(),
  done: z.boolean(),
  visitId: z.number().nullable(),
});

const planBase = {
  id: z.number(),
  authorId: z.number(),
  authorName: z.string().nullable(),
  kind: z.enum(PLAN_KINDS),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  status: z.enum(PLAN_STATUSES),
  notes: z.string().nullable(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  approvedAt: z.string().nullable(),
  version: z.number(),
};
export const planSummaryOut = z.object({ ...planBase, lineCount: z.number(), doneCount: z.number() });
export const planOut = z.object({
  ...planBase,
  lines: z.array(planLineOut),
  totalExpectedCost: z.number(),
  onSiteDays: z.number(),
  warnings: z.array(z.string()),
});
export const planListOut = z.object({ items: z.array(planSummaryOut) });

export const suggestionsOut = z.object({
  items: z.array(
    z.object({
      customerId: z.number(),
      name: z.string(),
      archiveNo: z.string(),
      grade: z.string().nullable(),
      cadence: z.enum(['due', 'overdue']).nullable(),
      overdueDays: z.number(),
      dueDate: z.string().nullable(),
    }),
  ),
});
export const openLinesQuery = z.object({ customerId: z.coerce.number().int().positive() }).strict();
export const openLinesOut = z.object({ items: z.array(planLineOut.extend({ planKind: z.enum(PLAN_KINDS), planPeriod: z.string() })) });
