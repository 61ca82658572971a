import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import type { SettingsService } from '../../platform/settings/settings.service';
import { shanghaiDate, type Clock } from '../../platform/time';
import type { LoanRow } from './archives.queries';
import { isOverdue } from './archives.rules';
import * as s from './archives.schemas';
import type { ArchiveService } from './archives.service';

type Request = Awaited<ReturnType<ArchiveService['myRequests']>>[number];
type Correspondence = Awaited<ReturnType<ArchiveService['correspondence']>>[number];

function presentCorrespondence(r: Correspondence): z.infer<typeof s.correspondenceOut> {
  return {
    id: r.id,
    indexNo: r.index_no,
    kind: r.kind,
    direction: r.direction,
    subject: r.subject,
    counterpart: r.counterpart,
    datedOn: r.dated_on,
    attachmentId: r.attachment_id,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
  };
}
function presentLoan(r: LoanRow, today: string): z.infer<typeof s.loanOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    attachmentId: r.attachment_id,
    material: r.material,
    borrowerId: r.borrower_id,
    borrowerName: r.borrower_name ?? null,
    lentByName: r.lent_by_name ?? null,
    lentOn: r.lent_on,
    dueOn: r.due_on,
    returnedOn: r.returned_on,
    overdue: isOverdue(r, today),
    note: r.note,
  };
}
function presentRequest(r: Request): z.infer<typeof s.downloadRequestOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    attachmentId: r.attachment_id,
    level: r.level,
    reason: r.reason,
    status: r.status,
    grantedUntil: r.granted_until,
    usedAt: r.used_at,
    createdAt: r.created_at,
  };
}

/** Archive lending 档案借阅 (docs/regulations.md §1, §2). Customer routes check the customer's scope (404). */
export async function archiveRoutes(root: FastifyInstance, deps: { archives: ArchiveService; settings: SettingsService; clock: Clock }) {
  const { archives, settings, clock } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['archives 档案借阅'];
  const onCustomer = (capability: string) => ({ policy: { capability, resource: { type: 'customer' } } });
  const today = () => shanghaiDate(clock.now());

  app.get('/api/archives/levels', {
    config: { policy: { capability: 'archives.read' } },
    schema: { tags, summary: 'The confidentiality levels in force and the approval threshold', response: { 200: s.levelsOut } },
    handler: async () => {
      const { levels, above } = await archives.levelSettings();
      return { levels, approvalAbove: above, grantHours: await settings.number('archives.grantHours'), loanDays: await settings.number('archives.loanDays') };
    },
  });

  app.get('/api/customers/:id/archive', {
    config: onCustomer('archives.read'),
    schema: { tags, summary: 'The customer’s filed material with its level', params: idParams, response: { 200: z.object({ items: z.array(s.materialOut) }) } },
    handler: async (req) => ({
      items: (await archives.material(req.params.id)).map((m) => ({
        attachmentId: m.attachment.id,
        kind: m.attachment.kind,
        filename: m.attachment.filename,
        createdAt: m.attachment.created_at,
        level: m.level,
        needsApproval: m.needsApproval,
      })),
    }),
  });

  app.put('/api/customers/:id/archive/:attachmentId/level', {
    config: onCustomer('archives.keep'),
    schema: { tags, summary: 'Set the confidentiality level (archive keeper)', params: s.materialParams, body: s.levelBody, response: { 200: z.object({ attachmentId: z.number(), level: z.string() }) } },
    handler: async (req) => archives.setLevel(requestContext(req), req.params.id, req.params.attachmentId, req.body.level),
  });

  app.get('/api/customers/:id/correspondence', {
    config: onCustomer('archives.read'),
    schema: { tags, summary: 'Correspondence in time order with its index numbers', params: idParams, response: { 200: z.object({ items: z.array(s.correspondenceOut) }) } },
    handler: async (req) => ({ items: (await archives.correspondence(req.params.id)).map(presentCorrespondence) }),
  });

  app.post('/api/customers/:id/correspondence', {
    config: onCustomer('archives.file'),
    schema: { tags, summary: 'File a fax, letter, contract or e-mail with the next index number', params: idParams, body: s.correspondenceBody, response: { 201: s.correspondenceOut } },
    handler: async (req, reply) => {
      const row = await archives.file(requestContext(req), req.params.id, req.body);
      return reply.status(201).send(presentCorrespondence({ ...row, created_by_name: requestContext(req).actor.displayName }));
    },
  });

  app.get('/api/archives/loans', {
    config: { policy: { capability: 'archives.read' } },
    schema: { tags, summary: 'The loan register within scope', querystring: s.loanQuery, response: { 200: z.object({ items: z.array(s.loanOut) }) } },
    handler: async (req) => {
      const day = today();
      const rows = await archives.loans(requestContext(req), { customerId: req.query.customerId, open: req.query.state === 'open', overdueOn: req.query.state === 'overdue' ? day : undefined });
      return { items: rows.map((r) => presentLoan(r, day)) };
    },
  });

  app.post('/api/archives/loans', {
    config: { policy: { capability: 'archives.keep' } },
    schema: { tags, summary: 'Lend material to someone of the department (outside it: 403)', body: s.loanBody, response: { 201: s.loanOut } },
    handler: async (req, reply) => reply.status(201).send(presentLoan(await archives.lend(requestContext(req), req.body), today())),
  });

  app.post('/api/archives/loans/:id/return', {
    // The register is the department's: the service answers 404 for a loan outside the keeper's scope.
    config: { policy: { capability: 'archives.keep', companyWide: true } },
    schema: { tags, summary: 'Record the return', params: idParams, body: s.returnBody, response: { 200: s.loanOut } },
    handler: async (req) => presentLoan(await archives.giveBack(requestContext(req), req.params.id, req.body.returnedOn), today()),
  });

  app.get('/api/archives/download-requests', {
    config: { policy: { capability: 'archives.read' } },
    schema: { tags, summary: 'My requests to download confidential material', response: { 200: z.object({ items: z.array(s.downloadRequestOut) }) } },
    handler: async (req) => ({ items: (await archives.myRequests(requestContext(req))).map(presentRequest) }),
  });

  app.post('/api/archives/download-requests', {
    config: { policy: { capability: 'archives.read' } },
    schema: { tags, summary: 'Ask the manager to approve one download of confidential material', body: s.downloadRequestBody, response: { 201: s.downloadRequestOut } },
    handler: async (req, reply) => reply.status(201).send(presentRequest(await archives.requestDownload(requestContext(req), req.body))),
  });
}
