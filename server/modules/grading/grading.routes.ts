import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import * as s from './grading.schemas';
import type { GradingService } from './grading.service';

/**
 * The grade 等级 (docs/regulations.md §3): the board of proposals, confirming them, and a customer's grade.
 * Everything follows the customer's data scope: another team's customer is absent or answers 404.
 */
export async function gradingRoutes(root: FastifyInstance, deps: { grading: GradingService }) {
  const { grading } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['grading 客户分级'];

  app.get('/api/grading/board', {
    config: { policy: { capability: 'grading.read' } },
    schema: { tags, summary: 'Customers whose proposed grade differs from the current one', querystring: s.boardQuery, response: { 200: page(s.boardItem) } },
    handler: async (req) => {
      const { page: p, pageSize, ...filters } = req.query;
      const { rows, total } = await grading.board(requestContext(req), filters, { page: p, pageSize });
      return { items: rows, total, page: p, pageSize };
    },
  });

  app.post('/api/grading/propose', {
    config: { policy: { capability: 'grading.confirm' } },
    schema: { tags, summary: 'Propose grades now, for the given customers or the whole scope', body: s.proposeBody, response: { 200: z.object({ changed: z.number() }) } },
    handler: async (req) => ({ changed: await grading.proposeNow(requestContext(req), req.body.customerIds) }),
  });

  app.post('/api/grading/confirm', {
    config: { policy: { capability: 'grading.confirm' } },
    schema: { tags, summary: 'Confirm proposed grades, one or many; another grade needs a reason', body: s.confirmBody, response: { 200: z.object({ confirmed: z.number() }) } },
    handler: async (req) => ({ confirmed: await grading.confirm(requestContext(req), req.body.items) }),
  });

  app.get('/api/customers/:id/grade', {
    config: { policy: { capability: 'grading.read', resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's grade, the proposal and the history of grades", params: idParams, response: { 200: s.customerGradeOut } },
    handler: async (req) => grading.customerGrade(req.params.id),
  });
}
