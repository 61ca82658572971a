import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping, type Db } from '../../db/database';
import { ROLE_DEFINITIONS, ROLES, roleCapabilities } from '../permissions/roles';
import { LANGS } from './i18n';
import { rolesOut } from './system.schemas';

export async function systemRoutes(root: FastifyInstance, deps: { db: Db; version: string; isShuttingDown: () => boolean }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['system 系统'];

  app.get('/api/health', {
    config: { policy: { public: true } },
    schema: { tags, response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/api/ready', {
    config: { policy: { public: true } },
    schema: { tags, response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.string() }) } },
    handler: async (_req, reply) => {
      if (deps.isShuttingDown()) return reply.status(503).send({ status: 'shutting-down' });
      try {
        await ping(deps.db);
        return { status: 'ready' as const, database: deps.db.kind };
      } catch {
        return reply.status(503).send({ status: 'database-unavailable' });
      }
    },
  });

  app.get('/api/meta', {
    config: { policy: { public: true } },
    schema: { tags, response: { 200: z.object({ name: z.string(), version: z.string(), languages: z.array(z.string()) }) } },
    handler: async () => ({ name: 'Guanxi CRM', version: deps.version, languages: LANGS }),
  });

  app.get('/api/roles', {
    config: { policy: { capability: 'users.manage' } },
    schema: {
      tags,
      response: { 200: rolesOut },
    },
    handler: async () => ({
      items: ROLES.map((role) => ({ role, scope: ROLE_DEFINITIONS[role].scope, capabilities: roleCapabilities(role) })),
    }),
  });
}
