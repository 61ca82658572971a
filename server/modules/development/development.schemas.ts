import { z } from 'zod';
import { dateString, pagingQuery, sortQuery, version } from '../../platform/http/schemas';
import { isCreditCode, isPhone } from '../customers/customers.rules';
import { CHANNELS, PIPELINE, PLAN_STATUSES, STAGES } from './development.rules';

/** Request and response schemas of customer development (docs/api.md "Customer development"). */

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const phone = z.string().trim().max(40).refine(isPhone, 'validation.phone').nullable().optional();
/** 万元, like every amount of the archive. */
const amount = z.number().min(0).max(1e9).nullable().optional();
const id = z.number().int().positive();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'development.invalid_month');

// ---- prospects ----
export const prospectFields = {
  companyName: z.string().trim().min(1, 'validation.required').max(100),
  contactName: text(50),
  phone,
  channel: z.enum(CHANNELS),
  expectedAmount: amount,
  nextStep: text(500),
  notes: text(2000),
};

export const prospectCreate = z
  .object({ ...prospectFields, stage: z.enum(PIPELINE).optional(), ownerId: id.optional() })
  .strict();

export const prospectUpdate = z
  .object({ ...prospectFields, companyName: prospectFields.companyName.optional(), channel: prospectFields.channel.optional(), ownerId: id.optional(), version })
  .strict();

export const stageMove = z
  .object({
    stage: z.enum(STAGES),
    note: text(1000),
    lostReason: text(500),
    expectedAmount: amount,
    nextStep: text(500),
    version,
  })
  .strict();

export const PROSPECT_SORT_FIELDS = ['createdAt', 'updatedAt', 'stageChangedAt', 'expectedAmount', 'companyName'] as const;

const prospectFilter = {
  q: z.string().trim().max(50).optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  channel: z.enum(CHANNELS).optional(),
  createdFrom: dateString.optional(),
  createdTo: dateString.optional(),
};
export const boardQuery = z.object(prospectFilter).strict();
export const prospectListQuery = z
  .object({ ...prospectFilter, stage: z.enum(STAGES).optional(), sort: sortQuery(PROSPECT_SORT_FIELDS), ...pagingQuery })
  .strict();

export const prospectOut = z.object({
  id: z.number(),
  companyName: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  channel: z.enum(CHANNELS),
  stage: z.enum(STAGES),
  lostReason: z.string().nullable(),
  expectedAmount: z.number().nullable(),
  nextStep: z.string().nullable(),
  notes: z.string().nullable(),
  stageChangedAt: z.string(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  customerId: z.number().nullable(),
  customerArchiveNo: z.string().nullable(),
  customerName: z.string().nullable(),
  developmentRecordId: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const stageSummary = z.object({ stage: z.enum(STAGES), count: z.number(), expectedAmount: z.number() });

export const historyOut = z.object({
  id: z.number(),
  fromStage: z.enum(STAGES).nullable(),
  toStage: z.enum(STAGES),
  note: z.string().nullable(),
  expectedAmount: z.number().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

// ---- development records 客户开发记录表 ----
export const recordFields = {
  customerName: z.string().trim().min(1, 'validation.required').max(100),
  address: text(200),
  contactName: text(50),
  contactPhone: phone,
  products: text(500),
  firstDealAmount: amount,
  howWon: text(2000),
  notes: text(1000),
};

export const recordCreate = z
  .object({
    ...recordFields,
    /** Goes to the new archive entry only (duplicate check by credit code). */
    creditCode: z.string().trim().toUpperCase().refine(isCreditCode, 'validation.credit_code').nullable().optional(),
    /** Link the prospect to this existing customer instead of creating one. */
    linkCustomerId: id.optional(),
    confirmDuplicate: z.boolean().optional(),
  })
  .strict();

export const recordUpdate = z
  .object({ ...recordFields, customerName: recordFields.customerName.optional(), version })
  .strict();

export const instructionBody = z.object({ instruction: z.string().trim().min(1, 'validation.required').max(1000), version }).strict();

export const recordListQuery = z
  .object({ q: z.string().trim().max(50).optional(), ownerId: z.coerce.number().int().positive().optional(), ...pagingQuery })
  .strict();

export const recordOut = z.object({
  id: z.number(),
  prospectId: z.number(),
  customerId: z.number().nullable(),
  customerArchiveNo: z.string().nullable(),
  customerName: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  products: z.string().nullable(),
  firstDealAmount: z.number().nullable(),
  howWon: z.string().nullable(),
  notes: z.string().nullable(),
  instruction: z.string().nullable(),
  instructionByName: z.string().nullable(),
  instructionAt: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---- research plans and reports 客户调查计划表 / 客户调查分析报告 ----
export const researchPlanFields = {
  title: z.string().trim().min(1, 'validation.required').max(100),
  goal: text(2000),
  keyTargets: text(2000),
  otherTargets: text(2000),
  content: text(4000),
  schedule: text(2000),
  method: text(1000),
  people: text(1000),
  budget: amount,
  notes: text(1000),
};
export const researchPlanCreate = z.object({ ...researchPlanFields, ownerId: id.optional() }).strict();
export const researchPlanUpdate = z.object({ ...researchPlanFields, title: researchPlanFields.title.optional(), ownerId: id.optional(), version }).strict();
export const researchPlanOut = z.object({
  id: z.number(),
  title: z.string(),
  goal: z.string().nullable(),
  keyTargets: z.string().nullable(),
  otherTargets: z.string().nullable(),
  content: z.string().nullable(),
  schedule: z.string().nullable(),
  method: z.string().nullable(),
  people: z.string().nullable(),
  budget: z.number().nullable(),
  notes: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  reportCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const researchReportFields = {
  title: z.string().trim().min(1, 'validation.required').max(100),
  background: text(2000),
  purpose: text(2000),
  method: text(1000),
  departmentName: text(100),
  subjects: text(2000),
  surveyPeriod: text(200),
  factors: text(4000),
  priceTolerance: text(4000),
  expectedServices: text(4000),
  opinions: text(4000),
  suggestions: text(4000),
};
export const researchReportCreate = z.object({ planId: id, ...researchReportFields }).strict();
export const researchReportUpdate = z.object({ ...researchReportFields, title: researchReportFields.title.optional(), version }).strict();
export const researchReportOut = z.object({
  id: z.number(),
  planId: z.number(),
  planTitle: z.string().nullable(),
  title: z.string(),
  background: z.string().nullable(),
  purpose: z.string().nullable(),
  method: z.string().nullable(),
  departmentName: z.string().nullable(),
  subjects: z.string().nullable(),
  surveyPeriod: z.string().nullable(),
  factors: z.string().nullable(),
  priceTolerance: z.string().nullable(),
  expectedServices: z.string().nullable(),
  opinions: z.string().nullable(),
  suggestions: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const researchListQuery = z
  .object({ q: z.string().trim().max(50).optional(), planId: z.coerce.number().int().positive().optional(), ...pagingQuery })
  .strict();

// ---- development plans 客户开发计划 ----
export const planTarget = z
  .object({
    prospectId: id.nullable().optional(),
    customerName: z.string().trim().max(100).nullable().optional(),
    visitDate: dateString.nullable().optional(),
    visitContact: text(50),
    contactPosition: text(50),
    contactDepartment: text(50),
    appointment: text(100),
    category: text(50),
    notes: text(1000),
  })
  .strict();

export const planFields = {
  title: z.string().trim().min(1, 'validation.required').max(100),
  periodStart: dateString,
  periodEnd: dateString,
  goal: text(4000),
  schedule: text(4000),
  supportNeeded: text(4000),
  budget: amount,
  targets: z.array(planTarget).max(200).optional(),
};
export const planCreate = z.object(planFields).strict();
export const planUpdate = z
  .object({ ...planFields, title: planFields.title.optional(), periodStart: dateString.optional(), periodEnd: dateString.optional(), version })
  .strict();
export const planSubmit = z.object({ comment: text(1000), version }).strict();
export const planListQuery = z
  .object({ q: z.string().trim().max(50).optional(), status: z.enum(PLAN_STATUSES).optional(), ownerId: z.coerce.number().int().positive().optional(), ...pagingQuery })
  .strict();

export const planTargetOut = z.object({
  id: z.number(),
  prospectId: z.number().nullable(),
  customerName: z.string(),
  /** Of the linked prospect, in full: the printed plan is an internal form used to make the visits. */
  contactPhone: z.string().nullable(),
  prospectStage: z.enum(STAGES).nullable(),
  visitDate: z.string().nullable(),
  visitContact: z.string().nullable(),
  contactPosition: z.string().nullable(),
  contactDepartment: z.string().nullable(),
  appointment: z.string().nullable(),
  category: z.string().nullable(),
  notes: z.string().nullable(),
});

export const planOut = z.object({
  id: z.number(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  goal: z.string().nullable(),
  schedule: z.string().nullable(),
  supportNeeded: z.string().nullable(),
  budget: z.number().nullable(),
  status: z.enum(PLAN_STATUSES),
  editable: z.boolean(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  departmentName: z.string().nullable(),
  targetCount: z.number(),
  targets: z.array(planTargetOut).optional(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---- monthly progress ----
export const progressQuery = z
  .object({ from: month.optional(), to: month.optional(), ownerId: z.coerce.number().int().positive().optional() })
  .strict();
const figures = { newProspects: z.number(), stageAdvances: z.number(), won: z.number(), wonAmount: z.number() };
export const progressOut = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  /** 每人每月新增潜在客户目标 (setting development.newProspectsPerMonth). */
  newProspectsTarget: z.number(),
  rows: z.array(z.object({ ownerId: z.number(), ownerName: z.string().nullable(), month: z.string(), ...figures })),
  totals: z.array(z.object({ ownerId: z.number(), ownerName: z.string().nullable(), ...figures })),
});

/** `GET /api/development-options`: the fixed code lists of the module. */
export const optionsOut = z.object({
  channels: z.array(z.enum(CHANNELS)).readonly(),
  stages: z.array(z.enum(STAGES)).readonly(),
  pipeline: z.array(z.enum(PIPELINE)).readonly(),
  planStatuses: z.array(z.enum(PLAN_STATUSES)).readonly(),
});
