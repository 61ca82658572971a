import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import type { EvaluationRow } from './evaluations.queries';
import { type EvaluationStatus, type Recommendation, totalPoints } from './evaluations.rules';
import * as s from './evaluations.schemas';
import type { EvaluationService } from './evaluations.service';

type TemplateView = Awaited<ReturnType<EvaluationService['getTemplate']>>;

function presentTemplate(r: TemplateView): z.infer<typeof s.templateOut> {
  return {
    id: r.id,
    familyId: r.family_id ?? r.id,
    versionNo: r.version_no,
    name: r.name,
    description: r.description,
    status: r.status === 'superseded' ? 'superseded' : 'active',
    builtin: r.builtin_key !== null,
    used: r.used,
    indicators: r.indicators.map((i) => ({ id: i.id, position: i.position, name: i.name, weight: i.weight, basis: i.basis })),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Whitelisted output: the total leaves as points (stored as hundredths). */
function present(r: EvaluationRow): z.infer<typeof s.evaluationOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerArchiveNo: r.customer_archive_no,
    templateId: r.template_id,
    templateName: r.template_name,
    templateVersionNo: r.template_version_no,
    evaluatedOn: r.evaluated_on,
    total: totalPoints(r.total_hundredths),
    recommendation: r.recommendation as Recommendation,
    conclusion: r.conclusion,
    status: r.status as EvaluationStatus,
    submittedByName: r.submitted_by_name ?? null,
    submittedAt: r.submitted_at,
    reviewedByName: r.reviewed_by_name ?? null,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Relationship evaluation 客户关系评估 (docs/regulations.md §4). Every evaluation `:id` is checked against its data scope (404). */
export async function evaluationRoutes(root: FastifyInstance, deps: { evaluations: EvaluationService }) {
  const { evaluations } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluations 客户关系评估'];
  const resource = { type: 'evaluation' as const };

  async function detail(req: FastifyRequest, id: number): Promise<z.infer<typeof s.evaluationDetailOut>> {
    const row = await evaluations.get(id);
    return { ...present(row), ...(await evaluations.detailParts(row)), can: evaluations.can(requestContext(req), row) };
  }

  app.get('/api/evaluation-templates', {
    config: { policy: { capability: 'evaluations.read' } },
    schema: { tags, summary: 'Scorecards (the active versions; includeSuperseded=true for all) and the bands in force', querystring: s.templateListQuery, response: { 200: s.templatesOut } },
    handler: async (req) => ({ items: (await evaluations.listTemplates(req.query.includeSuperseded === 'true')).map(presentTemplate), bands: await evaluations.readBands() }),
  });

  // Scorecards are the company's, not a team's: one per company, readable by every evaluator.
  app.get('/api/evaluation-templates/:id', {
    config: { policy: { capability: 'evaluations.read', companyWide: true } },
    schema: { tags, params: idParams, response: { 200: s.templateOut } },
    handler: async (req) => presentTemplate(await evaluations.getTemplate(req.params.id)),
  });

  app.post('/api/evaluation-templates', {
    config: { policy: { capability: 'evaluations.templates' } },
    schema: { tags, summary: 'New scorecard; weights must add up to 100 % (else 422 on indicators)', body: s.templateBody, response: { 201: s.templateOut } },
    handler: async (req, reply) => reply.status(201).send(presentTemplate(await evaluations.createTemplate(requestContext(req), req.body))),
  });

  app.put('/api/evaluation-templates/:id', {
    config: { policy: { capability: 'evaluations.templates', companyWide: true } },
    schema: { tags, summary: 'Edit a scorecard; one already used is kept and the edit becomes a new version (answered)', params: idParams, body: s.templateUpdateBody, response: { 200: s.templateOut } },
    handler: async (req) => presentTemplate(await evaluations.updateTemplate(requestContext(req), req.params.id, req.body)),
  });

  app.get('/api/evaluations', {
    config: { policy: { capability: 'evaluations.read' } },
    schema: { tags, querystring: s.listQuery, response: { 200: page(s.evaluationOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...filters } = req.query;
      const { rows, total } = await evaluations.list(requestContext(req), filters, { page: p, pageSize });
      return { items: rows.map(present), total, page: p, pageSize };
    },
  });

  app.get('/api/customers/:id/evaluations', {
    config: { policy: { capability: 'evaluations.read', resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's evaluations, newest first", params: idParams, querystring: s.customerListQuery, response: { 200: page(s.evaluationOut) } },
    handler: async (req) => {
      const { page: p, pageSize } = req.query;
      const { rows, total } = await evaluations.list(requestContext(req), { customerId: req.params.id }, { page: p, pageSize });
      return { items: rows.map(present), total, page: p, pageSize };
    },
  });

  app.post('/api/evaluations', {
    config: { policy: { capability: 'evaluations.write' } },
    schema: { tags, summary: 'Evaluate a customer (a draft): total and recommendation computed', body: s.createBody, response: { 201: s.evaluationDetailOut } },
    handler: async (req, reply) => {
      const id = await evaluations.create(requestContext(req), req.body);
      return reply.status(201).send(await detail(req, id));
    },
  });

  app.get('/api/evaluations/:id', {
    config: { policy: { capability: 'evaluations.read', resource } },
    schema: { tags, params: idParams, response: { 200: s.evaluationDetailOut } },
    handler: async (req) => detail(req, req.params.id),
  });

  app.put('/api/evaluations/:id', {
    config: { policy: { capability: 'evaluations.write', resource } },
    schema: { tags, summary: 'Edit a draft or returned evaluation (+ version)', params: idParams, body: s.updateBody, response: { 200: s.evaluationDetailOut } },
    handler: async (req) => {
      await evaluations.update(requestContext(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  app.post('/api/evaluations/:id/submit', {
    config: { policy: { capability: 'evaluations.write', resource } },
    schema: { tags, summary: 'Submit to the supervisor of the customer’s team', params: idParams, body: s.versionBody, response: { 200: s.evaluationDetailOut } },
    handler: async (req) => {
      await evaluations.submit(requestContext(req), req.params.id, req.body.version);
      return detail(req, req.params.id);
    },
  });

  app.post('/api/evaluations/:id/confirm', {
    config: { policy: { capability: 'evaluations.review', resource } },
    schema: { tags, summary: '确认 by the supervisor', params: idParams, body: s.reviewBody, response: { 200: s.evaluationDetailOut } },
    handler: async (req) => {
      await evaluations.review(requestContext(req), req.params.id, req.body, 'confirmed');
      return detail(req, req.params.id);
    },
  });

  app.post('/api/evaluations/:id/return', {
    config: { policy: { capability: 'evaluations.review', resource } },
    schema: { tags, summary: '退回 with a comment', params: idParams, body: s.returnBody, response: { 200: s.evaluationDetailOut } },
    handler: async (req) => {
      await evaluations.review(requestContext(req), req.params.id, req.body, 'returned');
      return detail(req, req.params.id);
    },
  });
}
