import { z } from 'zod';
import { dateString, pagingQuery, sortQuery } from '../../platform/http/schemas';
import { LEDGER_KINDS } from './membership.rules';

/** Route schemas of membership (docs/regulations.md §3). */
export const enrolBody = z
  .object({ customerId: z.number().int().positive().optional(), individualId: z.number().int().positive().optional(), joinedOn: dateString.optional() })
  .strict();
export const adjustBody = z
  .object({ points: z.number().int().min(-1e9).max(1e9), reason: z.string().trim().min(2, 'validation.required').max(500) })
  .strict();
export const redeemBody = z.object({ giftKey: z.string().min(1).max(30), quantity: z.number().int().min(1).max(1000).default(1) }).strict();

export const memberListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    tier: z.string().max(30).optional(),
    holder: z.enum(['customer', 'individual']).optional(),
    sort: sortQuery(['memberNo', 'joinedOn', 'balance']),
    ...pagingQuery,
  })
  .strict();

const label = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });
export const tierOut = z.object({ key: z.string(), label: z.string(), minPoints: z.number() });

export const memberOut = z.object({
  id: z.number(),
  memberNo: z.string(),
  holderKind: z.enum(['customer', 'individual']),
  customerId: z.number().nullable(),
  individualId: z.number().nullable(),
  holderName: z.string(),
  holderNo: z.string().nullable(),
  tier: z.string(),
  tierLabel: z.string(),
  balance: z.number(),
  accumulated: z.number(),
  nextTier: tierOut.nullable(),
  pointsToNextTier: z.number().nullable(),
  joinedOn: z.string(),
  version: z.number(),
});

export const ledgerEntryOut = z.object({
  id: z.number(),
  kind: z.enum(LEDGER_KINDS),
  points: z.number(),
  occurredOn: z.string(),
  sourceKind: z.enum(['transaction', 'return']).nullable(),
  sourceId: z.number().nullable(),
  amount: z.number().nullable(),
  giftName: z.string().nullable(),
  quantity: z.number().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const tierChangeOut = z.object({
  id: z.number(),
  oldTier: z.string().nullable(),
  oldTierLabel: z.string().nullable(),
  newTier: z.string(),
  newTierLabel: z.string(),
  points: z.number(),
  cause: z.string(),
  reason: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const memberDetailOut = memberOut.extend({ ledger: z.array(ledgerEntryOut), tierChanges: z.array(tierChangeOut) });
export const customerMembershipOut = z.object({ member: memberOut.nullable() });

export const distributionOut = z.object({ tiers: z.array(z.object({ tier: z.string(), label: z.string(), minPoints: z.number(), count: z.number() })) });

export const rulesOut = z.object({
  tiers: z.array(z.object({ key: z.string(), minPoints: z.number(), label })),
  gifts: z.array(z.object({ key: z.string(), points: z.number(), label })),
  pointsPerYuan: z.number(),
  validityYears: z.number(),
  tierDownAtYearEnd: z.boolean(),
});

export const processOut = z.object({ written: z.number() });
