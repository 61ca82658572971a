import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import { maskPhone } from '../customers/customers.rules';
import { maskIdNumber } from './individuals.rules';
import type { IndividualService } from './individuals.service';
import { GENDERS, individualCreate, individualListQuery, individualOut, individualPageOut, individualRevealBody, individualUpdate } from './individuals.schemas';

type Row = Awaited<ReturnType<IndividualService['get']>>;
const present = (r: Row): z.infer<typeof individualOut> => ({
  id: r.id,
  name: r.name,
  initial: r.initial,
  gender: r.gender as (typeof GENDERS)[number] | null,
  birthday: r.birthday,
  nationality: r.nationality,
  mobile: maskPhone(r.mobile),
  idNumber: maskIdNumber(r.id_number),
  notes: r.notes,
  ownerId: r.owner_id,
  ownerName: r.owner_name ?? null,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Individual customers (VIP guests, docs/regulations.md §2); the archive capabilities and data scope apply. */
export async function individualRoutes(root: FastifyInstance, individuals: IndividualService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['individual customers 个人客户'];
  const resource = { type: 'individual' as const };

  app.get('/api/individual-customers', {
    config: { policy: { capability: 'customers.read' } },
    schema: {
      tags,
      querystring: individualListQuery,
      response: { 200: individualPageOut },
    },
    handler: async (req) => {
      const ctx = requestContext(req);
      const { page: p, pageSize, ...f } = req.query;
      const [{ rows, total }, initials] = await Promise.all([individuals.list(ctx, f, { page: p, pageSize }), individuals.initials(ctx)]);
      return { items: rows.map(present), total, page: p, pageSize, initials };
    },
  });

  app.get('/api/individual-customers/:id', {
    config: { policy: { capability: 'customers.read', resource } },
    schema: { tags, params: idParams, response: { 200: individualOut } },
    handler: async (req) => present(await individuals.get(req.params.id)),
  });

  app.post('/api/individual-customers', {
    config: { policy: { capability: 'customers.create' } },
    schema: { tags, body: individualCreate, response: { 201: individualOut } },
    handler: async (req, reply) => reply.status(201).send(present(await individuals.create(requestContext(req), req.body))),
  });

  app.put('/api/individual-customers/:id', {
    config: { policy: { capability: 'customers.update', resource } },
    schema: { tags, params: idParams, body: individualUpdate, response: { 200: individualOut } },
    handler: async (req) => present(await individuals.update(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/individual-customers/:id/reveal', {
    config: { policy: { capability: 'customers.reveal', resource } },
    schema: { tags, params: idParams, body: individualRevealBody, response: { 200: z.object({ value: z.string().nullable() }) } },
    handler: async (req) => ({ value: await individuals.reveal(requestContext(req), req.params.id, req.body.field) }),
  });
}
