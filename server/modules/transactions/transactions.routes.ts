import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page, parseSort } from '../../platform/http/schemas';
import type { ReturnRow, TransactionRow, TransactionSortField } from './transactions.queries';
import { type AmountClass, type ReturnKind, fromCents, netOf } from './transactions.rules';
import * as s from './transactions.schemas';
import type { TransactionService } from './transactions.service';

/** Whitelisted output: amounts leave as yuan with two decimals. */
function present(r: TransactionRow): z.infer<typeof s.transactionOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerArchiveNo: r.customer_archive_no,
    date: r.date,
    product: r.product,
    model: r.model,
    quantity: Number(r.quantity),
    unitPrice: fromCents(Number(r.unit_price_cents)),
    amount: fromCents(Number(r.amount_cents)),
    salespersonId: r.salesperson_id,
    salespersonName: r.salesperson_name ?? null,
    contractId: r.contract_id,
    contractNo: r.contract_no ?? null,
    sourceSystem: r.source_system,
    sourceDocNo: r.source_doc_no,
    createdAt: r.created_at,
  };
}

function presentReturn(r: ReturnRow): z.infer<typeof s.returnOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    transactionId: r.transaction_id,
    transactionDocNo: r.transaction_doc_no ?? null,
    transactionProduct: r.transaction_product ?? null,
    kind: r.kind as ReturnKind,
    date: r.date,
    amount: fromCents(Number(r.amount_cents)),
    reason: r.reason,
    responsibleParty: r.responsible_party,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
  };
}

/**
 * Transactions 交易记录 and returns 退赔折价 (docs/regulations.md §2 archive sections 3–4), and the class
 * by amount (§3). Both follow their customer's data scope: outside it a record answers 404.
 */
export async function transactionRoutes(root: FastifyInstance, deps: { transactions: TransactionService }) {
  const { transactions } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['transactions 交易记录'];

  app.get('/api/transactions', {
    config: { policy: { capability: 'transactions.read' } },
    schema: { tags, querystring: s.listQuery, response: { 200: page(s.transactionOut).extend({ countCapped: z.boolean() }) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, ...filters } = req.query;
      const order = parseSort(sort, '-date') as { field: TransactionSortField; direction: 'asc' | 'desc' };
      const { rows, total, countCapped } = await transactions.list(requestContext(req), filters, { page: p, pageSize, sort: order });
      return { items: rows.map(present), total, countCapped, page: p, pageSize };
    },
  });

  app.post('/api/transactions', {
    config: { policy: { capability: 'transactions.manage' } },
    schema: { tags, summary: 'Enter a transaction by hand; the customer is reclassified at once', body: s.createBody, response: { 201: s.transactionOut } },
    handler: async (req, reply) => reply.status(201).send(present(await transactions.create(requestContext(req), req.body))),
  });

  app.post('/api/transactions/batch', {
    config: { policy: { capability: 'transactions.push' } },
    schema: {
      tags,
      summary: 'An ERP pushes up to 1,000 documents; idempotent by source system and document number',
      body: s.batchBody,
      response: { 200: s.batchOut },
    },
    handler: async (req) => transactions.pushBatch(requestContext(req), req.body),
  });

  app.get('/api/transactions/:id', {
    config: { policy: { capability: 'transactions.read', resource: { type: 'transaction' } } },
    schema: { tags, params: idParams, response: { 200: s.transactionOut } },
    handler: async (req) => present(await transactions.get(requestContext(req), req.params.id)),
  });

  app.get('/api/transaction-returns', {
    config: { policy: { capability: 'transactions.read' } },
    schema: { tags, querystring: s.returnsQuery, response: { 200: page(s.returnOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...filters } = req.query;
      const { rows, total } = await transactions.listReturns(requestContext(req), filters, { page: p, pageSize });
      return { items: rows.map(presentReturn), total, page: p, pageSize };
    },
  });

  app.post('/api/transaction-returns', {
    config: { policy: { capability: 'transactions.manage' } },
    schema: { tags, summary: '退赔折价: a return, refund or discount for a transaction or a customer', body: s.returnBody, response: { 201: s.returnOut } },
    handler: async (req, reply) => reply.status(201).send(presentReturn(await transactions.createReturn(requestContext(req), req.body))),
  });

  app.get('/api/customers/:id/transaction-summary', {
    config: { policy: { capability: 'transactions.read', resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's class by amount, yearly totals and class history", params: idParams, response: { 200: s.summaryOut } },
    handler: async (req) => {
      const sum = await transactions.summary(requestContext(req).lang, req.params.id);
      const c = sum.amountClass;
      return {
        amountClass: c
          ? { amountClass: c.amountClass, year: c.year, net: fromCents(c.netCents), largeLine: fromCents(c.largeLineCents), smallLine: fromCents(c.smallLineCents), reason: c.reason, changedAt: c.changedAt, computedAt: c.computedAt }
          : null,
        industryClass: sum.industryClass,
        cooperationClass: sum.cooperationClass,
        dimensionChanges: sum.dimensionChanges,
        years: sum.years.map((y) => ({ year: y.year, gross: fromCents(y.grossCents), returned: fromCents(y.returnedCents), net: fromCents(netOf(y)) })),
        changes: sum.changes.map((x) => ({
          at: x.at,
          oldClass: x.old_class as AmountClass | null,
          newClass: x.new_class as AmountClass | null,
          cause: x.cause,
          actorName: x.actor_name ?? null,
          reason: x.reason,
        })),
      };
    },
  });
}
