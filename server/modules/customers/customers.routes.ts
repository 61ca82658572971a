import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Customer, CustomerContact } from './customers.tables';
import { requestContext } from '../../platform/http/guard';
import { idParams, page, parseSort } from '../../platform/http/schemas';
import { COMPANY_NATURES, COMPANY_SIZES, INDUSTRIES, SOURCE_CHANNELS, STATUSES } from './customers.fields';
import type { CustomerSortField } from './customers.queries';
import { completeness, listLimits, maskAccount, maskPhone } from './customers.rules';
import * as s from './customers.schemas';
import type { Grades } from './customers.settings';
import type { SettingsService } from '../../platform/settings/settings.service';
import { customerValues, type CustomerService } from './customers.service';
import type { MergeService } from './customers.merge';
import type { AttachmentService } from './attachments.service';
import { attachmentUploadQuery } from './attachments.schemas';
import { acceptFileBody, attachmentOut, attachmentParams, presentAttachment, sendAttachment } from './attachments.http';

type Row = Customer & { owner_name?: string | null; team_name?: string | null; created_by_name?: string | null; matched_contact?: string | null };

/**
 * Whitelisted, masked output: phones and bank accounts leave the server masked (issue 3 §9).
 * The fields are set on the values object rather than spread with overrides into a new literal: V8
 * copies a ~45-key object that way through its slow path, 75 µs a customer against 4 µs
 * (docs/performance.md, "Requests over HTTP").
 */
function presentCustomer(r: Row): z.infer<typeof s.customerOut> {
  const values = customerValues(r);
  const { missing } = completeness(values);
  return Object.assign(values as Omit<z.infer<typeof s.customerOut>, 'id'>, {
    id: r.id,
    archiveNo: r.archive_no,
    name: r.name,
    status: r.status,
    phone: maskPhone(r.phone),
    fixedPhone: maskPhone(r.fixed_phone),
    bankAccount: maskAccount(r.bank_account),
    peakMonthAmount: r.peak_month_amount === null ? null : Number(r.peak_month_amount),
    lowMonthAmount: r.low_month_amount === null ? null : Number(r.low_month_amount),
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    teamId: r.team_id,
    teamName: r.team_name ?? null,
    departmentId: r.department_id,
    completeness: r.completeness,
    missingFields: missing,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    grade: r.grade ?? null,
    ...(r.matched_contact !== undefined ? { matchedContact: r.matched_contact } : {}),
  });
}

function presentContact(c: CustomerContact): z.infer<typeof s.contactOut> {
  return {
    id: c.id,
    name: c.name,
    position: c.position,
    department: c.department,
    mobile: maskPhone(c.mobile),
    phone: maskPhone(c.phone),
    email: c.email,
    birthday: c.birthday,
    birthdayCalendar: c.birthday_calendar === 'lunar' ? 'lunar' : 'solar',
    notes: c.notes,
    isKey: c.is_key === 1,
    version: c.version,
  };
}

export async function customerRoutes(root: FastifyInstance, deps: { customers: CustomerService; merge: MergeService; attachments: AttachmentService; settings: SettingsService }) {
  const { customers, merge, attachments, settings } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers 客户档案'];
  const customer = { type: 'customer' as const };
  const contactParams = z.object({ id: z.coerce.number().int().positive(), contactId: z.coerce.number().int().positive() });

  app.get('/api/customer-options', {
    config: { policy: { capability: 'customers.read' } },
    schema: { tags, response: { 200: s.optionsOut } },
    handler: async () => ({
      statuses: STATUSES,
      sourceChannels: SOURCE_CHANNELS,
      industries: INDUSTRIES,
      companyNatures: COMPANY_NATURES,
      companySizes: COMPANY_SIZES,
      grades: (await settings.values())['archive.grades'] as Grades,
    }),
  });

  app.get('/api/customers', {
    config: { policy: { capability: 'customers.read' } },
    schema: { tags, querystring: s.customerListQuery, response: { 200: page(s.customerOut).extend({ countCapped: z.boolean() }) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, createdTo, updatedTo, ...filter } = req.query;
      // Date filters are inclusive calendar days in Asia/Shanghai.
      const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
      const nextDayStart = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86400_000).toISOString();
      const order = parseSort(sort, 'name');
      const { rows, total, countCapped } = await customers.list(
        requestContext(req),
        {
          ...filter,
          createdFrom: filter.createdFrom && dayStart(filter.createdFrom),
          createdTo: createdTo && nextDayStart(createdTo),
          updatedFrom: filter.updatedFrom && dayStart(filter.updatedFrom),
          updatedTo: updatedTo && nextDayStart(updatedTo),
        },
        { page: p, pageSize, sort: order.field as CustomerSortField, direction: order.direction },
        { countCap: listLimits.countCap },
      );
      return { items: rows.map(presentCustomer), total, countCapped, page: p, pageSize };
    },
  });

  app.post('/api/customers/duplicate-check', {
    config: { policy: { capability: 'customers.create' } },
    schema: { tags, body: s.duplicateCheck, response: { 200: z.object({ duplicates: z.array(s.duplicateOut) }) } },
    handler: async (req) => ({ duplicates: await customers.findDuplicates(requestContext(req), req.body) }),
  });

  app.post('/api/customers', {
    config: { policy: { capability: 'customers.create' } },
    schema: { tags, body: s.customerCreate, response: { 201: s.customerOut } },
    handler: async (req, reply) => reply.status(201).send(presentCustomer(await customers.create(requestContext(req), req.body))),
  });

  app.post('/api/customers/transfer', {
    config: { policy: { capability: 'customers.transfer' } },
    schema: { tags, body: s.transferBody, response: { 200: z.object({ transferred: z.number() }) } },
    handler: async (req) => ({ transferred: await customers.transfer(requestContext(req), req.body.customerIds, req.body.ownerId, req.body.reason) }),
  });

  app.get('/api/customers/:id', {
    config: { policy: { capability: 'customers.read', resource: customer } },
    schema: { tags, params: idParams, response: { 200: s.customerOut } },
    handler: async (req) => presentCustomer(await customers.get(req.params.id)),
  });

  app.put('/api/customers/:id', {
    config: { policy: { capability: 'customers.update', resource: customer } },
    schema: { tags, params: idParams, body: s.customerUpdate, response: { 200: s.customerOut } },
    handler: async (req) => presentCustomer(await customers.update(requestContext(req), req.params.id, req.body)),
  });

  app.get('/api/customers/:id/history', {
    config: { policy: { capability: 'customers.archive', resource: customer } },
    schema: { tags, params: idParams, response: { 200: s.historyOut } },
    handler: async (req) => ({ items: await customers.history(await merge.historyIds(req.params.id)) }),
  });

  app.post('/api/customers/:id/reveal', {
    config: { policy: { capability: 'customers.reveal', resource: customer } },
    schema: { tags, params: idParams, body: s.revealBody, response: { 200: z.object({ value: z.string().nullable() }) } },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return { value: await customers.reveal(requestContext(req), req.params.id, req.body.field, req.body.contactId) };
    },
  });

  app.get('/api/customers/:id/contacts', {
    config: { policy: { capability: 'customers.archive', resource: customer } },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(s.contactOut) }) } },
    handler: async (req) => ({ items: (await customers.contacts(req.params.id)).map(presentContact) }),
  });

  app.post('/api/customers/:id/contacts', {
    config: { policy: { capability: 'customers.update', resource: customer } },
    schema: { tags, params: idParams, body: s.contactCreate, response: { 201: s.contactOut } },
    handler: async (req, reply) => reply.status(201).send(presentContact(await customers.addContact(requestContext(req), req.params.id, req.body))),
  });

  app.put('/api/customers/:id/contacts/:contactId', {
    config: { policy: { capability: 'customers.update', resource: customer } },
    schema: { tags, params: contactParams, body: s.contactUpdate, response: { 200: s.contactOut } },
    handler: async (req) => presentContact(await customers.updateContact(requestContext(req), req.params.id, req.params.contactId, req.body)),
  });

  app.delete('/api/customers/:id/contacts/:contactId', {
    config: { policy: { capability: 'customers.update', resource: customer } },
    schema: { tags, params: contactParams },
    handler: async (req, reply) => {
      await customers.deleteContact(requestContext(req), req.params.id, req.params.contactId);
      return reply.status(204).send();
    },
  });

  app.post('/api/customers/:id/merge', {
    config: { policy: { capability: 'customers.merge', resource: customer } },
    schema: {
      tags,
      summary: 'Merge another customer into this one (contacts, attachments and history move here)',
      params: idParams,
      body: z.object({ mergedId: z.number().int().positive(), reason: z.string().trim().min(2, 'validation.required').max(500) }).strict(),
      response: { 200: s.customerOut },
    },
    handler: async (req) => presentCustomer(await merge.merge(requestContext(req), req.params.id, req.body.mergedId, req.body.reason)),
  });

  app.get('/api/customers/:id/attachments', {
    config: { policy: { capability: 'customers.archive', resource: customer } },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(attachmentOut) }) } },
    handler: async (req) => ({ items: (await attachments.list(req.params.id)).map(presentAttachment) }),
  });

  app.get('/api/customers/:id/attachments/:attachmentId', {
    config: { policy: { capability: 'customers.archive', resource: customer } },
    schema: { tags, params: attachmentParams },
    handler: async (req, reply) => sendAttachment(reply, await attachments.open(requestContext(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/customers/:id/attachments/:attachmentId', {
    config: { policy: { capability: 'customers.update', resource: customer } },
    schema: { tags, params: attachmentParams },
    handler: async (req, reply) => {
      await attachments.remove(requestContext(req), req.params.id, req.params.attachmentId);
      return reply.status(204).send();
    },
  });

  await app.register(async (scope) => {
    acceptFileBody(scope);
    scope.withTypeProvider<ZodTypeProvider>().post('/api/customers/:id/attachments', {
      config: { policy: { capability: 'customers.update', resource: customer } },
      schema: {
        tags,
        summary: 'Upload a file (request body = the file; ?filename=&kind=fax|contract|letter|other)',
        params: idParams,
        querystring: attachmentUploadQuery,
        response: { 201: attachmentOut },
      },
      handler: async (req, reply) => {
        const row = await attachments.upload(requestContext(req), req.params.id, { ...req.query, body: req.body as Buffer });
        return reply.status(201).send(presentAttachment({ ...row, uploaded_by_name: requestContext(req).actor.displayName }));
      },
    });
  });
}
