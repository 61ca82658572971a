import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page, parseSort } from '../../platform/http/schemas';
import { requestOut } from '../approvals/approvals.schemas';
import type { ApprovalService } from '../approvals/approvals.types';
import { acceptFileBody, attachmentOut, attachmentParams, presentAttachment, sendAttachment } from '../customers/attachments.http';
import type { ContractRow, ContractSortField } from './contracts.queries';
import type { AuthorityResult, ContractStatus } from './contracts.rules';
import { fromCents } from './contracts.rules';
import * as s from './contracts.schemas';
import type { ContractService } from './contracts.service';

const flag = (v: number | null) => (v === null ? null : v === 1);

/** Whitelisted output (style.md habit 3): amounts leave as currency units with two decimals. */
function present(r: ContractRow): z.infer<typeof s.contractOut> {
  return {
    id: r.id,
    contractNo: r.contract_no,
    title: r.title,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerArchiveNo: r.customer_archive_no,
    amount: fromCents(r.amount_cents),
    currency: r.currency,
    signingDate: r.signing_date,
    startDate: r.start_date,
    endDate: r.end_date,
    terms: r.terms,
    signerId: r.signer_id,
    signerName: r.signer_name ?? null,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    status: r.status as ContractStatus,
    exceedsLimit: flag(r.exceeds_limit),
    exceedsTerm: flag(r.exceeds_term),
    signedAt: r.signed_at,
    effectiveAt: r.effective_at,
    terminationReason: r.termination_reason,
    terminatedAt: r.terminated_at,
    terminatedByName: r.terminated_by_name ?? null,
    createdByName: r.created_by_name ?? null,
    businessType: (r.business_type as z.infer<typeof s.contractOut>['businessType']) ?? null,
    resource: r.resource ?? null,
    quantity: r.quantity === null || r.quantity === undefined ? null : Number(r.quantity),
    filingLocation: r.filing_location ?? null,
    overCapacity: flag(r.over_capacity ?? null),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

const presentAuthority = (a: AuthorityResult): z.infer<typeof s.authorityOut> => ({
  within: a.within,
  exceedsLimit: a.exceedsLimit,
  exceedsTerm: a.exceedsTerm,
  limitWan: a.limitWan,
  amountCny: fromCents(a.amountCnyCents),
  termMonths: a.termMonths,
  maxTermMonths: a.maxTermMonths,
});

function presentBooking(b: Awaited<ReturnType<ContractService['bookings']>>[number]): z.infer<typeof s.bookingOut> {
  return {
    id: b.id,
    customerId: b.customer_id,
    businessType: b.business_type as z.infer<typeof s.bookingOut>['businessType'],
    quantity: Number(b.quantity),
    day: b.day,
    resource: b.resource,
    contractId: b.contract_id,
    contractNo: b.contract_no ?? null,
    note: b.note,
    createdAt: b.created_at,
  };
}

/** Contracts 合同 (issue 4 §7, docs/regulations.md §13). Every `:id` is checked against the contract's data scope (404). */
export async function contractRoutes(root: FastifyInstance, deps: { contracts: ContractService; approvals: Pick<ApprovalService, 'forDocument'> }) {
  const { contracts, approvals } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['contracts 合同'];
  const resource = { type: 'contract' as const };

  async function detail(req: Parameters<typeof requestContext>[0], id: number): Promise<z.infer<typeof s.contractDetailOut>> {
    const ctx = requestContext(req);
    const row = await contracts.get(id);
    let lastDecision: z.infer<typeof s.contractDetailOut>['lastDecision'] = null;
    if (row.status === 'draft' && row.signed_at) {
      // A draft that was signed before has come back from approval: show the approver's words.
      const request = await approvals.forDocument(ctx, 'contract', id).catch(() => null);
      const last = request?.history.filter((h) => h.action === 'reject' || h.action === 'return').at(-1);
      if (last) lastDecision = { action: last.action, comment: last.comment, actorName: last.actorName, at: last.at };
    }
    const cap = await contracts.capacity(row);
    const capacity = cap ? { overCapacity: cap.overCapacity, day: cap.day?.day ?? null, capacity: cap.day?.capacity ?? null, booked: cap.day?.booked ?? null } : null;
    return { ...present(row), authority: presentAuthority(await contracts.authority(row)), capacity, canSign: row.status === 'draft' && row.signer_id === ctx.actor.id, lastDecision };
  }

  app.get('/api/contracts', {
    config: { policy: { capability: 'contracts.read' } },
    schema: { tags, querystring: s.listQuery, response: { 200: page(s.contractOut) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, ...filters } = req.query;
      const order = parseSort(sort, '-createdAt') as { field: ContractSortField; direction: 'asc' | 'desc' };
      const { rows, total } = await contracts.list(requestContext(req), filters, { page: p, pageSize, sort: order });
      return { items: rows.map(present), total, page: p, pageSize };
    },
  });

  app.get('/api/customers/:id/contracts', {
    config: { policy: { capability: 'contracts.read', resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's contracts (within the caller's scope)", params: idParams, querystring: s.customerContractsQuery, response: { 200: page(s.contractOut) } },
    handler: async (req) => {
      const { page: p, pageSize, status } = req.query;
      const { rows, total } = await contracts.list(requestContext(req), { customerId: req.params.id, status }, { page: p, pageSize, sort: { field: 'createdAt', direction: 'desc' } });
      return { items: rows.map(present), total, page: p, pageSize };
    },
  });

  app.get('/api/contract-signers', {
    config: { policy: { capability: 'contracts.manage' } },
    schema: { tags, summary: 'Who may sign for a customer', querystring: z.object({ customerId: z.coerce.number().int().positive() }).strict(), response: { 200: s.signersOut } },
    handler: async (req) => ({ items: await contracts.signers(requestContext(req), req.query.customerId) }),
  });

  app.post('/api/contracts', {
    config: { policy: { capability: 'contracts.manage' } },
    schema: { tags, body: s.createBody, response: { 201: s.contractDetailOut } },
    handler: async (req, reply) => {
      const row = await contracts.create(requestContext(req), req.body);
      return reply.status(201).send(await detail(req, row.id));
    },
  });

  app.get('/api/contracts/:id', {
    config: { policy: { capability: 'contracts.read', resource } },
    schema: { tags, params: idParams, response: { 200: s.contractDetailOut } },
    handler: async (req) => detail(req, req.params.id),
  });

  app.put('/api/contracts/:id', {
    config: { policy: { capability: 'contracts.manage', resource } },
    schema: { tags, summary: 'Edit a draft (changed fields + version)', params: idParams, body: s.updateBody, response: { 200: s.contractDetailOut } },
    handler: async (req) => {
      await contracts.update(requestContext(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  app.post('/api/contracts/:id/sign', {
    config: { policy: { capability: 'contracts.manage', resource } },
    schema: {
      tags,
      summary: '签订: within the signer’s authority → 生效; else → director’s approval (审批中)',
      params: idParams,
      body: z.object({ version: z.number({ error: 'validation.version' }).int().min(0) }).strict(),
      response: { 200: s.contractDetailOut },
    },
    handler: async (req) => {
      await contracts.sign(requestContext(req), req.params.id, req.body.version);
      return detail(req, req.params.id);
    },
  });

  app.post('/api/contracts/:id/terminate', {
    config: { policy: { capability: 'contracts.terminate', resource } },
    schema: {
      tags,
      params: idParams,
      body: z.object({ reason: z.string().trim().min(2, 'validation.required').max(500), version: z.number({ error: 'validation.version' }).int().min(0) }).strict(),
      response: { 200: s.contractDetailOut },
    },
    handler: async (req) => {
      await contracts.terminate(requestContext(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  app.put('/api/contracts/:id/filing', {
    config: { policy: { capability: 'contracts.manage', resource } },
    schema: { tags, summary: 'Where the signed original is filed (any state)', params: idParams, body: s.filingBody, response: { 200: s.contractDetailOut } },
    handler: async (req) => {
      await contracts.setFilingLocation(requestContext(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  app.get('/api/contracts/:id/print', {
    config: { policy: { capability: 'contracts.read', resource } },
    schema: {
      tags,
      summary: 'The A4 contract summary: the contract and its whole approval trail (every round)',
      params: idParams,
      response: { 200: z.object({ contract: s.contractDetailOut, approval: requestOut.nullable() }) },
    },
    handler: async (req) => ({ contract: await detail(req, req.params.id), approval: await approvals.forDocument(requestContext(req), 'contract', req.params.id) }),
  });

  app.get('/api/customers/:id/contract-bookings', {
    config: { policy: { capability: 'contracts.read', resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's group stays and orders (within the caller's scope)", params: idParams, response: { 200: z.object({ items: z.array(s.bookingOut) }) } },
    handler: async (req) => ({ items: (await contracts.bookings(requestContext(req), req.params.id)).map(presentBooking) }),
  });

  app.post('/api/contract-bookings', {
    config: { policy: { capability: 'contracts.manage' } },
    schema: { tags, summary: 'Record a group stay or an order; from the size line on it must name an effective contract (422 contractId)', body: s.bookingBody, response: { 201: s.bookingOut } },
    handler: async (req, reply) => {
      const ctx = requestContext(req);
      const id = await contracts.recordBooking(ctx, req.body);
      const row = (await contracts.bookings(ctx, req.body.customerId)).find((b) => b.id === id)!;
      return reply.status(201).send(presentBooking(row));
    },
  });

  app.get('/api/contract-capacities', {
    config: { policy: { capability: 'contracts.read' } },
    schema: { tags, summary: 'Capacity per resource (any day) and per day', response: { 200: s.capacitiesOut } },
    handler: async () => ({ items: await contracts.capacities() }),
  });

  app.put('/api/contract-capacities', {
    config: { policy: { capability: 'contracts.capacity' } },
    schema: { tags, summary: 'Set or remove the capacity of a resource on a day (or on any day)', body: s.capacityBody, response: { 200: s.capacitiesOut } },
    handler: async (req) => ({ items: await contracts.setCapacity(requestContext(req), req.body) }),
  });

  app.get('/api/contracts/:id/attachments', {
    config: { policy: { capability: 'contracts.read', resource } },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(attachmentOut) }) } },
    handler: async (req) => ({ items: (await contracts.attachments.list(req.params.id)).map(presentAttachment) }),
  });

  app.get('/api/contracts/:id/attachments/:attachmentId', {
    config: { policy: { capability: 'contracts.read', resource } },
    schema: { tags, params: attachmentParams },
    handler: async (req, reply) => sendAttachment(reply, await contracts.attachments.open(requestContext(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/contracts/:id/attachments/:attachmentId', {
    config: { policy: { capability: 'contracts.manage', resource } },
    schema: { tags, params: attachmentParams },
    handler: async (req, reply) => {
      await contracts.attachments.remove(requestContext(req), req.params.id, req.params.attachmentId);
      return reply.status(204).send();
    },
  });

  await app.register(async (scope) => {
    acceptFileBody(scope);
    scope.withTypeProvider<ZodTypeProvider>().post('/api/contracts/:id/attachments', {
      config: { policy: { capability: 'contracts.manage', resource } },
      schema: {
        tags,
        summary: 'File a copy (request body = the file; ?filename=&description=); also listed in the customer’s attachments as 合同',
        params: idParams,
        querystring: z.object({ filename: z.string().trim().min(1).max(200), description: z.string().trim().max(200).optional() }).strict(),
        response: { 201: attachmentOut },
      },
      handler: async (req, reply) => {
        const ctx = requestContext(req);
        const row = await contracts.attachments.upload(ctx, req.params.id, { ...req.query, body: req.body as Buffer });
        return reply.status(201).send(presentAttachment({ ...row, uploaded_by_name: ctx.actor.displayName }));
      },
    });
  });
}
