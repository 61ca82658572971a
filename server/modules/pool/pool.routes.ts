import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import { shanghaiDate } from '../../platform/time';
import { addDays, type PoolRuleKind } from './pool.rules';
import * as s from './pool.schemas';
import type { PoolService } from './pool.service';

/** The public pool 公海 (docs/regulations.md §8). A pool's `:id` is checked against the caller's department (404). */
export async function poolRoutes(root: FastifyInstance, deps: { pool: PoolService }) {
  const { pool } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['pool 公海'];
  const read = { capability: 'pool.read' };

  app.get('/api/pools', {
    config: { policy: read },
    schema: { tags, summary: 'The pools of the caller’s department (directors and managers: all) with their customer counts', response: { 200: s.poolOut.array() } },
    handler: async (req) =>
      (await pool.listPools(requestContext(req))).map((p) => ({
        id: p.id,
        name: p.name,
        departmentId: p.department_id,
        departmentName: p.department_name ?? null,
        keeperId: p.keeper_id,
        keeperName: p.keeper_name ?? null,
        isDefault: p.is_default === 1,
        customerCount: Number(p.customer_count ?? 0),
      })),
  });

  app.post('/api/pools', {
    config: { policy: { capability: 'pool.manage' } },
    schema: { tags, summary: 'Another pool for a department (the default one is created with the first move)', body: s.poolCreateBody, response: { 201: s.poolCreatedOut } },
    handler: async (req, reply) => reply.status(201).send({ id: await pool.createPool(req.body) }),
  });

  app.get('/api/pool/status', {
    config: { policy: { capability: 'pool.claim' } },
    schema: { tags, summary: 'The caller’s claims today and holdings against the caps', response: { 200: s.statusOut } },
    handler: async (req) => pool.myStatus(requestContext(req)),
  });

  app.get('/api/pools/:id/customers', {
    config: { policy: { ...read, resource: { type: 'pool' } } },
    schema: { tags, summary: 'Customers in the pool with the reason they were moved', params: idParams, querystring: s.entryQuery, response: { 200: page(s.entryOut) } },
    handler: async (req) => {
      const ctx = requestContext(req);
      const { page: p, pageSize, ...filters } = req.query;
      const [{ rows, total }, status] = await Promise.all([pool.entries(req.params.id, filters, { page: p, pageSize }), pool.myStatus(ctx)]);
      return {
        items: rows.map((r) => {
          const until = addDays(shanghaiDate(new Date(r.released_at)), status.cooldownDays);
          return {
            customerId: r.customer_id,
            name: r.name,
            archiveNo: r.archive_no,
            grade: r.grade,
            industry: r.industry,
            rule: r.rule as PoolRuleKind,
            reason: r.reason,
            releasedAt: new Date(r.released_at).toISOString(),
            previousOwnerName: r.previous_owner_name ?? null,
            cooldownUntil: r.previous_owner_id === ctx.actor.id && status.today < until ? until : null,
          };
        }),
        total,
        page: p,
        pageSize,
      };
    },
  });

  app.post('/api/pools/:id/claims', {
    config: { policy: { capability: 'pool.claim', resource: { type: 'pool' } } },
    schema: { tags, summary: 'Claim a customer: daily cap, holding cap and the previous owner’s cooldown (422 beyond)', params: idParams, body: s.claimBody },
    handler: async (req, reply) => {
      await pool.claim(requestContext(req), req.params.id, req.body.customerId);
      return reply.status(204).send();
    },
  });

  app.get('/api/customers/:id/pool', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: 'Whether the customer is in a pool or heading there, why a move was skipped, and the log', params: idParams, response: { 200: s.customerPoolOut } },
    handler: async (req) => {
      const r = await pool.customerPool(req.params.id);
      return {
        entry: r.entry && { poolId: r.entry.pool_id, rule: r.entry.rule, reason: r.entry.reason, releasedAt: new Date(r.entry.released_at).toISOString() },
        watch: r.watch && { rule: r.watch.rule, dueDate: r.watch.due_date, reason: r.watch.reason, remindedOn: r.watch.reminded_on, skipReason: r.watch.skip_reason },
        events: r.events.map((e) => ({ id: e.id, kind: e.kind, reason: e.reason, at: new Date(e.at).toISOString(), poolName: e.pool_name ?? null, userName: e.user_name ?? null })),
      };
    },
  });
}
