import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';
import { BANK_RATINGS, OUTCOMES, PAYMENT_RECORDS, RISK_CATEGORIES, RISK_LEVELS } from './credit.rules';

/** Route schemas of credit surveys and the risk register (docs/regulations.md §5). */
const wan = z.number().min(0).max(1e7);
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const grade = z.number().int().min(1).max(5);

export const surveyBody = z
  .object({
    surveyDate: dateString,
    registeredCapitalWan: wan,
    yearsInBusiness: z.number().min(0).max(200),
    paymentRecord: z.enum(PAYMENT_RECORDS),
    overdueWan: wan,
    bankRating: z.enum(BANK_RATINGS),
    legalRepresentative: text(50),
    mainBusiness: text(500),
    bankName: text(100),
    bankAccount: text(50),
    annualRevenueWan: wan.nullable().optional(),
    notes: text(5000),
    creditLimitWan: wan.nullable().optional(),
    paymentTermsDays: z.number().int().min(0).max(3650).nullable().optional(),
  })
  .strict();

const riskFields = {
  customerId: z.number().int().positive(),
  category: z.enum(RISK_CATEGORIES),
  title: z.string().trim().min(1, 'validation.required').max(200),
  description: text(5000),
  likelihood: grade,
  impact: grade,
  response: text(5000),
};
export const riskCreateBody = z.object(riskFields).strict();
export const riskUpdateBody = z
  .object({
    category: riskFields.category.optional(),
    title: riskFields.title.optional(),
    description: riskFields.description,
    likelihood: grade.optional(),
    impact: grade.optional(),
    response: riskFields.response,
    version,
  })
  .strict();
export const riskCloseBody = z.object({ outcome: z.enum(OUTCOMES), note: text(2000), version }).strict();

export const riskListQuery = z
  .object({
    customerId: z.coerce.number().int().positive().optional(),
    level: z.enum(RISK_LEVELS).optional(),
    category: z.enum(RISK_CATEGORIES).optional(),
    status: z.enum(['open', 'closed']).optional(),
    likelihood: z.coerce.number().int().min(1).max(5).optional(),
    impact: z.coerce.number().int().min(1).max(5).optional(),
    ...pagingQuery,
  })
  .strict();

const points = z.object({ registeredCapital: z.number(), yearsInBusiness: z.number(), paymentRecord: z.number(), overdueAmount: z.number(), bankRating: z.number() });
export const ratingOut = z.object({ score: z.number(), label: z.string(), limitWan: z.number(), termDays: z.number(), points });

export const surveyOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  surveyDate: z.string(),
  registeredCapitalWan: z.number(),
  yearsInBusiness: z.number(),
  paymentRecord: z.enum(PAYMENT_RECORDS),
  overdueWan: z.number(),
  bankRating: z.enum(BANK_RATINGS),
  legalRepresentative: z.string().nullable(),
  mainBusiness: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  annualRevenueWan: z.number().nullable(),
  notes: z.string().nullable(),
  /** What was agreed (null = the band's suggestion) and what applies. */
  agreedLimitWan: z.number().nullable(),
  agreedTermsDays: z.number().nullable(),
  creditLimitWan: z.number(),
  paymentTermsDays: z.number(),
  rating: ratingOut,
  surveyedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const riskOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  category: z.enum(RISK_CATEGORIES),
  title: z.string(),
  description: z.string().nullable(),
  likelihood: z.number(),
  impact: z.number(),
  level: z.enum(RISK_LEVELS),
  response: z.string().nullable(),
  assessedOn: z.string(),
  reviewDue: z.string().nullable(),
  reviewTaskId: z.number().nullable(),
  status: z.enum(['open', 'closed']),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});


export const matrixOut = z.object({
  matrix: z.array(z.array(z.enum(RISK_LEVELS))),
  cells: z.array(z.object({ likelihood: z.number(), impact: z.number(), count: z.number() })),
});

export const accuracyOut = z.object({
  rows: z.array(z.object({ level: z.enum(RISK_LEVELS), closed: z.number(), occurred: z.number(), notOccurred: z.number(), correct: z.number() })),
  closed: z.number(),
  correct: z.number(),
  accuracyPct: z.number().nullable(),
  targetPct: z.number(),
  meetsTarget: z.boolean().nullable(),
});

export const rulesOut = z.object({ ratingRules: z.unknown(), matrix: z.array(z.array(z.enum(RISK_LEVELS))), reviewDays: z.number(), targetPct: z.number() });

// Receivables 应收账款 (docs/regulations.md §5): amounts in 元 with two decimals at most, kept in 分.
const yuanAmount = z.number().min(0).max(1e11);
const docNo = z.string().trim().min(1, 'validation.required').max(64);

export const receivableBody = z
  .object({ customerId: z.number().int().positive(), docNo, amount: yuanAmount, dueDate: dateString, paidAmount: yuanAmount.optional(), paidDate: dateString.nullable().optional(), notes: text(500) })
  .strict();
export const receivableUpdateBody = z
  .object({ amount: yuanAmount.optional(), dueDate: dateString.optional(), paidAmount: yuanAmount.optional(), paidDate: dateString.nullable().optional(), notes: text(500), version })
  .strict();
export const receivablePushBody = z
  .object({
    source: z.string().trim().min(1).max(40),
    items: z
      .array(
        z
          .object({
            docNo,
            customerId: z.number().int().positive().optional(),
            customerArchiveNo: z.string().trim().min(1).max(40).optional(),
            amount: yuanAmount,
            dueDate: dateString,
            paidAmount: yuanAmount.optional(),
            paidDate: dateString.nullable().optional(),
            notes: text(500),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export const receivablePushOut = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.array(z.object({ index: z.number(), docNo: z.string(), errors: z.array(z.object({ field: z.string(), message: z.string() })) })),
});
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const receivableListQuery = z
  .object({ customerId: z.coerce.number().int().positive().optional(), overdue: flag.optional(), open: flag.optional(), ...pagingQuery })
  .strict();

export const RECEIVABLE_STATES = ['overdue', 'open', 'paid'] as const;
export const receivableOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  ownerName: z.string().nullable(),
  docNo: z.string(),
  source: z.string(),
  amount: z.number(),
  dueDate: z.string(),
  paidAmount: z.number(),
  paidDate: z.string().nullable(),
  outstanding: z.number(),
  state: z.enum(RECEIVABLE_STATES),
  overdueDays: z.number(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const ratingChangeOut = z.object({
  at: z.string(),
  oldLabel: z.string().nullable(),
  newLabel: z.string(),
  computedLabel: z.string(),
  levelsDown: z.number(),
  overdueAmount: z.number(),
  overdueDays: z.number(),
  reason: z.string(),
  cause: z.string(),
  actorName: z.string().nullable(),
});
/** The rating in force when overdue receivables lower the rating table's result; null when they do not. */
export const ratingAdjustmentOut = z.object({ computedLabel: z.string(), levelsDown: z.number(), overdueAmount: z.number(), overdueDays: z.number(), reason: z.string().nullable() });

export const customerCreditOut = z.object({
  /** The rating in force: the rating table's result, lowered while receivables are overdue (docs/regulations.md §5). */
  rating: ratingOut.nullable(),
  adjustment: ratingAdjustmentOut.nullable(),
  ratingHistory: z.array(ratingChangeOut),
  creditLimitWan: z.number().nullable(),
  paymentTermsDays: z.number().nullable(),
  surveys: z.array(surveyOut),
  risks: z.array(riskOut),
});
