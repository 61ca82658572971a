import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import * as s from './approvals.schemas';
import type { ApprovalEngine } from './approvals.service';
import type { ChainStep } from './approvals.types';

const documentType = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/);

/**
 * Approvals (issue 4 §1, docs/regulations.md §18). Who may see or decide a request depends on the current step's
 * approvers, not only on data scope, so the engine itself answers 404 / 403 for `:id` (hence `companyWide`:
 * the guard has no scoped record type to check it against).
 */
export async function approvalRoutes(root: FastifyInstance, approvals: ApprovalEngine) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['approvals 审批'];

  app.get('/api/approvals/queue', {
    config: { policy: { capability: 'approvals.use' } },
    schema: { tags, response: { 200: z.object({ items: z.array(s.requestOut) }) } },
    handler: async (req) => ({ items: await approvals.queue(requestContext(req)) }),
  });

  app.get('/api/approvals', {
    config: { policy: { capability: 'approvals.use' } },
    schema: {
      tags,
      querystring: z.object({ documentType, documentId: z.coerce.number().int().positive() }).strict(),
      response: { 200: z.object({ request: s.requestOut.nullable() }) },
    },
    handler: async (req) => ({ request: await approvals.forDocument(requestContext(req), req.query.documentType, req.query.documentId) }),
  });

  app.get('/api/approvals/:id', {
    config: { policy: { capability: 'approvals.use', companyWide: true } },
    schema: { tags, params: idParams, response: { 200: s.requestOut } },
    handler: async (req) => approvals.get(requestContext(req), req.params.id),
  });

  app.post('/api/approvals/:id/actions', {
    config: { policy: { capability: 'approvals.use', companyWide: true } },
    schema: { tags, params: idParams, body: s.actionBody, response: { 200: s.requestOut } },
    handler: async (req) => {
      const { action, ...input } = req.body;
      return approvals.act(requestContext(req), req.params.id, action, input);
    },
  });

  app.get('/api/approval-chains', {
    config: { policy: { capability: 'approvals.configure' } },
    schema: { tags, response: { 200: z.object({ items: z.array(s.chainOut) }) } },
    handler: async (req) => ({ items: await approvals.listChains(req.lang) }),
  });

  app.put('/api/approval-chains/:documentType', {
    config: { policy: { capability: 'approvals.configure' } },
    schema: { tags, params: z.object({ documentType }), body: s.chainSave, response: { 200: s.chainOut } },
    handler: async (req) => approvals.saveChain(requestContext(req), req.params.documentType, req.body.steps as ChainStep[], req.body.version),
  });

  app.get('/api/approval-groups', {
    config: { policy: { capability: 'approvals.configure' } },
    schema: { tags, response: { 200: z.object({ items: z.array(s.groupOut) }) } },
    handler: async () => ({ items: (await approvals.listGroups()).map(presentGroup) }),
  });

  app.post('/api/approval-groups', {
    config: { policy: { capability: 'approvals.configure' } },
    schema: { tags, body: s.groupCreate, response: { 201: s.groupOut } },
    handler: async (req, reply) => reply.status(201).send(presentGroup(await approvals.createGroup(requestContext(req), req.body))),
  });

  app.put('/api/approval-groups/:id', {
    config: { policy: { capability: 'approvals.configure', companyWide: true } },
    schema: { tags, params: idParams, body: s.groupUpdate, response: { 200: s.groupOut } },
    handler: async (req) => presentGroup(await approvals.updateGroup(requestContext(req), req.params.id, req.body)),
  });
}

type GroupRow = Awaited<ReturnType<ApprovalEngine['listGroups']>>[number];
const presentGroup = (g: GroupRow): z.infer<typeof s.groupOut> => ({ id: g.id, key: g.key, name: g.name, version: g.version, members: g.members });
