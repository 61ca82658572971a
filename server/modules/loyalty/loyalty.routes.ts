import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import type { RfmRow } from './loyalty.queries';
import type { Segment } from './loyalty.rules';
import * as s from './loyalty.schemas';
import type { ChurnRisk, LoyaltyService } from './loyalty.service';

/** Whitelisted output. */
const churnState = (e: ChurnRisk) => ({
  status: e.customer.status,
  lastVisit: e.lastVisit,
  since: e.churn.since,
  monthsSince: e.churn.monthsSince,
  riskSince: e.churn.riskSince,
  atRisk: e.churn.atRisk,
  reason: e.reason,
  taskId: e.taskId,
});
const presentRisk = (e: ChurnRisk): z.infer<typeof s.churnRiskOut> => ({
  customerId: e.customer.id,
  customerName: e.customer.name,
  archiveNo: e.customer.archive_no ?? null,
  ownerId: e.customer.owner_id ?? null,
  ownerName: e.customer.owner_name ?? null,
  ...churnState(e),
});
const scores = (r: RfmRow & { segment: Segment }) => ({
  lastPurchase: r.last_date,
  orders: r.orders,
  amountCents: r.amount_cents,
  r: r.r,
  f: r.f,
  m: r.m,
  segment: r.segment,
  valueRank: r.value_rank,
  population: r.population,
});

/** Churn and loyalty 客户流失与忠诚度 (docs/regulations.md §16). */
export async function loyaltyRoutes(server: FastifyInstance, deps: { loyalty: LoyaltyService }) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { loyalty } = deps;
  const tags = ['loyalty 客户流失与忠诚度'];
  const read = { capability: 'loyalty.read' };
  const manage = { capability: 'loyalty.manage', resource: { type: 'customer' } };

  app.get('/api/loyalty/churn-risks', {
    config: { policy: read },
    schema: { tags, summary: 'Customers without a visit for the configured months, within the caller’s scope', querystring: s.churnQuery, response: { 200: s.churnListOut } },
    handler: async (req) => {
      const r = await loyalty.churnRisks(requestContext(req), req.query);
      return { months: r.months, rows: r.rows.map(presentRisk) };
    },
  });

  app.put('/api/customers/:id/loyalty/churn-reason', {
    config: { policy: manage },
    schema: { tags, summary: 'Record why the customer is at risk of churning (current risk period)', params: idParams, body: s.reasonBody, response: { 200: s.churnRiskOut } },
    handler: async (req) => presentRisk(await loyalty.setReason(requestContext(req), req.params.id, req.body.reason)),
  });

  app.get('/api/loyalty/lost', {
    config: { policy: read },
    schema: { tags, summary: 'Customers without a purchase for the configured months: proposed as lost', response: { 200: s.lostListOut } },
    handler: async (req) => {
      const r = await loyalty.lostProposals(requestContext(req));
      return {
        months: r.months,
        rows: r.rows.map((c) => ({ customerId: c.id, customerName: c.name, archiveNo: c.archive_no ?? null, ownerId: c.owner_id ?? null, ownerName: c.owner_name ?? null, status: c.status, lastPurchase: c.last_date, orders: c.orders, amountCents: c.amount_cents })),
      };
    },
  });

  app.post('/api/customers/:id/loyalty/lost', {
    config: { policy: manage },
    schema: { tags, summary: 'Record the customer as lost (流失) with the reason, kept in its history', params: idParams, body: s.reasonBody, response: { 200: s.lostOut } },
    handler: async (req) => loyalty.markLost(requestContext(req), req.params.id, req.body.reason),
  });

  app.get('/api/loyalty/rfm', {
    config: { policy: read },
    schema: { tags, summary: 'RFM quintiles, segment and value rank of the buyers within the caller’s scope', querystring: s.rfmQuery, response: { 200: s.rfmListOut } },
    handler: async (req) => {
      const r = await loyalty.rfmList(requestContext(req), req.query);
      return {
        from: r.from,
        to: r.to,
        rows: r.rows.map((x) => ({ customerId: x.customer_id, customerName: x.name, archiveNo: x.archive_no ?? null, ownerId: x.owner_id ?? null, ownerName: x.owner_name ?? null, ...scores(x) })),
      };
    },
  });

  app.get('/api/customers/:id/loyalty', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's churn state, last purchase, RFM scores and value rank", params: idParams, response: { 200: s.customerLoyaltyOut } },
    handler: async (req) => {
      const c = await loyalty.customer(req.params.id);
      return { churnRiskMonths: c.months, churn: c.churn ? churnState(c.churn) : null, lastPurchase: c.lastPurchase, window: c.window, rfm: c.rfm ? scores(c.rfm) : null };
    },
  });

  app.post('/api/loyalty/run', {
    config: { policy: { capability: 'loyalty.run' } },
    schema: { tags, summary: 'Run the churn-risk check now (one outreach task per risk period)', response: { 200: s.runOut } },
    handler: async () => loyalty.run(),
  });
}
