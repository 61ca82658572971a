import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page, parseSort } from '../../platform/http/schemas';
import { maskPhone } from '../customers/customers.rules';
import type { ProspectSortField } from './development.queries';
import { CHANNELS, PIPELINE, PLAN_STATUSES, STAGES, planEditable, type Channel, type PlanStatus, type Stage } from './development.rules';
import * as s from './development.schemas';
import type { DevelopmentService } from './development.service';
import type { PlanService } from './plans.service';
import type { ProspectService } from './prospects.service';
import type { RecordService } from './records.service';
import type { ResearchService } from './research.service';

// Date filters are inclusive calendar days in Asia/Shanghai (as in the customer list).
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const nextDayStart = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86400_000).toISOString();
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type ProspectRow = Awaited<ReturnType<ProspectService['get']>>;
const stageOf = <T extends { stage: string }>(c: T) => ({ ...c, stage: c.stage as Stage });
/** `mask`: lists and the board show 138****5678; the detail page (within scope) shows the number to call. */
function presentProspect(r: ProspectRow, mask: boolean): z.infer<typeof s.prospectOut> {
  return {
    id: r.id,
    companyName: r.company_name,
    contactName: r.contact_name,
    phone: mask ? maskPhone(r.phone) : r.phone,
    // The columns hold only codes the request schemas let through.
    channel: r.channel as Channel,
    stage: r.stage as Stage,
    lostReason: r.lost_reason,
    expectedAmount: num(r.expected_amount),
    nextStep: r.next_step,
    notes: r.notes,
    stageChangedAt: r.stage_changed_at,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    customerId: r.customer_id,
    customerArchiveNo: r.customer_archive_no ?? null,
    customerName: r.customer_name ?? null,
    developmentRecordId: r.record_id ?? null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type RecordRow = Awaited<ReturnType<RecordService['get']>>;
function presentRecord(r: RecordRow, mask: boolean): z.infer<typeof s.recordOut> {
  return {
    id: r.id,
    prospectId: r.prospect_id,
    customerId: r.customer_id,
    customerArchiveNo: r.customer_archive_no ?? null,
    customerName: r.customer_name,
    address: r.address,
    contactName: r.contact_name,
    contactPhone: mask ? maskPhone(r.contact_phone) : r.contact_phone,
    products: r.products,
    firstDealAmount: num(r.first_deal_amount),
    howWon: r.how_won,
    notes: r.notes,
    instruction: r.instruction,
    instructionByName: r.instruction_by_name ?? null,
    instructionAt: r.instruction_at,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type ResearchPlanRow = Awaited<ReturnType<ResearchService['getPlan']>>;
const presentResearchPlan = (r: ResearchPlanRow): z.infer<typeof s.researchPlanOut> => ({
  id: r.id,
  title: r.title,
  goal: r.goal,
  keyTargets: r.key_targets,
  otherTargets: r.other_targets,
  content: r.content,
  schedule: r.schedule,
  method: r.method,
  people: r.people,
  budget: num(r.budget),
  notes: r.notes,
  ownerId: r.owner_id,
  ownerName: r.owner_name ?? null,
  reportCount: Number(r.report_count ?? 0),
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type ResearchReportRow = Awaited<ReturnType<ResearchService['getReport']>>;
const presentResearchReport = (r: ResearchReportRow): z.infer<typeof s.researchReportOut> => ({
  id: r.id,
  planId: r.plan_id,
  planTitle: r.plan_title ?? null,
  title: r.title,
  background: r.background,
  purpose: r.purpose,
  method: r.method,
  departmentName: r.department_name,
  subjects: r.subjects,
  surveyPeriod: r.survey_period,
  factors: r.factors,
  priceTolerance: r.price_tolerance,
  expectedServices: r.expected_services,
  opinions: r.opinions,
  suggestions: r.suggestions,
  ownerId: r.owner_id,
  ownerName: r.owner_name ?? null,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type PlanRow = Awaited<ReturnType<PlanService['get']>>;
type TargetRow = Awaited<ReturnType<PlanService['targets']>>[number];
const presentPlan = (r: PlanRow, targets?: TargetRow[]): z.infer<typeof s.planOut> => ({
  id: r.id,
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  goal: r.goal,
  schedule: r.schedule,
  supportNeeded: r.support_needed,
  budget: num(r.budget),
  status: r.status as PlanStatus,
  editable: planEditable(r.status),
  ownerId: r.owner_id,
  ownerName: r.owner_name ?? null,
  departmentName: r.department_name ?? null,
  targetCount: Number(r.target_count ?? 0),
  targets: targets?.map((t) => ({
    id: t.id,
    prospectId: t.prospect_id,
    customerName: t.customer_name,
    // In full: the plan is an internal form its readers print to make the visits (docs/regulations.md §6).
    contactPhone: t.prospect_phone ?? null,
    prospectStage: (t.prospect_stage ?? null) as Stage | null,
    visitDate: t.visit_date,
    visitContact: t.visit_contact,
    contactPosition: t.contact_position,
    contactDepartment: t.contact_department,
    appointment: t.appointment,
    category: t.category,
    notes: t.notes,
  })),
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Customer development (docs/regulations.md §6); docs/api.md "Customer development". */
export async function developmentRoutes(root: FastifyInstance, development: DevelopmentService) {
  const { prospects, records, research, plans, progress } = development;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['development 客户开发'];
  const read = 'development.read' as const;
  const write = 'development.write' as const;
  const prospect = { type: 'prospect' as const };
  const record = { type: 'development_record' as const };
  const researchPlan = { type: 'research_plan' as const };
  const researchReport = { type: 'research_report' as const };
  const plan = { type: 'development_plan' as const };

  app.get('/api/development-options', {
    config: { policy: { capability: read } },
    schema: { tags, response: { 200: s.optionsOut } },
    handler: async () => ({ channels: CHANNELS, stages: STAGES, pipeline: PIPELINE, planStatuses: PLAN_STATUSES }),
  });

  // ---- prospects ----
  const filterOf = (f: { q?: string; ownerId?: number; channel?: string; createdFrom?: string; createdTo?: string; stage?: string }) => ({
    q: f.q,
    ownerId: f.ownerId,
    channel: f.channel,
    stage: f.stage,
    createdFrom: f.createdFrom && dayStart(f.createdFrom),
    createdBefore: f.createdTo && nextDayStart(f.createdTo),
  });

  app.get('/api/prospects', {
    config: { policy: { capability: read } },
    schema: { tags, querystring: s.prospectListQuery, response: { 200: page(s.prospectOut).extend({ stages: z.array(s.stageSummary) }) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, ...f } = req.query;
      const order = parseSort(sort, '-updatedAt');
      const { rows, total, stages } = await prospects.list(requestContext(req), filterOf(f), { page: p, pageSize, sort: order.field as ProspectSortField, direction: order.direction });
      return { items: rows.map((r) => presentProspect(r, true)), total, page: p, pageSize, stages: stages.map(stageOf) };
    },
  });

  app.get('/api/prospects/board', {
    config: { policy: { capability: read } },
    schema: { tags, querystring: s.boardQuery, response: { 200: z.object({ columns: z.array(s.stageSummary.extend({ items: z.array(s.prospectOut) })) }) } },
    handler: async (req) => {
      const columns = await prospects.board(requestContext(req), filterOf(req.query));
      return { columns: columns.map((c) => ({ ...stageOf(c), items: c.items.map((r) => presentProspect(r, true)) })) };
    },
  });

  app.post('/api/prospects', {
    config: { policy: { capability: write } },
    schema: { tags, body: s.prospectCreate, response: { 201: s.prospectOut } },
    handler: async (req, reply) => reply.status(201).send(presentProspect(await prospects.create(requestContext(req), req.body), false)),
  });

  app.get('/api/prospects/:id', {
    config: { policy: { capability: read, resource: prospect } },
    schema: { tags, params: idParams, response: { 200: s.prospectOut } },
    handler: async (req) => presentProspect(await prospects.get(req.params.id), false),
  });

  app.put('/api/prospects/:id', {
    config: { policy: { capability: write, resource: prospect } },
    schema: { tags, params: idParams, body: s.prospectUpdate, response: { 200: s.prospectOut } },
    handler: async (req) => presentProspect(await prospects.update(requestContext(req), req.params.id, req.body), false),
  });

  app.post('/api/prospects/:id/stage', {
    config: { policy: { capability: write, resource: prospect } },
    schema: { tags, params: idParams, body: s.stageMove, response: { 200: s.prospectOut } },
    handler: async (req) => presentProspect(await prospects.move(requestContext(req), req.params.id, req.body), false),
  });

  app.get('/api/prospects/:id/history', {
    config: { policy: { capability: read, resource: prospect } },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(s.historyOut) }) } },
    handler: async (req) => ({
      items: (await prospects.history(req.params.id)).map((h) => ({
        id: h.id,
        fromStage: h.from_stage as Stage | null,
        toStage: h.to_stage as Stage,
        note: h.note,
        expectedAmount: num(h.expected_amount),
        actorName: h.actor_name,
        at: h.at,
      })),
    }),
  });

  app.post('/api/prospects/:id/development-record', {
    config: { policy: { capability: write, resource: prospect } },
    schema: { tags, params: idParams, body: s.recordCreate, response: { 201: s.recordOut } },
    handler: async (req, reply) => reply.status(201).send(presentRecord(await records.create(requestContext(req), req.params.id, req.body), false)),
  });

  // ---- development records ----
  app.get('/api/development-records', {
    config: { policy: { capability: read } },
    schema: { tags, querystring: s.recordListQuery, response: { 200: page(s.recordOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await records.list(requestContext(req), f, { page: p, pageSize });
      return { items: rows.map((r) => presentRecord(r, true)), total, page: p, pageSize };
    },
  });

  app.get('/api/development-records/:id', {
    config: { policy: { capability: read, resource: record } },
    schema: { tags, params: idParams, response: { 200: s.recordOut } },
    handler: async (req) => presentRecord(await records.get(req.params.id), false),
  });

  app.put('/api/development-records/:id', {
    config: { policy: { capability: write, resource: record } },
    schema: { tags, params: idParams, body: s.recordUpdate, response: { 200: s.recordOut } },
    handler: async (req) => presentRecord(await records.update(requestContext(req), req.params.id, req.body), false),
  });

  app.put('/api/development-records/:id/instruction', {
    config: { policy: { capability: 'development.instruct', resource: record } },
    schema: { tags, params: idParams, body: s.instructionBody, response: { 200: s.recordOut } },
    handler: async (req) => presentRecord(await records.instruct(requestContext(req), req.params.id, req.body), false),
  });

  // ---- research plans and reports ----
  app.get('/api/research-plans', {
    config: { policy: { capability: read } },
    schema: { tags, querystring: s.researchListQuery.omit({ planId: true }), response: { 200: page(s.researchPlanOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await research.listPlans(requestContext(req), f, { page: p, pageSize });
      return { items: rows.map(presentResearchPlan), total, page: p, pageSize };
    },
  });

  app.post('/api/research-plans', {
    config: { policy: { capability: write } },
    schema: { tags, body: s.researchPlanCreate, response: { 201: s.researchPlanOut } },
    handler: async (req, reply) => reply.status(201).send(presentResearchPlan(await research.createPlan(requestContext(req), req.body))),
  });

  app.get('/api/research-plans/:id', {
    config: { policy: { capability: read, resource: researchPlan } },
    schema: { tags, params: idParams, response: { 200: s.researchPlanOut } },
    handler: async (req) => presentResearchPlan(await research.getPlan(req.params.id)),
  });

  app.put('/api/research-plans/:id', {
    config: { policy: { capability: write, resource: researchPlan } },
    schema: { tags, params: idParams, body: s.researchPlanUpdate, response: { 200: s.researchPlanOut } },
    handler: async (req) => presentResearchPlan(await research.updatePlan(requestContext(req), req.params.id, req.body)),
  });

  app.delete('/api/research-plans/:id', {
    config: { policy: { capability: write, resource: researchPlan } },
    schema: { tags, params: idParams },
    handler: async (req, reply) => {
      await research.deletePlan(requestContext(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/research-reports', {
    config: { policy: { capability: read } },
    schema: { tags, querystring: s.researchListQuery, response: { 200: page(s.researchReportOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await research.listReports(requestContext(req), f, { page: p, pageSize });
      return { items: rows.map(presentResearchReport), total, page: p, pageSize };
    },
  });

  app.post('/api/research-reports', {
    config: { policy: { capability: write } },
    schema: { tags, body: s.researchReportCreate, response: { 201: s.researchReportOut } },
    handler: async (req, reply) => reply.status(201).send(presentResearchReport(await research.createReport(requestContext(req), req.body))),
  });

  app.get('/api/research-reports/:id', {
    config: { policy: { capability: read, resource: researchReport } },
    schema: { tags, params: idParams, response: { 200: s.researchReportOut } },
    handler: async (req) => presentResearchReport(await research.getReport(req.params.id)),
  });

  app.put('/api/research-reports/:id', {
    config: { policy: { capability: write, resource: researchReport } },
    schema: { tags, params: idParams, body: s.researchReportUpdate, response: { 200: s.researchReportOut } },
    handler: async (req) => presentResearchReport(await research.updateReport(requestContext(req), req.params.id, req.body)),
  });

  app.delete('/api/research-reports/:id', {
    config: { policy: { capability: write, resource: researchReport } },
    schema: { tags, params: idParams },
    handler: async (req, reply) => {
      await research.deleteReport(requestContext(req), req.params.id);
      return reply.status(204).send();
    },
  });

  // ---- development plans ----
  app.get('/api/development-plans', {
    config: { policy: { capability: read } },
    schema: { tags, querystring: s.planListQuery, response: { 200: page(s.planOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await plans.list(requestContext(req), f, { page: p, pageSize });
      return { items: rows.map((r) => presentPlan(r)), total, page: p, pageSize };
    },
  });

  app.post('/api/development-plans', {
    config: { policy: { capability: write } },
    schema: { tags, body: s.planCreate, response: { 201: s.planOut } },
    handler: async (req, reply) => {
      const row = await plans.create(requestContext(req), req.body);
      return reply.status(201).send(presentPlan(row, await plans.targets(row.id)));
    },
  });

  // Readable beyond the data scope by those deciding it (department head, 经理办公会), so the service
  // checks the scope itself (plans.assertReadable) instead of the guard: hence `companyWide`.
  app.get('/api/development-plans/:id', {
    config: { policy: { capability: 'development.read', companyWide: true } },
    schema: { tags, params: idParams, response: { 200: s.planOut } },
    handler: async (req) => {
      await plans.assertReadable(requestContext(req), req.params.id);
      return presentPlan(await plans.get(req.params.id), await plans.targets(req.params.id));
    },
  });

  app.put('/api/development-plans/:id', {
    config: { policy: { capability: write, resource: plan } },
    schema: { tags, params: idParams, body: s.planUpdate, response: { 200: s.planOut } },
    handler: async (req) => {
      const row = await plans.update(requestContext(req), req.params.id, req.body);
      return presentPlan(row, await plans.targets(row.id));
    },
  });

  app.delete('/api/development-plans/:id', {
    config: { policy: { capability: write, resource: plan } },
    schema: { tags, params: idParams },
    handler: async (req, reply) => {
      await plans.remove(requestContext(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/api/development-plans/:id/submit', {
    config: { policy: { capability: write, resource: plan } },
    schema: { tags, params: idParams, body: s.planSubmit, response: { 200: s.planOut } },
    handler: async (req) => {
      const row = await plans.submit(requestContext(req), req.params.id, req.body);
      return presentPlan(row, await plans.targets(row.id));
    },
  });

  // ---- monthly progress ----
  app.get('/api/development-progress', {
    config: { policy: { capability: read } },
    schema: { tags, querystring: s.progressQuery, response: { 200: s.progressOut } },
    handler: async (req) => progress.monthly(requestContext(req), req.query),
  });
}
