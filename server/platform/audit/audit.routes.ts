import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { page, pagingQuery } from '../http/schemas';
import { listAudit } from './audit.queries';

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
      const { page: p, pageSize, ...filter } = req.query;
      const { rows, total } = await listAudit(db, filter, { page: p, pageSize });
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
        total,
        page: p,
        pageSize,
      };
    },
  });
}
