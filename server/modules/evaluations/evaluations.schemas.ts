import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';
import { EVALUATION_STATUSES, OUR_LEVELS, RECOMMENDATIONS } from './evaluations.rules';

/** Route schemas of relationship evaluation (docs/regulations.md §4). The 100 % rule answers 422 from the service. */
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const indicatorIn = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(100),
    weight: z.number().int().min(1).max(100),
    basis: z.string().trim().min(1, 'validation.required').max(500),
  })
  .strict();

export const templateBody = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(100),
    description: text(500),
    indicators: z.array(indicatorIn).min(1).max(30),
  })
  .strict();
export const templateUpdateBody = templateBody.extend({ version }).strict();

export const templateListQuery = z.object({ includeSuperseded: z.enum(['true', 'false']).optional() }).strict();

export const indicatorOut = z.object({ id: z.number(), position: z.number(), name: z.string(), weight: z.number(), basis: z.string() });
export const templateOut = z.object({
  id: z.number(),
  familyId: z.number(),
  versionNo: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['active', 'superseded']),
  builtin: z.boolean(),
  /** Used by an evaluation: frozen, an edit makes a new version. */
  used: z.boolean(),
  indicators: z.array(indicatorOut),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const bandsOut = z.object({ maintainMin: z.number(), terminateBelow: z.number() });
/** The form shows the live recommendation while scoring, so the bands come with the scorecards. */
export const templatesOut = z.object({ items: z.array(templateOut), bands: bandsOut });

export const scoreIn = z
  .object({
    indicatorId: id,
    score: z.number().int().min(0).max(100),
    basis: text(1000),
  })
  .strict();

export const strengtheningIn = z
  .object({
    level: z.enum(OUR_LEVELS),
    influence: text(500),
    competitorTie: text(500),
    responsible: text(100),
    measures: text(1000),
    timing: text(200),
  })
  .strict();

const evaluationFields = {
  customerId: id,
  templateId: id,
  evaluatedOn: dateString,
  conclusion: text(2000),
  scores: z.array(scoreIn).min(1).max(30),
  strengthening: z.array(strengtheningIn).max(OUR_LEVELS.length).optional(),
};
export const createBody = z.object(evaluationFields).strict();
export const updateBody = z
  .object({
    templateId: id.optional(),
    evaluatedOn: dateString.optional(),
    conclusion: evaluationFields.conclusion,
    scores: evaluationFields.scores.optional(),
    strengthening: evaluationFields.strengthening,
    version,
  })
  .strict();

export const versionBody = z.object({ version }).strict();
export const reviewBody = z.object({ version, comment: z.string().trim().max(1000).optional() }).strict();
export const returnBody = z.object({ version, comment: z.string().trim().min(2, 'validation.required').max(1000) }).strict();

export const listQuery = z
  .object({
    customerId: z.coerce.number().int().positive().optional(),
    status: z.enum(EVALUATION_STATUSES).optional(),
    recommendation: z.enum(RECOMMENDATIONS).optional(),
    ...pagingQuery,
  })
  .strict();
export const customerListQuery = z.object({ ...pagingQuery }).strict();

export const evaluationOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerArchiveNo: z.string(),
  templateId: z.number(),
  templateName: z.string(),
  templateVersionNo: z.number(),
  evaluatedOn: z.string(),
  /** Weighted total in points, two decimals at most. */
  total: z.number(),
  recommendation: z.enum(RECOMMENDATIONS),
  conclusion: z.string().nullable(),
  status: z.enum(EVALUATION_STATUSES),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const evaluationDetailOut = evaluationOut.extend({
  scores: z.array(
    z.object({
      indicatorId: z.number(),
      name: z.string(),
      weight: z.number(),
      /** The template's 评分依据. */
      indicatorBasis: z.string(),
      score: z.number(),
      /** Why this score (得分依据). */
      basis: z.string().nullable(),
      /** score × weight / 100. */
      weighted: z.number(),
    }),
  ),
  /** 客户关系强化表: one row per level of ours, in order, empty cells null. */
  strengthening: z.array(
    z.object({
      level: z.enum(OUR_LEVELS),
      influence: z.string().nullable(),
      competitorTie: z.string().nullable(),
      responsible: z.string().nullable(),
      measures: z.string().nullable(),
      timing: z.string().nullable(),
    }),
  ),
  /** The bands in force now (the recommendation was decided with the bands when last saved). */
  bands: bandsOut,
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});

/** 终止合作 (docs/regulations.md §4): the reason goes to the approvers and into the customer's history. */
export const endCooperationBody = z.object({ reason: z.string().trim().min(1, 'validation.required').max(2000) }).strict();
export const endCooperationOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  evaluationId: z.number().nullable(),
  riskId: z.number().nullable(),
  reason: z.string(),
  status: z.enum(['pending', 'returned', 'approved', 'rejected', 'withdrawn']),
  applicantName: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const endCooperationLatestOut = z.object({ request: endCooperationOut.nullable() });
