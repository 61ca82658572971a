import { z } from 'zod';
import { pagingQuery, sortQuery } from '../../platform/http/schemas';
import { AMOUNT_CLASSES, COOPERATION_CLASSES, INDUSTRY_CLASSES, RETURN_KINDS } from './transactions.rules';

/**
 * Route schemas of transactions and returns. Numbers and dates are only type-checked here: their
 * business checks (positive, decimals, real dates) answer 422 naming the field (transactions.rules.ts).
 */
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createBody = z
  .object({
    customerId: id,
    date: z.string().trim().max(20),
    product: text(200),
    model: optionalText(100),
    quantity: z.number(),
    unitPrice: z.number(),
    /** Absent: quantity × unit price. */
    amount: z.number().nullable().optional(),
    salespersonId: id.nullable().optional(),
    contractId: id.nullable().optional(),
    sourceDocNo: optionalText(64),
  })
  .strict();

export const batchItem = z
  .object({
    sourceDocNo: text(64),
    /** The customer by id or by archive number (KH2026-000001). */
    customerId: id.optional(),
    customerArchiveNo: z.string().trim().max(40).optional(),
    date: z.string().trim().max(20),
    product: text(200),
    model: optionalText(100),
    quantity: z.number(),
    unitPrice: z.number(),
    amount: z.number().nullable().optional(),
    /** The salesperson's user name. */
    salesperson: optionalText(60),
    contractNo: optionalText(40),
  })
  .strict()
  .refine((v) => v.customerId !== undefined || v.customerArchiveNo !== undefined, { message: 'transaction.customer_required', path: ['customerId'] });

export const batchBody = z
  .object({
    /** The pushing system's name (ERP, U8 …); document numbers are unique per system. */
    sourceSystem: z.string().trim().min(1, 'validation.required').max(40).regex(/^[A-Za-z0-9._-]+$/),
    items: z.array(batchItem).min(1).max(1000),
  })
  .strict();

export const batchOut = z.object({
  created: z.number(),
  /** Already recorded (same system and document number): left as they were. */
  unchanged: z.number(),
  rejected: z.array(z.object({ index: z.number(), sourceDocNo: z.string(), errors: z.array(z.object({ field: z.string(), message: z.string() })) })),
});

export const listQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    customerId: z.coerce.number().int().positive().optional(),
    salespersonId: z.coerce.number().int().positive().optional(),
    from: z.string().trim().max(10).optional(),
    to: z.string().trim().max(10).optional(),
    sort: sortQuery(['date', 'amount', 'createdAt']),
    ...pagingQuery,
  })
  .strict();

export const transactionOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  date: z.string(),
  product: z.string(),
  model: z.string().nullable(),
  quantity: z.number(),
  /** Yuan with two decimals (stored as whole 分). */
  unitPrice: z.number(),
  amount: z.number(),
  salespersonId: z.number().nullable(),
  salespersonName: z.string().nullable(),
  contractId: z.number().nullable(),
  contractNo: z.string().nullable(),
  sourceSystem: z.string(),
  sourceDocNo: z.string().nullable(),
  createdAt: z.string(),
});

export const returnBody = z
  .object({
    /** The customer, or the transaction it undoes (then the customer is the transaction's). */
    customerId: id.optional(),
    transactionId: id.optional(),
    kind: z.enum(RETURN_KINDS),
    date: z.string().trim().max(20),
    amount: z.number(),
    reason: text(500),
    /** Who is responsible (我方 / 客户 / 承运方 …), as the archive's section 4 asks. */
    responsibleParty: text(100),
  })
  .strict();

export const returnsQuery = z.object({ customerId: z.coerce.number().int().positive().optional(), ...pagingQuery }).strict();

export const returnOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  transactionId: z.number().nullable(),
  transactionDocNo: z.string().nullable(),
  transactionProduct: z.string().nullable(),
  kind: z.enum(RETURN_KINDS),
  date: z.string(),
  amount: z.number(),
  reason: z.string(),
  responsibleParty: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

const amountClass = z.enum(AMOUNT_CLASSES);
export const summaryOut = z.object({
  /** The class by annual purchases (null: no purchases yet) and why, in the caller's language. */
  amountClass: z
    .object({ amountClass, year: z.number(), net: z.number(), largeLine: z.number(), smallLine: z.number(), reason: z.string(), changedAt: z.string(), computedAt: z.string() })
    .nullable(),
  /** Per calendar year (Asia/Shanghai): purchases, returns and discounts, net; in yuan. */
  years: z.array(z.object({ year: z.number(), gross: z.number(), returned: z.number(), net: z.number() })),
  changes: z.array(
    z.object({ at: z.string(), oldClass: amountClass.nullable(), newClass: amountClass.nullable(), cause: z.string(), actorName: z.string().nullable(), reason: z.string().nullable() }),
  ),
  /** The industry class A / B / C and the cooperation-years class (docs/regulations.md §3), with their reasons. */
  industryClass: z.object({ industryClass: z.enum(INDUSTRY_CLASSES), industry: z.string(), listed: z.boolean(), reason: z.string() }).nullable(),
  cooperationClass: z
    .object({ cooperationClass: z.enum(COOPERATION_CLASSES), from: z.string(), years: z.number(), longYears: z.number(), shortYears: z.number(), reason: z.string() })
    .nullable(),
  /** Changes of the industry and cooperation classes, newest first. */
  dimensionChanges: z.array(
    z.object({ at: z.string(), dimension: z.enum(['industry', 'cooperation']), oldClass: z.string().nullable(), newClass: z.string().nullable(), cause: z.string(), actorName: z.string().nullable(), reason: z.string().nullable() }),
  ),
});
