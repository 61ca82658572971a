import { z } from 'zod';
import { version } from '../../platform/http/schemas';
import { ROLES } from '../../platform/permissions/roles';

const text = (max: number) => z.string().trim().max(max);

export const localisedName = z
  .object({ 'zh-CN': text(50).min(1, 'validation.required'), 'zh-TW': text(50), en: text(50) })
  .strict();

export const approverSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: z.enum(ROLES), within: z.enum(['department', 'company']) }).strict(),
  z.object({ kind: z.literal('supervisor') }).strict(),
  z.object({ kind: z.literal('department_head') }).strict(),
  z.object({ kind: z.literal('group'), group: z.string().trim().min(1, 'validation.required').max(40), mode: z.enum(['any', 'all']) }).strict(),
]);

export const stepCondition = z
  .object({
    field: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'validation.required'),
    op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']),
    value: z.union([z.string().max(100), z.number(), z.boolean()]),
  })
  .strict();

export const chainStep = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'validation.required'),
    name: localisedName,
    approver: approverSpec,
    when: z.array(stepCondition).max(10).optional(),
    whenAny: z.array(stepCondition).max(10).optional(),
  })
  .strict();

export const chainSave = z.object({ steps: z.array(chainStep).max(20), version }).strict();

export const chainOut = z.object({
  documentType: z.string(),
  label: z.string(),
  /** Condition fields → their label in the reader's language. */
  fieldLabels: z.record(z.string(), z.string()),
  currentVersion: z.number(),
  versions: z.array(
    z.object({
      version: z.number(),
      steps: z.array(chainStep),
      createdAt: z.string().nullable(),
      createdByName: z.string().nullable(),
      builtIn: z.boolean(),
    }),
  ),
});

export const groupKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'validation.required');
const memberIds = z.array(z.number().int().positive()).max(200);
export const groupCreate = z.object({ key: groupKey, name: text(50).min(1, 'validation.required'), memberIds: memberIds.optional() }).strict();
export const groupUpdate = z.object({ name: text(50).min(1, 'validation.required').optional(), memberIds: memberIds.optional(), version }).strict();
export const groupOut = z.object({
  id: z.number(),
  key: z.string(),
  name: z.string(),
  version: z.number(),
  members: z.array(z.object({ id: z.number(), name: z.string(), active: z.boolean() })),
});

export const actionBody = z
  .object({
    action: z.enum(['approve', 'reject', 'return', 'withdraw']),
    comment: text(1000).nullable().optional(),
    toStepKey: z.string().trim().max(40).nullable().optional(),
    version: version.optional(),
  })
  .strict();

export const requestOut = z.object({
  id: z.number(),
  documentType: z.string(),
  documentId: z.number(),
  documentLabel: z.string().optional(),
  title: z.string(),
  link: z.string(),
  applicantId: z.number(),
  applicantName: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'returned', 'withdrawn']),
  chainVersion: z.number(),
  steps: z.array(z.object({ key: z.string(), name: z.string(), approverLabel: z.string(), state: z.enum(['done', 'current', 'waiting']) })),
  currentStepKey: z.string().nullable(),
  currentApprovers: z.array(z.object({ id: z.number(), name: z.string() })),
  canAct: z.array(z.enum(['approve', 'reject', 'return', 'withdraw'])),
  history: z.array(
    z.object({
      id: z.number(),
      round: z.number(),
      stepKey: z.string().nullable(),
      stepName: z.string().nullable(),
      action: z.enum(['submit', 'resubmit', 'approve', 'reject', 'return', 'withdraw']),
      actorId: z.number(),
      actorName: z.string(),
      comment: z.string().nullable(),
      returnedTo: z.string().nullable(),
      at: z.string(),
    }),
  ),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The request's version, to send back with an action (409 when someone acted in between). */
  version: z.number().optional(),
});
