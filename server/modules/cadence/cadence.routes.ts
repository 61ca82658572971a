import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import * as s from './cadence.schemas';
import type { CadenceService, Evaluated } from './cadence.service';

/** Whitelisted output. */
function presentCustomer(e: Evaluated): z.infer<typeof s.cadenceCustomerOut> {
  return {
    customerId: e.customer.id,
    customerName: e.customer.name,
    archiveNo: e.customer.archive_no ?? null,
    grade: e.customer.grade!,
    ownerId: e.customer.owner_id ?? null,
    ownerName: e.customer.owner_name ?? null,
    teamId: e.customer.team_id ?? null,
    lastContact: e.lastContact,
    dueDate: e.cadence.dueDate,
    overdueDays: e.cadence.overdueDays,
    status: e.cadence.status,
    interval: e.cadence.interval,
    capped: e.cadence.capped,
    rule: e.cadence.rule,
    tier: e.tier,
    exempt: e.exempt,
  };
}

type State = Awaited<ReturnType<CadenceService['customerState']>>;
const presentState = (st: State): z.infer<typeof s.customerCadenceOut> => ({
  cadence: st.e ? presentCustomer(st.e) : null,
  capMonths: st.rules.capMonths,
  exemption: st.exemption ? { reason: st.exemption.reason, createdAt: new Date(st.exemption.created_at).toISOString() } : null,
});

/** Visit cadence 回访频率 (docs/regulations.md §8). */
export async function cadenceRoutes(server: FastifyInstance, deps: { cadence: CadenceService }) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { cadence } = deps;
  const tags = ['cadence 回访频率'];
  const read = { capability: 'cadence.read' };

  app.get('/api/cadence/compliance', {
    config: { policy: read },
    schema: { tags, summary: 'Cadence compliance per person, team and grade within the caller’s scope', querystring: s.complianceQuery, response: { 200: s.complianceOut } },
    handler: async (req) => {
      const c = await cadence.compliance(requestContext(req), req.query);
      return {
        ...c,
        customers: c.customers.map(presentCustomer),
        members: c.members.map((m) => ({
          individualId: m.individualId,
          name: m.name,
          memberNo: m.memberNo,
          tier: m.tier,
          ownerId: m.ownerId,
          ownerName: m.ownerName,
          teamId: m.teamId,
          lastContact: m.lastContact,
          dueDate: m.cadence.dueDate,
          overdueDays: m.cadence.overdueDays,
          status: m.cadence.status,
          interval: m.cadence.interval,
        })),
      };
    },
  });

  app.get('/api/customers/:id/cadence', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's cadence: last contact, due date, status", params: idParams, response: { 200: s.customerCadenceOut } },
    handler: async (req) => presentState(await cadence.customerState(req.params.id)),
  });

  app.post('/api/customers/:id/cadence/refresh', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: 'Check the cadence now (after a visit): closes the overdue task when the contact meets it', params: idParams, response: { 200: s.customerCadenceOut } },
    handler: async (req) => presentState(await cadence.refreshCustomer(req.params.id)),
  });

  app.put('/api/customers/:id/cadence/exemption', {
    config: { policy: { capability: 'cadence.exempt', resource: { type: 'customer' } } },
    schema: { tags, summary: 'Record the reason that exempts the customer from the one-month cap', params: idParams, body: s.exemptionBody, response: { 200: s.customerCadenceOut } },
    handler: async (req) => presentState(await cadence.setExemption(requestContext(req), req.params.id, req.body.reason)),
  });

  app.delete('/api/customers/:id/cadence/exemption', {
    config: { policy: { capability: 'cadence.exempt', resource: { type: 'customer' } } },
    schema: { tags, params: idParams, response: { 200: s.customerCadenceOut } },
    handler: async (req) => presentState(await cadence.deleteExemption(requestContext(req), req.params.id)),
  });

  app.post('/api/cadence/run', {
    config: { policy: { capability: 'cadence.run' } },
    schema: { tags, summary: 'Run the nightly cadence check now (tasks, escalations, closures)', response: { 200: s.runOut } },
    handler: async () => cadence.run(),
  });
}
