import { z } from 'zod';
import { dateString, pagingQuery, version } from '../../platform/http/schemas';
import { STATUSES } from '../customers/customers.fields';
import { CAMPAIGN_STATUSES, MAX_OPTIONS, MAX_QUESTIONS, MAX_TEXT_ANSWER, QUESTION_TYPES, STAFF_CHANNELS, TEMPLATE_STATUSES } from './surveys.rules';

/** Request and response schemas of satisfaction surveys (docs/surveys.md). */

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const id = z.number().int().positive();

// Templates

const question = z
  .object({
    key: z.string().trim().min(1, 'validation.required').max(40),
    type: z.enum(QUESTION_TYPES),
    text: text(500),
    required: z.boolean(),
    options: z.array(z.string().max(100)).max(MAX_OPTIONS).optional(),
    otherText: z.boolean().optional(),
  })
  .strict();
const section = z.object({ title: text(100), questions: z.array(question).max(MAX_QUESTIONS) }).strict();

const templateFields = {
  name: text(100),
  description: optionalText(1000),
  intro: optionalText(2000),
  sections: z.array(section).min(1, 'survey.no_questions').max(20),
};
export const templateBody = z.object(templateFields).strict();
export const templateUpdateBody = z.object({ ...templateFields, version }).strict();
export const versionBody = z.object({ version }).strict();
export const templateListQuery = z
  .object({
    all: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    status: z.enum(TEMPLATE_STATUSES).optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();

const questionOut = z.object({
  key: z.string(),
  type: z.enum(QUESTION_TYPES),
  text: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  otherText: z.boolean().optional(),
});
export const definitionOut = z.object({ sections: z.array(z.object({ title: z.string(), questions: z.array(questionOut) })) });

export const templateSummaryOut = z.object({
  id: z.number(),
  familyId: z.number(),
  versionNo: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  builtin: z.boolean(),
  questionCount: z.number(),
  publishedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export const templateOut = templateSummaryOut.extend({
  intro: z.string().nullable(),
  definition: definitionOut,
  publishedByName: z.string().nullable(),
  versions: z.array(z.object({ id: z.number(), versionNo: z.number(), status: z.string(), publishedAt: z.string().nullable() })),
  usedByCampaigns: z.number(),
  can: z.object({ edit: z.boolean(), publish: z.boolean(), delete: z.boolean() }),
});

// Campaigns

/** The customer list's filter fields (GET /api/customers), by which a campaign picks its targets. */
export const campaignFilter = z
  .object({
    q: z.string().trim().max(100).optional(),
    status: z.enum(STATUSES).optional(),
    ownerId: id.optional(),
    teamId: id.optional(),
    province: z.string().trim().max(30).optional(),
    city: z.string().trim().max(30).optional(),
    industry: z.string().trim().max(50).optional(),
  })
  .strict();

const campaignFields = {
  title: text(100),
  description: optionalText(2000),
  templateId: id,
  filter: campaignFilter,
  startDate: dateString,
  endDate: dateString,
};
export const campaignBody = z.object(campaignFields).strict();
export const campaignUpdateBody = z
  .object({
    title: campaignFields.title.optional(),
    description: campaignFields.description,
    templateId: id.optional(),
    filter: campaignFilter.optional(),
    startDate: dateString.optional(),
    endDate: dateString.optional(),
    version,
  })
  .strict();
export const campaignListQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    ...pagingQuery,
  })
  .strict();

export const campaignSummaryOut = z.object({
  id: z.number(),
  title: z.string(),
  status: z.string(),
  templateId: z.number(),
  templateName: z.string(),
  templateVersionNo: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  targets: z.number(),
  responses: z.number(),
  responseRate: z.number().nullable(),
  index: z.number().nullable(),
  ownerName: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export const yearlyOut = z.object({ year: z.number(), started: z.number(), required: z.number(), missing: z.number() });
export const campaignListOut = z.object({ items: z.array(campaignSummaryOut), total: z.number(), page: z.number(), pageSize: z.number(), yearly: yearlyOut });

export const campaignOut = campaignSummaryOut.extend({
  description: z.string().nullable(),
  familyId: z.number(),
  filter: campaignFilter,
  filterOwnerName: z.string().nullable(),
  intro: z.string().nullable(),
  definition: definitionOut,
  linkExpiryDays: z.number(),
  can: z.object({ edit: z.boolean(), start: z.boolean(), close: z.boolean(), respond: z.boolean(), plan: z.boolean() }),
});

// Targets, links and responses

export const targetListQuery = z
  .object({ status: z.enum(['pending', 'answered']).optional(), q: z.string().trim().max(50).optional(), ...pagingQuery })
  .strict();

export const targetOut = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  archiveNo: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  province: z.string().nullable(),
  customerStatus: z.string().nullable(),
  status: z.string(),
  link: z.enum(['none', 'active', 'expired', 'used']),
  linkExpiresAt: z.string().nullable(),
  channel: z.string().nullable(),
  answeredAt: z.string().nullable(),
  responseId: z.number().nullable(),
  index: z.number().nullable(),
});

export const linksBody = z.object({ targetIds: z.array(id).min(1).max(1000).optional() }).strict();
export const linkOut = z.object({ targetId: z.number(), customerName: z.string(), archiveNo: z.string(), url: z.string(), path: z.string(), expiresAt: z.string() });

const answerInput = z
  .object({
    key: z.string().max(40),
    score: z.number().int().nullable().optional(),
    choices: z.array(z.string().max(100)).max(MAX_OPTIONS).nullable().optional(),
    text: z.string().max(MAX_TEXT_ANSWER * 2).nullable().optional(),
  })
  .strict();
const answers = z.array(answerInput).max(MAX_QUESTIONS);
export const staffResponseBody = z
  .object({
    channel: z.enum(STAFF_CHANNELS),
    respondentName: optionalText(50),
    answeredAt: z.iso.datetime({ offset: true }).nullable().optional(),
    answers,
  })
  .strict();
export const publicResponseBody = z.object({ respondentName: optionalText(50), answers }).strict();

export const answerOut = z.object({ key: z.string(), score: z.number().nullable(), choices: z.array(z.string()).nullable(), text: z.string().nullable() });
export const responseOut = z.object({
  id: z.number(),
  targetId: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  archiveNo: z.string(),
  ownerName: z.string().nullable(),
  channel: z.string(),
  respondentName: z.string().nullable(),
  enteredByName: z.string().nullable(),
  answeredAt: z.string(),
  index: z.number().nullable(),
  answers: z.array(answerOut),
});

// Results

const groupOut = z.object({ key: z.string(), label: z.string(), targets: z.number(), responses: z.number(), responseRate: z.number().nullable(), index: z.number().nullable() });
export const resultsOut = z.object({
  targets: z.number(),
  responses: z.number(),
  responseRate: z.number().nullable(),
  index: z.number().nullable(),
  byChannel: z.array(z.object({ channel: z.string(), count: z.number() })),
  questions: z.array(
    z.object({
      key: z.string(),
      section: z.string(),
      text: z.string(),
      type: z.string(),
      answered: z.number(),
      distribution: z.array(z.object({ option: z.string(), score: z.number().nullable(), count: z.number(), percent: z.number().nullable() })),
      average: z.number().nullable(),
      index: z.number().nullable(),
      texts: z.array(z.string()),
    }),
  ),
  byRegion: z.array(groupOut),
  byStatus: z.array(groupOut),
  byOwner: z.array(groupOut),
  /** Customers carry no grade field yet: the grade breakdown is by archive status (潜在/正式/休眠/流失). */
  gradeBasis: z.literal('status'),
  previous: z
    .object({
      campaignId: z.number(),
      title: z.string(),
      startedAt: z.string().nullable(),
      responseRate: z.number().nullable(),
      index: z.number().nullable(),
      responseRateDelta: z.number().nullable(),
      indexDelta: z.number().nullable(),
      questions: z.array(z.object({ key: z.string(), previousAverage: z.number().nullable(), average: z.number().nullable(), delta: z.number().nullable() })),
    })
    .nullable(),
});

// Public answer page

export const tokenParams = z.object({ token: z.string().max(100) });
export const publicSurveyOut = z.object({
  campaignTitle: z.string(),
  customerName: z.string(),
  templateName: z.string(),
  intro: z.string().nullable(),
  definition: definitionOut,
  endDate: z.string(),
  expiresAt: z.string().nullable(),
});

// Improvement plans

const itemInput = z.object({ measure: text(1000), assigneeId: id, dueDate: dateString }).strict();
const planFields = { title: text(100), findings: text(8000), goals: text(4000), items: z.array(itemInput).min(1, 'survey.items_required').max(50) };
export const planBody = z.object(planFields).strict();
export const planUpdateBody = z
  .object({ title: planFields.title.optional(), findings: planFields.findings.optional(), goals: planFields.goals.optional(), items: planFields.items.optional(), version })
  .strict();
export const submitBody = z.object({ version, comment: z.string().trim().max(1000).nullable().optional() }).strict();

export const planSummaryOut = z.object({
  id: z.number(),
  campaignId: z.number(),
  title: z.string(),
  status: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const planOut = planSummaryOut.extend({
  campaignTitle: z.string(),
  findings: z.string(),
  goals: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      measure: z.string(),
      assigneeId: z.number(),
      assigneeName: z.string(),
      dueDate: z.string(),
      taskId: z.number().nullable(),
      taskStatus: z.string().nullable(),
      taskCompletedAt: z.string().nullable(),
    }),
  ),
  can: z.object({ edit: z.boolean(), submit: z.boolean() }),
});

// Scores (KPI, issue 5 point 12)

export const scoreListQuery = z
  .object({
    customerId: z.coerce.number().int().positive().optional(),
    ownerId: z.coerce.number().int().positive().optional(),
    campaignId: z.coerce.number().int().positive().optional(),
    from: dateString.optional(),
    to: dateString.optional(),
    ...pagingQuery,
  })
  .strict();
export const scoreOut = z.object({
  id: z.number(),
  responseId: z.number(),
  campaignId: z.number(),
  campaignTitle: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  teamId: z.number().nullable(),
  departmentId: z.number().nullable(),
  index: z.number().nullable(),
  scaleItems: z.number(),
  answeredAt: z.string(),
});
