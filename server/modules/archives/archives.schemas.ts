import { z } from 'zod';
import { dateString } from '../../platform/http/schemas';
import { CORRESPONDENCE_KINDS, DIRECTIONS } from './archives.rules';

const text = (max: number) => z.string().trim().min(1).max(max);

export const materialParams = z.object({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() });
export const levelBody = z.object({ level: text(20) }).strict();
export const levelsOut = z.object({ levels: z.array(z.string()), approvalAbove: z.string(), grantHours: z.number(), loanDays: z.number() });

export const materialOut = z.object({
  attachmentId: z.number(),
  kind: z.string(),
  filename: z.string(),
  createdAt: z.string(),
  level: z.string(),
  needsApproval: z.boolean(),
});

export const correspondenceBody = z
  .object({
    kind: z.enum(CORRESPONDENCE_KINDS),
    direction: z.enum(DIRECTIONS),
    subject: text(200),
    counterpart: z.string().trim().max(100).nullish(),
    datedOn: dateString,
    attachmentId: z.number().int().positive(),
  })
  .strict();
export const correspondenceOut = z.object({
  id: z.number(),
  indexNo: z.number(),
  kind: z.string(),
  direction: z.string(),
  subject: z.string(),
  counterpart: z.string().nullable(),
  datedOn: z.string(),
  attachmentId: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const loanQuery = z
  .object({
    customerId: z.coerce.number().int().positive().optional(),
    state: z.enum(['all', 'open', 'overdue']).default('all'),
  })
  .strict();
export const loanBody = z
  .object({
    customerId: z.number().int().positive(),
    attachmentId: z.number().int().positive().nullish(),
    material: z.string().trim().max(200).nullish(),
    borrowerId: z.number().int().positive(),
    lentOn: dateString.nullish(),
    dueOn: dateString.nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();
export const returnBody = z.object({ returnedOn: dateString.nullish() }).strict();
export const loanOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  attachmentId: z.number().nullable(),
  material: z.string(),
  borrowerId: z.number(),
  borrowerName: z.string().nullable(),
  lentByName: z.string().nullable(),
  lentOn: z.string(),
  dueOn: z.string(),
  returnedOn: z.string().nullable(),
  overdue: z.boolean(),
  note: z.string().nullable(),
});

export const downloadRequestBody = z.object({ customerId: z.number().int().positive(), attachmentId: z.number().int().positive(), reason: text(500) }).strict();
export const downloadRequestOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  attachmentId: z.number(),
  level: z.string(),
  reason: z.string(),
  status: z.string(),
  grantedUntil: z.string().nullable(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
});
