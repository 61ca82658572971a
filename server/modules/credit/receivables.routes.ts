import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import * as s from './credit.schemas';
import type { ReceivableRow } from './receivables.queries';
import type { ReceivableService } from './receivables.service';

/**
 * Receivables 应收账款 (docs/regulations.md §5): finance enters them by hand, the ERP pushes them (idempotent by
 * document number); everyone else reads those of the customers in their scope (another team's: 404).
 */
export async function receivableRoutes(root: FastifyInstance, deps: { receivables: ReceivableService }) {
  const { receivables } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['credit 信用与风险'];
  const read = { capability: 'credit.read' };
  const enter = { capability: 'credit.receivables' };

  function present(r: ReceivableRow): z.infer<typeof s.receivableOut> {
    const amount = Number(r.amount_cents);
    const paid = Number(r.paid_cents);
    const overdueDays = receivables.overdueDays(r);
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      customerArchiveNo: r.customer_archive_no,
      ownerName: r.owner_name ?? null,
      docNo: r.doc_no,
      source: r.source,
      amount: amount / 100,
      dueDate: r.due_date,
      paidAmount: paid / 100,
      paidDate: r.paid_date,
      outstanding: Math.max(0, amount - paid) / 100,
      state: paid >= amount ? 'paid' : overdueDays > 0 ? 'overdue' : 'open',
      overdueDays,
      notes: r.notes,
      createdAt: r.created_at,
      version: r.version,
    };
  }

  app.get('/api/credit-receivables', {
    config: { policy: read },
    schema: { tags, summary: 'Receivables within scope, overdue first (oldest due date first)', querystring: s.receivableListQuery, response: { 200: page(s.receivableOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...filters } = req.query;
      const { rows, total } = await receivables.list(requestContext(req), filters, { page: p, pageSize });
      return { items: rows.map(present), total, page: p, pageSize };
    },
  });

  app.get('/api/customers/:id/receivables', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's receivables, overdue first", params: idParams, response: { 200: page(s.receivableOut) } },
    handler: async (req) => {
      const { rows, total } = await receivables.list(requestContext(req), { customerId: req.params.id }, { page: 1, pageSize: 200 });
      return { items: rows.map(present), total, page: 1, pageSize: 200 };
    },
  });

  app.post('/api/credit-receivables', {
    config: { policy: enter },
    schema: { tags, summary: 'Enter a receivable by hand (finance)', body: s.receivableBody, response: { 201: s.receivableOut } },
    handler: async (req, reply) => reply.status(201).send(present(await receivables.create(requestContext(req), req.body))),
  });

  app.post('/api/credit-receivables/push', {
    config: { policy: enter },
    schema: { tags, summary: 'The ERP pushes up to 1,000 receivables; idempotent by document number', body: s.receivablePushBody, response: { 200: s.receivablePushOut } },
    handler: async (req) => receivables.push(requestContext(req), req.body),
  });

  app.get('/api/credit-receivables/:id', {
    config: { policy: { ...read, resource: { type: 'credit_receivable' } } },
    schema: { tags, params: idParams, response: { 200: s.receivableOut } },
    handler: async (req) => present(await receivables.get(req.params.id)),
  });

  app.put('/api/credit-receivables/:id', {
    config: { policy: { ...enter, resource: { type: 'credit_receivable' } } },
    schema: { tags, summary: 'Correct a receivable or record a payment', params: idParams, body: s.receivableUpdateBody, response: { 200: s.receivableOut } },
    handler: async (req) => present(await receivables.update(requestContext(req), req.params.id, req.body)),
  });
}
