import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import type { SettingsService } from '../../platform/settings/settings.service';
import { round } from './surveys.rules';
import * as s from './surveys.schemas';
import type { SurveyExportService } from './surveys.export';
import type { SurveyService } from './surveys.service';

type Svc = SurveyService;
type TemplateView = Awaited<ReturnType<Svc['viewTemplate']>>;
type TemplateRow = Awaited<ReturnType<Svc['listTemplates']>>[number];
type CampaignItem = Awaited<ReturnType<Svc['listCampaigns']>>['items'][number];
type CampaignView = Awaited<ReturnType<Svc['viewCampaign']>>;
type TargetItem = Awaited<ReturnType<Svc['targets']>>['items'][number];
type ResponseItem = Awaited<ReturnType<Svc['responses']>>[number];
type PlanView = Awaited<ReturnType<Svc['viewPlan']>>;
type PlanRow = Awaited<ReturnType<Svc['plans']>>[number];
type ScoreRow = Awaited<ReturnType<Svc['scores']>>['rows'][number];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rate = (n: number, d: number) => round(d === 0 ? null : (n * 100) / d, 1);
const idx = (x: number | null | undefined) => (x === null || x === undefined ? null : round(Number(x), 1));

function presentTemplateSummary(r: TemplateRow['row'], questionCount: number): z.infer<typeof s.templateSummaryOut> {
  return {
    id: r.id,
    familyId: r.family_id!,
    versionNo: r.version_no,
    name: r.name,
    description: r.description,
    status: r.status,
    builtin: r.builtin_key !== null,
    questionCount,
    publishedAt: r.published_at,
    createdByName: r.created_by_name ?? null,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function presentTemplate(v: TemplateView): z.infer<typeof s.templateOut> {
  const count = v.definition.sections.reduce((n, x) => n + x.questions.length, 0);
  return {
    ...presentTemplateSummary(v.row, count),
    intro: v.row.intro,
    definition: v.definition,
    publishedByName: v.row.published_by_name ?? null,
    versions: v.versions.map((x) => ({ id: x.id, versionNo: x.version_no, status: x.status, publishedAt: x.published_at })),
    usedByCampaigns: v.usedByCampaigns,
    can: v.can,
  };
}

function presentCampaignSummary(c: CampaignItem['row'], responses: number, index: number | null): z.infer<typeof s.campaignSummaryOut> {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    templateId: c.template_id,
    templateName: c.template_name,
    templateVersionNo: c.template_version_no,
    startDate: c.start_date,
    endDate: c.end_date,
    targets: c.target_count,
    responses,
    responseRate: c.status === 'draft' ? null : rate(responses, c.target_count),
    index: idx(index),
    ownerName: c.owner_name ?? null,
    startedAt: c.started_at,
    closedAt: c.closed_at,
    createdAt: c.created_at,
    version: c.version,
  };
}

function presentCampaign(v: CampaignView): z.infer<typeof s.campaignOut> {
  const c = v.campaign;
  return {
    ...presentCampaignSummary(c, v.responses, v.index),
    description: c.description,
    familyId: c.family_id,
    filter: JSON.parse(c.filter),
    filterOwnerName: v.filterOwnerName,
    intro: c.intro,
    definition: v.definition,
    linkExpiryDays: v.linkExpiryDays,
    can: v.can,
  };
}

function presentTarget({ row: r, link }: TargetItem): z.infer<typeof s.targetOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    archiveNo: r.archive_no,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    province: r.province,
    customerStatus: r.customer_status,
    status: r.status,
    link,
    linkExpiresAt: r.link_expires_at,
    channel: r.channel ?? null,
    answeredAt: r.answered_at,
    responseId: r.response_id ?? null,
    index: idx(r.satisfaction_index),
  };
}

function presentResponse({ row: r, answers }: ResponseItem): z.infer<typeof s.responseOut> {
  return {
    id: r.id,
    targetId: r.target_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    archiveNo: r.archive_no,
    ownerName: r.owner_name ?? null,
    channel: r.channel,
    respondentName: r.respondent_name,
    enteredByName: r.entered_by_name ?? null,
    answeredAt: r.answered_at,
    index: idx(r.satisfaction_index),
    answers,
  };
}

function presentPlanSummary(p: PlanRow): z.infer<typeof s.planSummaryOut> {
  return {
    id: p.id,
    campaignId: p.campaign_id,
    title: p.title,
    status: p.status,
    ownerId: p.owner_id,
    ownerName: p.owner_name ?? null,
    submittedAt: p.submitted_at,
    approvedAt: p.approved_at,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    version: p.version,
  };
}

function presentPlan(v: PlanView): z.infer<typeof s.planOut> {
  return {
    ...presentPlanSummary(v.plan),
    campaignTitle: v.plan.campaign_title,
    findings: v.plan.findings,
    goals: v.plan.goals,
    items: v.items.map((i) => ({
      id: i.id,
      measure: i.measure,
      assigneeId: i.assignee_id,
      assigneeName: i.assignee_name,
      dueDate: i.task_due_date ?? i.due_date,
      taskId: i.task_id,
      taskStatus: i.task_status ?? null,
      taskCompletedAt: i.task_completed_at ?? null,
    })),
    can: v.can,
  };
}

const presentScore = (r: ScoreRow): z.infer<typeof s.scoreOut> => ({
  id: r.id,
  responseId: r.response_id,
  campaignId: r.campaign_id,
  campaignTitle: r.campaign_title,
  customerId: r.customer_id,
  customerName: r.customer_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name ?? null,
  teamId: r.team_id,
  departmentId: r.department_id,
  index: idx(r.satisfaction_index),
  scaleItems: r.scale_items,
  answeredAt: r.answered_at,
});

function sendXlsx(reply: FastifyReply, filename: string, body: Buffer) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Satisfaction surveys 满意度调查 (docs/regulations.md §11, docs/surveys.md); improvement-plan approval goes through /api/approvals. */
export async function surveyRoutes(root: FastifyInstance, deps: { surveys: Svc; exports: SurveyExportService; settings: Pick<SettingsService, 'value'> }) {
  const { surveys: svc, exports, settings } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys 满意度调查'];
  // Templates, campaigns and improvement plans are company documents (no owner scope); targets and answers
  // are checked against the caller's customer scope in the service.
  const read = { capability: 'surveys.read' as const, companyWide: true as const };
  const manage = { capability: 'surveys.manage' as const, companyWide: true as const };
  const respond = { capability: 'surveys.respond' as const, companyWide: true as const };
  const targetParams = z.object({ id: z.coerce.number().int().positive(), targetId: z.coerce.number().int().positive() });

  /** Where personal links point: the configured public address, else the address this request came to. */
  async function baseUrl(req: FastifyRequest) {
    const configured = String((await settings.value('notifications.publicUrl')) ?? '');
    return configured ? configured.replace(/\/+$/, '') : `${req.protocol}://${req.headers.host}`;
  }

  // Questionnaire templates

  app.get('/api/survey-templates', {
    config: { policy: { capability: 'surveys.read' } },
    schema: { tags, querystring: s.templateListQuery, response: { 200: z.object({ items: z.array(s.templateSummaryOut) }) } },
    handler: async (req) => ({ items: (await svc.listTemplates(req.query)).map((x) => presentTemplateSummary(x.row, x.questionCount)) }),
  });

  app.post('/api/survey-templates', {
    config: { policy: { capability: 'surveys.manage' } },
    schema: { tags, body: s.templateBody, response: { 201: s.templateOut } },
    handler: async (req, reply) => reply.status(201).send(presentTemplate(await svc.createTemplate(requestContext(req), req.body))),
  });

  app.get('/api/survey-templates/:id', {
    config: { policy: read },
    schema: { tags, params: idParams, response: { 200: s.templateOut } },
    handler: async (req) => presentTemplate(await svc.viewTemplate(requestContext(req), req.params.id)),
  });

  app.put('/api/survey-templates/:id', {
    config: { policy: manage },
    schema: {
      tags,
      summary: 'Edit a draft in place (200); editing a published (frozen) version creates the next version as a draft (201)',
      params: idParams,
      body: s.templateUpdateBody,
      response: { 200: s.templateOut, 201: s.templateOut },
    },
    handler: async (req, reply) => {
      const { created, template } = await svc.updateTemplate(requestContext(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(presentTemplate(template));
    },
  });

  app.post('/api/survey-templates/:id/publish', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: s.versionBody, response: { 200: s.templateOut } },
    handler: async (req) => presentTemplate(await svc.publishTemplate(requestContext(req), req.params.id, req.body.version)),
  });

  app.post('/api/survey-templates/:id/copy', {
    config: { policy: manage },
    schema: { tags, params: idParams, response: { 201: s.templateOut } },
    handler: async (req, reply) => reply.status(201).send(presentTemplate(await svc.copyTemplate(requestContext(req), req.params.id))),
  });

  app.delete('/api/survey-templates/:id', {
    config: { policy: manage },
    schema: { tags, summary: 'Discard a draft version', params: idParams },
    handler: async (req, reply) => {
      await svc.deleteTemplate(requestContext(req), req.params.id);
      return reply.status(204).send();
    },
  });

  // Campaigns

  app.get('/api/survey-campaigns', {
    config: { policy: { capability: 'surveys.read' } },
    schema: { tags, querystring: s.campaignListQuery, response: { 200: s.campaignListOut } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { items, total, yearly } = await svc.listCampaigns(f, { page: p, pageSize });
      return { items: items.map((i) => presentCampaignSummary(i.row, i.responses, i.index)), total, page: p, pageSize, yearly };
    },
  });

  app.post('/api/survey-campaigns', {
    config: { policy: { capability: 'surveys.manage' } },
    schema: { tags, body: s.campaignBody, response: { 201: s.campaignOut } },
    handler: async (req, reply) => reply.status(201).send(presentCampaign(await svc.createCampaign(requestContext(req), req.body))),
  });

  app.get('/api/survey-campaigns/:id', {
    config: { policy: read },
    schema: { tags, params: idParams, response: { 200: s.campaignOut } },
    handler: async (req) => presentCampaign(await svc.viewCampaign(requestContext(req), req.params.id)),
  });

  app.put('/api/survey-campaigns/:id', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: s.campaignUpdateBody, response: { 200: s.campaignOut } },
    handler: async (req) => presentCampaign(await svc.updateCampaign(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/survey-campaigns/:id/start', {
    config: { policy: manage },
    schema: { tags, summary: 'Snapshot the customers the filter matches as targets and open the campaign', params: idParams, body: s.versionBody, response: { 200: s.campaignOut } },
    handler: async (req) => presentCampaign(await svc.startCampaign(requestContext(req), req.params.id, req.body.version)),
  });

  app.post('/api/survey-campaigns/:id/close', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: s.versionBody, response: { 200: s.campaignOut } },
    handler: async (req) => presentCampaign(await svc.closeCampaign(requestContext(req), req.params.id, req.body.version)),
  });

  app.get('/api/survey-campaigns/:id/targets', {
    config: { policy: read },
    schema: { tags, summary: 'Targets whose customer is in the caller’s scope', params: idParams, querystring: s.targetListQuery, response: { 200: page(s.targetOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { items, total } = await svc.targets(requestContext(req), req.params.id, f, { page: p, pageSize });
      return { items: items.map(presentTarget), total, page: p, pageSize };
    },
  });

  app.post('/api/survey-campaigns/:id/links', {
    config: { policy: respond },
    schema: {
      tags,
      summary: 'Personal one-time links (shown only in this answer); without targetIds: every pending target in scope that has none',
      params: idParams,
      body: s.linksBody,
      response: { 201: z.object({ items: z.array(s.linkOut) }) },
    },
    handler: async (req, reply) => reply.status(201).send({ items: await svc.issueLinks(requestContext(req), req.params.id, req.body.targetIds, await baseUrl(req)) }),
  });

  app.post('/api/survey-campaigns/:id/targets/:targetId/response', {
    config: { policy: respond },
    schema: { tags, summary: 'Answers taken down by staff (phone, fax, meeting, e-mail, paper)', params: targetParams, body: s.staffResponseBody, response: { 201: s.responseOut } },
    handler: async (req, reply) => {
      const out = await svc.respond(requestContext(req), req.params.id, req.params.targetId, req.body);
      return reply.status(201).send(presentResponse({ row: out.row, answers: out.answers }));
    },
  });

  app.get('/api/survey-campaigns/:id/responses', {
    config: { policy: read },
    schema: {
      tags,
      summary: 'Responses with answers, customers in the caller’s scope',
      params: idParams,
      querystring: z.object({ targetId: z.coerce.number().int().positive().optional() }).strict(),
      response: { 200: z.object({ items: z.array(s.responseOut) }) },
    },
    handler: async (req) => ({ items: (await svc.responses(requestContext(req), req.params.id, req.query.targetId)).map(presentResponse) }),
  });

  app.get('/api/survey-campaigns/:id/results', {
    config: { policy: read },
    schema: { tags, params: idParams, response: { 200: s.resultsOut } },
    handler: async (req) => {
      const { campaign: _c, ...r } = await svc.results(requestContext(req), req.params.id);
      return r;
    },
  });

  app.get('/api/survey-campaigns/:id/answers.xlsx', {
    config: { policy: read },
    schema: { tags, summary: 'The answers, one row per response (customers in the caller’s scope)', params: idParams },
    handler: async (req, reply) => {
      const out = await exports.answers(requestContext(req), req.params.id);
      return sendXlsx(reply, out.filename, out.body);
    },
  });

  app.get('/api/survey-campaigns/:id/summary.xlsx', {
    config: { policy: read },
    schema: { tags, summary: 'The results as rows', params: idParams },
    handler: async (req, reply) => {
      const out = await exports.summary(requestContext(req), req.params.id);
      return sendXlsx(reply, out.filename, out.body);
    },
  });

  // Improvement plans

  app.get('/api/survey-campaigns/:id/improvement-plans', {
    config: { policy: read },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(s.planSummaryOut) }) } },
    handler: async (req) => ({ items: (await svc.plans(req.params.id)).map(presentPlanSummary) }),
  });

  app.post('/api/survey-campaigns/:id/improvement-plans', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: s.planBody, response: { 201: s.planOut } },
    handler: async (req, reply) => reply.status(201).send(presentPlan(await svc.createPlan(requestContext(req), req.params.id, req.body))),
  });

  app.get('/api/survey-improvement-plans/:id', {
    config: { policy: read },
    schema: { tags, params: idParams, response: { 200: s.planOut } },
    handler: async (req) => presentPlan(await svc.viewPlan(requestContext(req), req.params.id)),
  });

  app.put('/api/survey-improvement-plans/:id', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: s.planUpdateBody, response: { 200: s.planOut } },
    handler: async (req) => presentPlan(await svc.updatePlan(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/survey-improvement-plans/:id/submit', {
    config: { policy: manage },
    schema: { tags, summary: 'Submit to leadership (approval chain survey_improvement)', params: idParams, body: s.submitBody, response: { 200: s.planOut } },
    handler: async (req) => presentPlan(await svc.submitPlan(requestContext(req), req.params.id, req.body)),
  });

  // Scores for the KPI module

  app.get('/api/survey-scores', {
    config: { policy: { capability: 'surveys.read' } },
    schema: { tags, summary: 'Per-response satisfaction index by customer and responsible person at the time (customers in scope)', querystring: s.scoreListQuery, response: { 200: page(s.scoreOut) } },
    handler: async (req) => {
      const { page: p, pageSize, from, to, ...f } = req.query;
      const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
      const nextDayStart = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86400_000).toISOString();
      const { rows, total } = await svc.scores(requestContext(req), { ...f, from: from && dayStart(from), to: to && nextDayStart(to) }, { page: p, pageSize });
      return { items: rows.map(presentScore), total, page: p, pageSize };
    },
  });

  // The public answer page (/public/survey/:token in the web app): no login; same-origin POST only (the
  // guard checks Origin on public routes as for sign-in, and the JSON body rules out plain HTML forms);
  // every request counts against the per-IP limit.

  // Counted before the body is even validated, so malformed floods are limited too.
  const throttle = async (req: FastifyRequest) => svc.throttle(req.ip ?? null);

  app.get('/api/public/surveys/:token', {
    config: { policy: { public: true } },
    onRequest: throttle,
    schema: { tags, params: s.tokenParams, response: { 200: s.publicSurveyOut } },
    handler: async (req) => svc.publicView(req.params.token),
  });

  app.post('/api/public/surveys/:token', {
    config: { policy: { public: true } },
    onRequest: throttle,
    schema: { tags, params: s.tokenParams, body: s.publicResponseBody, response: { 201: z.object({ ok: z.literal(true) }) } },
    handler: async (req, reply) => {
      await svc.publicRespond(req.params.token, req.body, { ip: req.ip ?? null, requestId: req.id, lang: req.lang });
      return reply.status(201).send({ ok: true as const });
    },
  });
}
