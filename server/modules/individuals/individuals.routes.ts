import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { dateString, idParams, page, pagingQuery, version } from '../../platform/http/schemas';
import { isPhone, maskPhone } from '../customers/customers.rules';
import { maskIdNumber } from './individuals.rules';
import type { IndividualService } from './individuals.service';

const fields = {
  name: z.string().trim().min(1, 'validation.required').max(50),
  gender: z.enum(['male', 'female']).nullable().optional(),
  birthday: dateString.nullable().optional(),
  nationality: z.string().trim().max(50).nullable().optional(),
  mobile: z.string().trim().max(40).refine(isPhone, 'validation.phone').nullable().optional(),
  idNumber: z.string().trim().max(30).nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
};

const out = z.object({
  id: z.number(),
  name: z.string(),
  initial: z.string(),
  gender: z.string().nullable(),
  birthday: z.string().nullable(),
  nationality: z.string().nullable(),
  mobile: z.string().nullable(),
  idNumber: z.string().nullable(),
  notes: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

type Row = Awaited<ReturnType<IndividualService['get']>>;
const present = (r: Row): z.infer<typeof out> => ({
  id: r.id,
  name: r.name,
  initial: r.initial,
  gender: r.gender,
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
      querystring: z.object({ q: z.string().trim().max(50).optional(), initial: z.string().regex(/^[A-Z#]$/).optional(), ...pagingQuery }).strict(),
      response: { 200: page(out).extend({ initials: z.array(z.object({ initial: z.string(), count: z.number() })) }) },
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
    schema: { tags, params: idParams, response: { 200: out } },
    handler: async (req) => present(await individuals.get(req.params.id)),
  });

  app.post('/api/individual-customers', {
    config: { policy: { capability: 'customers.create' } },
    schema: { tags, body: z.object(fields).strict(), response: { 201: out } },
    handler: async (req, reply) => reply.status(201).send(present(await individuals.create(requestContext(req), req.body))),
  });

  app.put('/api/individual-customers/:id', {
    config: { policy: { capability: 'customers.update', resource } },
    schema: { tags, params: idParams, body: z.object({ ...fields, name: fields.name.optional(), version }).strict(), response: { 200: out } },
    handler: async (req) => present(await individuals.update(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/individual-customers/:id/reveal', {
    config: { policy: { capability: 'customers.reveal', resource } },
    schema: { tags, params: idParams, body: z.object({ field: z.enum(['mobile', 'idNumber']) }).strict(), response: { 200: z.object({ value: z.string().nullable() }) } },
    handler: async (req) => ({ value: await individuals.reveal(requestContext(req), req.params.id, req.body.field) }),
  });
}
