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

export const customerCreditOut = z.object({
  rating: ratingOut.nullable(),
  creditLimitWan: z.number().nullable(),
  paymentTermsDays: z.number().nullable(),
  surveys: z.array(surveyOut),
  risks: z.array(riskOut),
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
