import { z } from 'zod';
import { pagingQuery } from '../http/schemas';

/** One audit entry as `GET /api/audit` sends it; `changes` is { field: [old, new] }. */
export const auditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  /** The record type's name in the reader's language. */
  entityLabel: z.string(),
  /** The record's title or number where its module names it (e.g. the request's title), else null. */
  entityTitle: z.string().nullable(),
  /** Each changed field with its label and its old / new value as the UI shows them (names, labels, masked). */
  display: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const auditQuery = z
  .object({
    actorId: z.coerce.number().int().positive().optional(),
    entityType: z.string().max(50).optional(),
    entityId: z.string().max(100).optional(),
    action: z.string().max(50).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    ...pagingQuery,
  })
  .strict();
