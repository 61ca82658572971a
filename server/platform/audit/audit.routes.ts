import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { page, pagingQuery } from '../http/schemas';

const entry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

/** Read-only: no route edits or deletes audit entries, and the table refuses UPDATE/DELETE (issue 2 §6). */
export async function auditRoutes(root: FastifyInstance, db: Kysely<Database>) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/audit', {
    config: { policy: { capability: 'audit.read' } },
    schema: {
      tags: ['audit 审计日志'],
      querystring: z
        .object({
          actorId: z.coerce.number().int().positive().optional(),
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          action: z.string().max(50).optional(),
          from: z.iso.datetime().optional(),
          to: z.iso.datetime().optional(),
          ...pagingQuery,
        })
        .strict(),
      response: { 200: page(entry) },
    },
    handler: async (req) => {
      const q = req.query;
      let base = db.selectFrom('audit_log');
      if (q.actorId) base = base.where('actor_id', '=', q.actorId);
      if (q.entityType) base = base.where('entity_type', '=', q.entityType);
      if (q.entityId) base = base.where('entity_id', '=', q.entityId);
      if (q.action) base = base.where('action', '=', q.action);
      if (q.from) base = base.where('at', '>=', new Date(q.from).toISOString());
      if (q.to) base = base.where('at', '<=', new Date(q.to).toISOString());
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.summary,
          changes: r.changes ? JSON.parse(r.changes) : null,
          ip: r.ip,
          requestId: r.request_id,
        })),
        total: Number(count.n),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  });
}
