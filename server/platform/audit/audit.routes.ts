import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { page } from '../http/schemas';
import { auditEntryOut, auditQuery } from './audit.schemas';
import { listAudit } from './audit.queries';
import { displayAudit } from './audit.display';
import { requestContext } from '../http/guard';
import type { ReferenceService } from '../reference/reference.service';

/** Read-only: no route edits or deletes audit entries, and the table refuses UPDATE/DELETE (issue 2 §6). */
export async function auditRoutes(root: FastifyInstance, db: Kysely<Database>, reference: ReferenceService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/audit', {
    config: { policy: { capability: 'audit.read' } },
    schema: {
      tags: ['audit 审计日志'],
      querystring: auditQuery,
      response: { 200: page(auditEntryOut) },
    },
    handler: async (req) => {
      const { page: p, pageSize, ...filter } = req.query;
      const { rows, total } = await listAudit(db, filter, { page: p, pageSize });
      const shown = await displayAudit(db, reference, requestContext(req).lang, rows);
      return {
        items: rows.map((r, i) => ({
          ...shown[i],
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
