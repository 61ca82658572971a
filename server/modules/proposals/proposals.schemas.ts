import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';
import { CRITERIA, PROPOSAL_SOURCES, PROPOSAL_STATUSES } from './proposals.rules';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullish();
const score = z.number().int().min(0).max(100);

export const proposalBody = z
  .object({
    title: text(200),
    proposedOn: dateString,
    source: z.enum(PROPOSAL_SOURCES),
    proposerId: z.number().int().positive().nullish(),
    customerId: z.number().int().positive().nullish(),
    contactName: optText(100),
    problem: text(4000),
    proposal: text(4000),
    expectedBenefit: text(4000),
    patent: z.boolean().default(false),
    patentNote: optText(1000),
  })
  .strict();
export const proposalUpdateBody = proposalBody.extend({ version }).strict();
export const versionBody = z.object({ version }).strict();

export const scoresSchema = z.object(Object.fromEntries(CRITERIA.map((c) => [c, score])) as Record<(typeof CRITERIA)[number], typeof score>).strict();
export const reviewBody = z.object({ scores: scoresSchema, comment: optText(2000) }).strict();
export const approvalBody = z.object({ comment: optText(2000) }).strict();
export const implementBody = z.object({ departmentId: z.number().int().positive(), due: dateString, version }).strict();
export const reportBody = z
  .object({ doneOn: dateString, motivation: text(4000), before: text(4000), after: text(4000), method: text(4000), benefit: text(4000), conclusion: text(4000), version })
  .strict();
export const rewardBody = z
  .object({ amountCents: z.number().int().min(0).max(1e12), form: text(100), decidedBy: z.number().int().positive(), on: dateString.nullish(), version })
  .strict();

export const listQuery = z.object({
  ...pagingQuery,
  status: z.enum(PROPOSAL_STATUSES).optional(),
  source: z.enum(PROPOSAL_SOURCES).optional(),
  customerId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
});

const reviewOut = z.object({
  id: z.number(),
  reviewerId: z.number(),
  reviewerName: z.string().nullable(),
  scores: scoresSchema,
  weights: scoresSchema,
  total: z.string(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});

export const proposalOut = z.object({
  id: z.number(),
  title: z.string(),
  proposedOn: z.string(),
  source: z.enum(PROPOSAL_SOURCES),
  proposerId: z.number().nullable(),
  proposerName: z.string().nullable(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  customerArchiveNo: z.string().nullable(),
  contactName: z.string().nullable(),
  problem: z.string(),
  proposal: z.string(),
  expectedBenefit: z.string(),
  patent: z.boolean(),
  patentNote: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  /** The average of the reviewers' totals, one decimal ("77.0"); null before the first assessment. */
  score: z.string().nullable(),
  reviewCount: z.number(),
  implDepartmentId: z.number().nullable(),
  implDepartmentName: z.string().nullable(),
  implDue: z.string().nullable(),
  implDoneOn: z.string().nullable(),
  report: z.object({ motivation: z.string(), before: z.string(), after: z.string(), method: z.string(), benefit: z.string(), conclusion: z.string() }).nullable(),
  reward: z.object({ amountCents: z.number(), form: z.string(), decidedById: z.number(), decidedByName: z.string().nullable(), on: z.string().nullable() }).nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export const proposalDetailOut = proposalOut.extend({ reviews: z.array(reviewOut) });
export const weightsOut = z.object({ weights: scoresSchema });
