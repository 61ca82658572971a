import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import type { EndingRow } from './ending.queries';
import type { EndingService } from './ending.service';
import * as s from './evaluations.schemas';

function present(r: EndingRow): z.infer<typeof s.endCooperationOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    evaluationId: r.evaluation_id,
    riskId: r.risk_id,
    reason: r.reason,
    status: r.status as z.infer<typeof s.endCooperationOut>['status'],
    applicantName: r.applicant_name ?? null,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

/**
 * 申请终止合作 from an evaluation recommending 终止关系 or from a high risk (docs/regulations.md §4, §5); the
 * approval itself is the engine's (/api/approvals). Each `:id` is checked against the record's scope (404).
 */
export async function endingRoutes(root: FastifyInstance, deps: { ending: EndingService }) {
  const { ending } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluations 客户关系评估'];
  const write = { capability: 'evaluations.write' };
  const read = { capability: 'evaluations.read' };

  app.post('/api/evaluations/:id/end-cooperation', {
    config: { policy: { ...write, resource: { type: 'evaluation' } } },
    schema: { tags, summary: '申请终止合作 from an evaluation recommending 终止关系 (else 422)', params: idParams, body: s.endCooperationBody, response: { 201: s.endCooperationOut } },
    handler: async (req, reply) => reply.status(201).send(present(await ending.fromEvaluation(requestContext(req), req.params.id, req.body.reason))),
  });
  app.get('/api/evaluations/:id/end-cooperation', {
    config: { policy: { ...read, resource: { type: 'evaluation' } } },
    schema: { tags, summary: 'The latest request to end cooperation made from this evaluation', params: idParams, response: { 200: s.endCooperationLatestOut } },
    handler: async (req) => {
      const r = await ending.latestFor({ evaluationId: req.params.id });
      return { request: r ? present(r) : null };
    },
  });
  app.post('/api/credit-risks/:id/end-cooperation', {
    config: { policy: { ...write, resource: { type: 'credit_risk' } } },
    schema: { tags, summary: '申请终止合作 from an open high risk (else 422)', params: idParams, body: s.endCooperationBody, response: { 201: s.endCooperationOut } },
    handler: async (req, reply) => reply.status(201).send(present(await ending.fromRisk(requestContext(req), req.params.id, req.body.reason))),
  });
  app.get('/api/credit-risks/:id/end-cooperation', {
    config: { policy: { ...read, resource: { type: 'credit_risk' } } },
    schema: { tags, summary: 'The latest request to end cooperation made from this risk', params: idParams, response: { 200: s.endCooperationLatestOut } },
    handler: async (req) => {
      const r = await ending.latestFor({ riskId: req.params.id });
      return { request: r ? present(r) : null };
    },
  });
}
