import { z } from 'zod';
import { SEGMENTS } from './loyalty.rules';

export const churnQuery = z
  .object({ ownerId: z.coerce.number().int().positive().optional(), teamId: z.coerce.number().int().positive().optional() })
  .strict();

const customerRef = {
  customerId: z.number().int(),
  customerName: z.string(),
  archiveNo: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
};

export const churnRiskOut = z.object({
  ...customerRef,
  status: z.string(),
  lastVisit: z.string().nullable(),
  since: z.string(),
  monthsSince: z.number().int(),
  riskSince: z.string(),
  atRisk: z.boolean(),
  reason: z.string().nullable(),
  taskId: z.number().int().nullable(),
});
export const churnListOut = z.object({ months: z.number().int(), rows: z.array(churnRiskOut) });

export const reasonBody = z.object({ reason: z.string().max(500) }).strict();

export const lostRowOut = z.object({ ...customerRef, status: z.string(), lastPurchase: z.string(), orders: z.number().int(), amountCents: z.number().int() });
export const lostListOut = z.object({ months: z.number().int(), rows: z.array(lostRowOut) });
export const lostOut = z.object({ customerId: z.number().int(), status: z.literal('lost'), lastPurchase: z.string().nullable(), reason: z.string() });

export const segment = z.enum(SEGMENTS);
export const rfmQuery = z.object({ segment: segment.optional() }).strict();
const scores = {
  lastPurchase: z.string(),
  orders: z.number().int(),
  amountCents: z.number().int(),
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segment,
  valueRank: z.number().int(),
  population: z.number().int(),
};
export const rfmRowOut = z.object({ ...customerRef, ...scores });
export const rfmListOut = z.object({ from: z.string(), to: z.string(), rows: z.array(rfmRowOut) });

export const customerLoyaltyOut = z.object({
  churnRiskMonths: z.number().int(),
  churn: churnRiskOut.omit({ customerName: true, archiveNo: true, ownerId: true, ownerName: true, customerId: true }).nullable(),
  lastPurchase: z.string().nullable(),
  window: z.object({ from: z.string(), to: z.string() }),
  rfm: z.object(scores).nullable(),
});

export const runOut = z.object({ created: z.number().int() });
