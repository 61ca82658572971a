import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { t } from '../../platform/http/i18n';
import { idParams, maskPhone, page } from '../../platform/http/schemas';
import { XlsxWriter } from '../../platform/import/spreadsheet';
import type { BanquetRow, RecordRow, TourRow, VisitRow } from './reception.queries';
import { type BanquetStatus, maskIdNumber, type Outcome, type TourStatus, type TourType } from './reception.rules';
import * as s from './reception.schemas';
import type { ReceptionService } from './reception.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whitelisted output; phone and ID number always masked (revealed only through the audited reveal). */
function presentVisit(r: VisitRow): z.infer<typeof s.visitOut> {
  return {
    id: r.id,
    visitorName: r.visitor_name,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    customerArchiveNo: r.customer_archive_no ?? null,
    organisation: r.organisation,
    phone: maskPhone(r.phone),
    idNumber: maskIdNumber(r.id_number),
    receiverId: r.receiver_id,
    receiverName: r.receiver_name ?? null,
    arrivedAt: r.arrived_at,
    departedAt: r.departed_at,
    note: r.note,
    version: r.version,
  };
}

function presentRecord(r: RecordRow): z.infer<typeof s.recordOut> {
  return {
    id: r.id,
    visitId: r.visit_id,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    organisation: r.organisation,
    visitorName: r.visitor_name,
    receiverId: r.receiver_id,
    receiverName: r.receiver_name ?? null,
    receivedOn: r.received_on,
    purpose: r.purpose,
    requests: r.requests,
    outcome: r.outcome as Outcome,
    promiseDays: r.promise_days,
    reason: r.reason,
    taskId: r.task_id,
    taskDue: r.task_due,
    createdAt: r.created_at,
    version: r.version,
  };
}

function presentTour({ tour: r, hospitality }: { tour: TourRow; hospitality: z.infer<typeof s.tourOut>['hospitality'] }): z.infer<typeof s.tourOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    organisation: r.organisation,
    tourType: r.tour_type as TourType,
    visitorsCount: r.visitors_count,
    scheduledAt: r.scheduled_at,
    durationMinutes: r.duration_minutes,
    content: r.content,
    scope: r.scope,
    route: r.route,
    contactName: r.contact_name,
    photographyRequested: r.photography_requested === 1,
    photographyAllowed: r.photography_requested === 1 && r.photography_consented_by !== null,
    photographyConsentedByName: r.consented_by_name ?? null,
    photographyConsentedAt: r.photography_consented_at,
    status: r.status as TourStatus,
    permitNo: r.permit_no,
    applicantId: r.applicant_id,
    applicantName: r.applicant_name ?? null,
    approvedAt: r.approved_at,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    hospitality,
    version: r.version,
  };
}

function presentBanquet(r: BanquetRow): z.infer<typeof s.banquetOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    organisation: r.organisation,
    guests: r.guests,
    guestCount: r.guest_count,
    heldOn: r.held_on,
    place: r.place,
    budget: Number(r.budget_fen) / 100,
    purpose: r.purpose,
    emergency: r.emergency === 1,
    emergencyReason: r.emergency_reason,
    status: r.status as BanquetStatus,
    heldAt: r.held_at,
    applicantId: r.applicant_id,
    applicantName: r.applicant_name ?? null,
    approvedAt: r.approved_at,
    version: r.version,
  };
}

/** A date range in Shanghai as UTC instants: [from 00:00, to + 1 day 00:00). */
function dayRange(from?: string, to?: string) {
  const next = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  return { from: from ? new Date(`${from}T00:00:00+08:00`).toISOString() : undefined, to: to ? next(to) : undefined };
}

/** Reception, tours and banquets (docs/regulations.md §9). Every `:id` is checked against its scope (404). */
export async function receptionRoutes(root: FastifyInstance, deps: { reception: ReceptionService }) {
  const { reception: svc } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reception 接待与参观'];
  const read = { capability: 'reception.read' };
  const write = { capability: 'reception.write' };
  const visit = { type: 'reception_visit' };
  const record = { type: 'reception_record' };
  const tour = { type: 'reception_tour' };
  const banquet = { type: 'reception_banquet' };

  // ── visitor log ──
  app.get('/api/reception/visits', {
    config: { policy: read },
    schema: { tags, summary: '客户来访登记表', querystring: s.visitListQuery, response: { 200: page(s.visitOut) } },
    handler: async (req) => {
      const { page: p, pageSize, from, to, ...f } = req.query;
      const { rows, total } = await svc.listVisits(requestContext(req), { ...f, ...dayRange(from, to) }, { page: p, pageSize });
      return { items: rows.map(presentVisit), total, page: p, pageSize };
    },
  });

  app.get('/api/reception/visits/export', {
    config: { policy: read },
    schema: { tags, summary: 'The visitor log as .xlsx, phone and ID number masked', querystring: s.visitListQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const ctx = requestContext(req);
      const { from, to, ...f } = req.query;
      const { rows } = await svc.listVisits(ctx, { ...f, ...dayRange(from, to) }, null);
      const lang = ctx.lang;
      const cols = ['visitorName', 'organisation', 'archiveNo', 'phone', 'idNumber', 'receiver', 'arrivedAt', 'departedAt', 'note'];
      const writer = new XlsxWriter(t(lang, 'reception.export.sheet'), cols.map((c) => t(lang, `reception.export.${c}`)));
      for (const r of rows.map(presentVisit)) {
        writer.addRow([r.visitorName, r.organisation, r.customerArchiveNo, r.phone, r.idNumber, r.receiverName, r.arrivedAt, r.departedAt, r.note]);
      }
      const body = await writer.finish();
      await svc.auditExport(ctx, writer.rowCount);
      const filename = `${t(lang, 'reception.export.sheet')}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  });

  app.post('/api/reception/visits', {
    config: { policy: write },
    schema: { tags, body: s.visitBody, response: { 201: s.visitOut } },
    handler: async (req, reply) => reply.status(201).send(presentVisit(await svc.createVisit(requestContext(req), req.body))),
  });

  app.get('/api/reception/visits/:id', {
    config: { policy: { ...read, resource: visit } },
    schema: { tags, params: idParams, response: { 200: s.visitOut } },
    handler: async (req) => presentVisit(await svc.getVisit(req.params.id)),
  });

  app.put('/api/reception/visits/:id', {
    config: { policy: { ...write, resource: visit } },
    schema: { tags, summary: 'Correct an entry or record the departure', params: idParams, body: s.visitUpdateBody, response: { 200: s.visitOut } },
    handler: async (req) => presentVisit(await svc.updateVisit(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/reception/visits/:id/reveal', {
    config: { policy: { capability: 'reception.reveal', resource: visit } },
    schema: { tags, summary: 'One unmasked phone or ID number, audit-logged', params: idParams, body: s.revealBody },
    handler: async (req) => ({ value: await svc.revealVisit(requestContext(req), req.params.id, req.body.field) }),
  });

  // ── reception records ──
  app.get('/api/reception/records', {
    config: { policy: read },
    schema: { tags, summary: '客户接待记录表', querystring: s.recordListQuery, response: { 200: page(s.recordOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await svc.listRecords(requestContext(req), f, { page: p, pageSize });
      return { items: rows.map(presentRecord), total, page: p, pageSize };
    },
  });

  app.post('/api/reception/records', {
    config: { policy: write },
    schema: { tags, body: s.recordBody, response: { 201: s.recordOut } },
    handler: async (req, reply) => reply.status(201).send(presentRecord(await svc.createRecord(requestContext(req), req.body))),
  });

  app.get('/api/reception/records/:id', {
    config: { policy: { ...read, resource: record } },
    schema: { tags, params: idParams, response: { 200: s.recordOut } },
    handler: async (req) => presentRecord(await svc.getRecord(req.params.id)),
  });

  // ── tours ──
  app.get('/api/reception/tours', {
    config: { policy: read },
    schema: { tags, summary: '参观', querystring: s.tourListQuery, response: { 200: page(s.tourOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await svc.listTours(requestContext(req), f, { page: p, pageSize });
      const items = await Promise.all(rows.map((r) => svc.getTour(r.id)));
      return { items: items.map(presentTour), total, page: p, pageSize };
    },
  });

  app.post('/api/reception/tours', {
    config: { policy: write },
    schema: { tags, summary: 'Apply for a tour: notice by type is enforced; goes to the manager, then the general manager', body: s.tourBody, response: { 201: s.tourOut } },
    handler: async (req, reply) => reply.status(201).send(presentTour(await svc.applyTour(requestContext(req), req.body))),
  });

  app.get('/api/reception/tours/:id', {
    config: { policy: { ...read, resource: tour } },
    schema: { tags, params: idParams, response: { 200: s.tourOut } },
    handler: async (req) => presentTour(await svc.getTour(req.params.id)),
  });

  app.post('/api/reception/tours/:id/resubmit', {
    config: { policy: { ...write, resource: tour } },
    schema: { tags, params: idParams, body: s.resubmitBody, response: { 200: s.tourOut } },
    handler: async (req) => presentTour(await svc.resubmitTour(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/reception/tours/:id/start', {
    config: { policy: { ...write, resource: tour } },
    schema: { tags, summary: 'Only an approved tour starts (409 otherwise)', params: idParams, body: s.versionBody, response: { 200: s.tourOut } },
    handler: async (req) => presentTour(await svc.startTour(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/reception/tours/:id/complete', {
    config: { policy: { ...write, resource: tour } },
    schema: { tags, params: idParams, body: s.versionBody, response: { 200: s.tourOut } },
    handler: async (req) => presentTour(await svc.completeTour(requestContext(req), req.params.id, req.body)),
  });

  app.get('/api/reception/tours/:id/thank-you', {
    config: { policy: { ...read, resource: tour } },
    schema: { tags, summary: 'The thank-you letter from the template setting', params: idParams, response: { 200: s.thankYouOut } },
    handler: async (req) => svc.thankYou(req.params.id),
  });

  // ── banquets ──
  app.get('/api/reception/banquets', {
    config: { policy: read },
    schema: { tags, summary: '宴请', querystring: s.banquetListQuery, response: { 200: page(s.banquetOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await svc.listBanquets(requestContext(req), f, { page: p, pageSize });
      return { items: rows.map(presentBanquet), total, page: p, pageSize };
    },
  });

  app.post('/api/reception/banquets', {
    config: { policy: write },
    schema: { tags, summary: 'Apply (director first) or record an emergency banquet (approval follows)', body: s.banquetBody, response: { 201: s.banquetOut } },
    handler: async (req, reply) => reply.status(201).send(presentBanquet(await svc.createBanquet(requestContext(req), req.body))),
  });

  app.get('/api/reception/banquets/:id', {
    config: { policy: { ...read, resource: banquet } },
    schema: { tags, params: idParams, response: { 200: s.banquetOut } },
    handler: async (req) => presentBanquet(await svc.getBanquet(req.params.id)),
  });

  app.post('/api/reception/banquets/:id/resubmit', {
    config: { policy: { ...write, resource: banquet } },
    schema: { tags, params: idParams, body: s.resubmitBody, response: { 200: s.banquetOut } },
    handler: async (req) => presentBanquet(await svc.resubmitBanquet(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/reception/banquets/:id/held', {
    config: { policy: { ...write, resource: banquet } },
    schema: { tags, summary: 'Record that an approved banquet took place (409 before approval)', params: idParams, body: s.versionBody, response: { 200: s.banquetOut } },
    handler: async (req) => presentBanquet(await svc.holdBanquet(requestContext(req), req.params.id, req.body)),
  });
}
