import { z } from 'zod';
import { pagingQuery, sortQuery } from '../../platform/http/schemas';
import { BUSINESS_TYPES, CONTRACT_STATUSES, CURRENCIES } from './contracts.rules';

/**
 * Route schemas of contracts. Amounts and dates are only type-checked here: their business checks
 * (positive, two decimals, real dates, end after start) answer 422 naming the field (contracts.rules.ts).
 */
const id = z.number().int().positive();
export const contractFields = {
  customerId: id,
  /** Blank or absent: numbered HT<year>-NNNN automatically. */
  contractNo: z.string().trim().max(40).nullable().optional(),
  title: z.string().trim().min(1, 'validation.required').max(200),
  amount: z.number(),
  currency: z.enum(CURRENCIES).optional(),
  signingDate: z.string().trim().max(20).nullable().optional(),
  startDate: z.string().trim().max(20),
  endDate: z.string().trim().max(20),
  terms: z.string().trim().max(20_000).nullable().optional(),
  signerId: id,
  /** What it books (docs/regulations.md §13): the resource's capacity is checked before signing. */
  businessType: z.enum(BUSINESS_TYPES).nullable().optional(),
  resource: z.string().trim().max(60).nullable().optional(),
  quantity: z.number().int().positive().max(100_000_000).nullable().optional(),
};

export const createBody = z.object(contractFields).strict();
export const updateBody = z
  .object({
    ...contractFields,
    customerId: id.optional(),
    title: contractFields.title.optional(),
    amount: contractFields.amount.optional(),
    startDate: contractFields.startDate.optional(),
    endDate: contractFields.endDate.optional(),
    signerId: id.optional(),
    version: z.number({ error: 'validation.version' }).int().min(0),
  })
  .strict();

export const listQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    customerId: z.coerce.number().int().positive().optional(),
    status: z.enum(CONTRACT_STATUSES).optional(),
    signerId: z.coerce.number().int().positive().optional(),
    /** Effective contracts ending within this many days from today (Asia/Shanghai). */
    expiringWithinDays: z.coerce.number().int().min(0).max(3660).optional(),
    sort: sortQuery(['contractNo', 'signingDate', 'startDate', 'endDate', 'amount', 'createdAt']),
    ...pagingQuery,
  })
  .strict();

export const customerContractsQuery = z.object({ status: z.enum(CONTRACT_STATUSES).optional(), ...pagingQuery }).strict();

export const contractOut = z.object({
  id: z.number(),
  contractNo: z.string(),
  title: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  /** In currency units with two decimals (stored as whole 分). */
  amount: z.number(),
  currency: z.string(),
  signingDate: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  terms: z.string().nullable(),
  signerId: z.number(),
  signerName: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES),
  /** Decided at signing: why it went to approval. */
  exceedsLimit: z.boolean().nullable(),
  exceedsTerm: z.boolean().nullable(),
  signedAt: z.string().nullable(),
  effectiveAt: z.string().nullable(),
  terminationReason: z.string().nullable(),
  terminatedAt: z.string().nullable(),
  terminatedByName: z.string().nullable(),
  createdByName: z.string().nullable(),
  businessType: z.enum(BUSINESS_TYPES).nullable(),
  resource: z.string().nullable(),
  quantity: z.number().nullable(),
  /** Where the signed original is kept. */
  filingLocation: z.string().nullable(),
  /** Decided at signing: over a booked resource's capacity (→ the manager's approval). */
  overCapacity: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const authorityOut = z.object({
  within: z.boolean(),
  exceedsLimit: z.boolean(),
  exceedsTerm: z.boolean(),
  /** 万元; null = no limit (the director). */
  limitWan: z.number().nullable(),
  amountCny: z.number(),
  termMonths: z.number(),
  maxTermMonths: z.number().nullable(),
});

export const contractDetailOut = contractOut.extend({
  /** The signer's authority as the rules judge it now (shown on a draft before signing). */
  authority: authorityOut,
  /** The capacity check as it stands now (a warning before signing); null when the contract books no resource. */
  capacity: z.object({ overCapacity: z.boolean(), day: z.string().nullable(), capacity: z.number().nullable(), booked: z.number().nullable() }).nullable(),
  /** The caller is the named signer and the contract is a draft. */
  canSign: z.boolean(),
  /** The last reject / return of its approval, so a draft sent back shows why. */
  lastDecision: z.object({ action: z.string(), comment: z.string().nullable(), actorName: z.string(), at: z.string() }).nullable(),
});

export const signersOut = z.object({ items: z.array(z.object({ id: z.number(), displayName: z.string(), roles: z.array(z.string()) })) });

export const filingBody = z.object({ filingLocation: z.string().trim().max(200).nullable(), version: z.number({ error: 'validation.version' }).int().min(0) }).strict();

export const bookingBody = z
  .object({
    customerId: id,
    businessType: z.enum(BUSINESS_TYPES),
    quantity: z.number().int().positive().max(100_000_000),
    day: z.string().trim().max(20),
    resource: z.string().trim().max(60).nullable().optional(),
    contractId: id.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();

export const bookingOut = z.object({
  id: z.number(),
  customerId: z.number(),
  businessType: z.enum(BUSINESS_TYPES),
  quantity: z.number(),
  day: z.string(),
  resource: z.string().nullable(),
  contractId: z.number().nullable(),
  contractNo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const capacityBody = z
  .object({
    resource: z.string().trim().min(1, 'validation.required').max(60),
    /** null: the resource's capacity on any day. */
    day: z.string().trim().max(20).nullable(),
    /** null removes the capacity. */
    capacity: z.number().int().min(0).max(100_000_000).nullable(),
  })
  .strict();

export const capacitiesOut = z.object({ items: z.array(z.object({ resource: z.string(), day: z.string().nullable(), capacity: z.number() })) });
