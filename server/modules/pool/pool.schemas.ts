import { z } from 'zod';
import { pagingQuery } from '../../platform/http/schemas';
import { RULE_KINDS } from './pool.rules';

const id = z.number().int().positive();

export const poolOut = z.object({
  id: z.number(),
  name: z.string(),
  departmentId: z.number(),
  departmentName: z.string().nullable(),
  keeperId: z.number(),
  keeperName: z.string().nullable(),
  isDefault: z.boolean(),
  customerCount: z.number(),
});

export const poolCreateBody = z.object({ name: z.string().trim().min(1).max(60), departmentId: id, keeperId: id, isDefault: z.boolean().optional() }).strict();

export const entryQuery = z.object({
  ...pagingQuery,
  q: z.string().trim().max(100).optional(),
  grade: z.string().trim().max(20).optional(),
  rule: z.enum(RULE_KINDS).optional(),
});

export const entryOut = z.object({
  customerId: z.number(),
  name: z.string(),
  archiveNo: z.string(),
  grade: z.string().nullable(),
  industry: z.string().nullable(),
  rule: z.enum(RULE_KINDS),
  reason: z.string(),
  releasedAt: z.string(),
  previousOwnerName: z.string().nullable(),
  /** For the caller: the day they may claim it again, when they were its owner and the cooldown still runs. */
  cooldownUntil: z.string().nullable(),
});

export const poolCreatedOut = z.object({ id: z.number() });

export const claimBody = z.object({ customerId: id }).strict();

export const statusOut = z.object({ claimedToday: z.number(), dailyCap: z.number(), holding: z.number(), holdingCap: z.number(), cooldownDays: z.number(), today: z.string() });

export const customerPoolOut = z.object({
  entry: z.object({ poolId: z.number(), rule: z.string(), reason: z.string(), releasedAt: z.string() }).nullable(),
  watch: z.object({ rule: z.string(), dueDate: z.string(), reason: z.string(), remindedOn: z.string().nullable(), skipReason: z.string().nullable() }).nullable(),
  events: z.array(z.object({ id: z.number(), kind: z.string(), reason: z.string(), at: z.string(), poolName: z.string().nullable(), userName: z.string().nullable() })),
});
