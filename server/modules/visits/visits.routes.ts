import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { t } from '../../platform/http/i18n';
import { idParams, page } from '../../platform/http/schemas';
import { acceptFileBody, sendAttachment } from '../customers/attachments.http';
import type { ReportRow, TerritoryRow } from './visits.queries';
import type { VisitRowWithReports } from './visits.records';
import { BRAND_SCORES, type Brand, type Kind, type Method, QUALITY_SCORES, type Quality, type Satisfaction, SERVICE_SCORES, type Service, scoreReport } from './visits.rules';
import * as s from './visits.schemas';
import type { VisitService } from './visits.service';
import { regionsOf } from './visits.territories';

/** Whitelisted output. */
function presentVisit(v: VisitRowWithReports): z.infer<typeof s.visitOut> {
  return {
    id: v.id,
    customerId: v.customer_id,
    customerName: v.customer_name,
    customerArchiveNo: v.customer_archive_no,
    kind: v.kind as Kind,
    method: v.method as Method,
    visitedAt: v.visited_at,
    contactName: v.contact_name,
    purpose: v.purpose,
    points: v.points,
    satisfaction: v.satisfaction as Satisfaction | null,
    opinions: v.opinions,
    countermeasures: v.countermeasures,
    result: v.result,
    nextStep: v.next_step,
    nextDate: v.next_date,
    followUpTaskId: v.follow_up_task_id,
    maintenanceTaskId: v.maintenance_task_id,
    planLineId: v.plan_line_id ?? null,
    hasSignature: v.signature_attachment_id != null,
    checkIn: v.checkin_at ? { at: v.checkin_at, lat: v.checkin_lat, lng: v.checkin_lng, accuracyM: v.checkin_accuracy_m } : null,
    supervisorComment: v.supervisor_comment,
    supervisorCommentByName: v.supervisor_comment_by_name ?? null,
    supervisorCommentAt: v.supervisor_comment_at,
    complaintId: v.complaint_id,
    taskId: v.task_id,
    visitorId: v.visitor_id,
    visitorName: v.visitor_name ?? null,
    reportIds: v.report_ids,
    createdAt: v.created_at,
    version: v.version,
  };
}

function presentReport(r: ReportRow): z.infer<typeof s.reportOut> {
  const q = { quality: r.quality as Quality, service: r.service as Service, brand: r.brand as Brand };
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerArchiveNo: r.customer_archive_no,
    customerAddress: r.customer_address ?? null,
    customerLegalRepresentative: r.customer_legal_representative ?? null,
    province: r.province ?? null,
    city: r.city ?? null,
    visitId: r.visit_id,
    reportDate: r.report_date,
    ...q,
    // the stored scores are what was scored when filed; the seed's table is fixed, so they agree with the rule
    scores: { quality: r.quality_score, service: r.service_score, brand: r.brand_score, average: scoreReport(q).average },
    suggestions: r.suggestions,
    contacts: JSON.parse(r.contacts),
    signedBy: r.signed_by,
    hasSignature: r.signature_attachment_id != null,
    reporterName: r.reporter_name ?? null,
    createdAt: r.created_at,
    version: r.version,
  };
}

function presentTerritory(t: TerritoryRow): z.infer<typeof s.territoryOut> {
  return { id: t.id, name: t.name, ownerId: t.owner_id, ownerName: t.owner_name ?? null, regions: regionsOf(t), notes: t.notes, version: t.version };
}

/** Visits, reports, territories and routes (docs/regulations.md §8). Every visit or report `:id` is checked against its customer's scope (404). */
export async function visitRoutes(root: FastifyInstance, deps: { visits: VisitService }) {
  const { visits } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['visits 回访与走访'];
  const read = { capability: 'visits.read' };
  const record = { capability: 'visits.record' };
  const visit = { type: 'visit' };
  const report = { type: 'visit_report' };
  // territories are the company's map of the field, not records of a person: no data scope (their customers are scoped)
  const territories = { capability: 'visits.territories', companyWide: true as const };
  const readTerritory = { ...read, companyWide: true as const };

  app.get('/api/visits', {
    config: { policy: read },
    schema: { tags, summary: 'Visit records and phone calls within scope', querystring: s.visitListQuery, response: { 200: page(s.visitOut) } },
    handler: async (req) => {
      const { page: p, pageSize, from, to, ...filters } = req.query;
      const range = {
        from: from ? new Date(`${from}T00:00:00+08:00`).toISOString() : undefined,
        to: to ? new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : undefined,
      };
      const { rows, total } = await visits.listVisits(requestContext(req), { ...filters, ...range }, { page: p, pageSize });
      return { items: rows.map((r) => presentVisit({ ...r, report_ids: [] })), total, page: p, pageSize };
    },
  });

  app.post('/api/visits', {
    config: { policy: record },
    schema: { tags, summary: '客户回访记录表 / 电话回访记录表 (a next step with a date creates the follow-up task)', body: s.visitBody, response: { 201: s.visitOut } },
    handler: async (req, reply) => reply.status(201).send(presentVisit(await visits.createVisit(requestContext(req), req.body))),
  });

  app.get('/api/visits/daily', {
    config: { policy: read },
    schema: { tags, summary: "A person's daily visit report: the day's records and counts by method", querystring: s.dailyQuery, response: { 200: s.dailyOut } },
    handler: async (req) => {
      const d = await visits.daily(requestContext(req), req.query.date, req.query.userId);
      return { date: d.date, userId: d.userId, userName: d.userName, total: d.rows.length, byMethod: d.byMethod, items: d.rows.map((r) => presentVisit({ ...r, report_ids: [] })) };
    },
  });

  app.get('/api/visits/:id', {
    config: { policy: { ...read, resource: visit } },
    schema: { tags, params: idParams, response: { 200: s.visitOut } },
    handler: async (req) => presentVisit(await visits.getVisit(req.params.id)),
  });

  app.post('/api/visits/:id/comment', {
    config: { policy: { capability: 'visits.review', resource: visit } },
    schema: { tags, summary: "The supervisor's comment", params: idParams, body: s.commentBody, response: { 200: s.visitOut } },
    handler: async (req) => presentVisit(await visits.comment(requestContext(req), req.params.id, req.body)),
  });

  app.get('/api/visits/:id/signature', {
    config: { policy: { ...read, resource: visit } },
    schema: { tags, summary: "The customer's signature (PNG or photo)", params: idParams },
    handler: async (req, reply) => sendAttachment(reply, await visits.openSignature(requestContext(req), req.params.id)),
  });

  app.post('/api/visits/:id/complaint', {
    config: { policy: { ...record, resource: visit } },
    schema: { tags, summary: 'Turn into a complaint (channel 走访, prefilled from the visit)', params: idParams, body: s.toComplaintBody, response: { 200: s.visitOut } },
    handler: async (req) => presentVisit(await visits.toComplaint(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/visits/:id/task', {
    config: { policy: { ...record, resource: visit } },
    schema: { tags, summary: 'Turn a request into a task', params: idParams, body: s.toTaskBody, response: { 200: s.visitOut } },
    handler: async (req) => presentVisit(await visits.toTask(requestContext(req), req.params.id, req.body)),
  });

  app.get('/api/visit-reports', {
    config: { policy: read },
    schema: { tags, summary: '走访客户报告单 within scope', querystring: s.reportListQuery, response: { 200: page(s.reportOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await visits.reports.listReports(requestContext(req), f, { page: p, pageSize });
      return { items: rows.map(presentReport), total, page: p, pageSize };
    },
  });

  app.post('/api/visit-reports', {
    config: { policy: record },
    schema: { tags, summary: '走访客户报告单, scored as the seed form', body: s.reportBody, response: { 201: s.reportOut } },
    handler: async (req, reply) => reply.status(201).send(presentReport(await visits.reports.createReport(requestContext(req), req.body))),
  });

  app.get('/api/visit-reports/averages', {
    config: { policy: read },
    schema: { tags, summary: 'Average report scores per customer, province, city or period, within scope (read by the analysis)', querystring: s.averagesQuery, response: { 200: s.averagesOut } },
    handler: async (req) => visits.reports.averages(requestContext(req), req.query),
  });

  app.get('/api/visit-reports/scales', {
    config: { policy: read },
    schema: { tags, summary: 'The points of each choice of the 走访客户报告单, left to right as on the seed form', response: { 200: s.scalesOut } },
    handler: async () => ({
      quality: Object.entries(QUALITY_SCORES).map(([value, points]) => ({ value: value as Quality, points })),
      service: Object.entries(SERVICE_SCORES).map(([value, points]) => ({ value: value as Service, points })),
      brand: Object.entries(BRAND_SCORES).map(([value, points]) => ({ value: value as Brand, points })),
    }),
  });

  app.get('/api/visit-reports/:id', {
    config: { policy: { ...read, resource: report } },
    schema: { tags, params: idParams, response: { 200: s.reportOut } },
    handler: async (req) => presentReport(await visits.reports.getReport(req.params.id)),
  });

  app.get('/api/visit-reports/:id/signature', {
    config: { policy: { ...read, resource: report } },
    schema: { tags, summary: "The customer's stamp or signature", params: idParams },
    handler: async (req, reply) => sendAttachment(reply, await visits.reports.openSignature(requestContext(req), req.params.id)),
  });

  // A JSON body is parsed before the file parser sees it: treated as an empty file, refused with 4xx, not a 500.
  const fileBody = (body: unknown) => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));
  await app.register(async (scope) => {
    acceptFileBody(scope);
    const sub = scope.withTypeProvider<ZodTypeProvider>();
    sub.post('/api/visits/:id/signature', {
      config: { policy: { ...record, resource: visit } },
      schema: { tags, summary: "The customer's signature: the request body is a PNG (drawn) or JPEG (photo of the signed form)", params: idParams, querystring: s.signatureQuery, response: { 200: s.visitOut } },
      handler: async (req) => presentVisit(await visits.uploadSignature(requestContext(req), req.params.id, { filename: req.query.filename, body: fileBody(req.body) })),
    });
    sub.post('/api/visit-reports/:id/signature', {
      config: { policy: { ...record, resource: report } },
      schema: { tags, summary: "The customer's stamp or signature on the report (PNG or JPEG body)", params: idParams, querystring: s.signatureQuery, response: { 200: s.reportOut } },
      handler: async (req) => presentReport(await visits.reports.uploadSignature(requestContext(req), req.params.id, { filename: req.query.filename, body: fileBody(req.body) })),
    });
  });

  app.get('/api/territories', {
    config: { policy: read },
    schema: { tags, summary: 'Territories and their owners', response: { 200: z.object({ items: z.array(s.territoryOut) }) } },
    handler: async () => ({ items: (await visits.territories.listTerritories()).map(presentTerritory) }),
  });

  app.post('/api/territories', {
    config: { policy: territories },
    schema: { tags, body: s.territoryBody, response: { 201: s.territoryOut } },
    handler: async (req, reply) => reply.status(201).send(presentTerritory(await visits.territories.createTerritory(requestContext(req), req.body))),
  });

  app.put('/api/territories/:id', {
    config: { policy: territories },
    schema: { tags, params: idParams, body: s.territoryUpdateBody, response: { 200: s.territoryOut } },
    handler: async (req) => presentTerritory(await visits.territories.updateTerritory(requestContext(req), req.params.id, req.body)),
  });

  app.delete('/api/territories/:id', {
    config: { policy: territories },
    schema: { tags, params: idParams },
    handler: async (req, reply) => {
      await visits.territories.deleteTerritory(requestContext(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/territories/:id/customers', {
    config: { policy: readTerritory },
    schema: { tags, summary: "The territory's customers within scope, with coordinates and removal marks, counted per grade", params: idParams, response: { 200: s.territoryCustomersOut } },
    handler: async (req) => {
      const { territory, rows } = await visits.territories.territoryCustomers(requestContext(req), req.params.id);
      const items = rows.map((c) => ({
        id: c.id,
        name: c.name,
        archiveNo: c.archive_no,
        status: c.status,
        grade: c.grade ?? null,
        ownerName: c.owner_name ?? null,
        province: c.province,
        city: c.city,
        district: c.district,
        lat: c.lat ?? null,
        lng: c.lng ?? null,
        removal: c.removal_reason ? { reason: c.removal_reason, at: c.removal_at! } : null,
      }));
      const counts = new Map<string | null, number>();
      for (const c of items) counts.set(c.grade, (counts.get(c.grade) ?? 0) + 1);
      return { territory: presentTerritory(territory), items, byGrade: [...counts.entries()].map(([grade, count]) => ({ grade, count })) };
    },
  });

  app.post('/api/territories/:id/removals', {
    config: { policy: territories },
    schema: { tags, summary: 'Mark a customer invalid for this territory (to be dropped)', params: idParams, body: s.removalBody },
    handler: async (req, reply) => {
      await visits.territories.markRemoval(requestContext(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });

  app.delete('/api/territories/:id/removals/:customerId', {
    config: { policy: territories },
    schema: { tags, params: s.customerParams },
    handler: async (req, reply) => {
      await visits.territories.unmarkRemoval(requestContext(req), req.params.id, req.params.customerId);
      return reply.status(204).send();
    },
  });

  app.get('/api/customers/:id/location', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's coordinates (WGS-84), or null", params: idParams, response: { 200: s.locationOut } },
    handler: async (req) => {
      const l = await visits.territories.location(req.params.id);
      return l ? { customerId: l.customer_id, lat: l.lat, lng: l.lng, source: l.source as 'manual' | 'checkin', updatedAt: l.updated_at } : null;
    },
  });

  app.put('/api/customers/:id/location', {
    config: { policy: { ...record, resource: { type: 'customer' } } },
    schema: { tags, summary: "Set the customer's coordinates by hand (WGS-84)", params: idParams, body: s.locationBody, response: { 200: s.locationOut } },
    handler: async (req) => {
      const l = await visits.territories.setLocation(requestContext(req), req.params.id, req.body);
      return l ? { customerId: l.customer_id, lat: l.lat, lng: l.lng, source: l.source as 'manual' | 'checkin', updatedAt: l.updated_at } : null;
    },
  });

  app.post('/api/visit-routes', {
    config: { policy: read },
    schema: { tags, summary: 'Order a day of on-site visits for short travel (nearest neighbour + 2-opt)', body: s.routeBody, response: { 200: s.routeOut } },
    handler: async (req) => {
      const ctx = requestContext(req);
      const r = await visits.territories.planRoute(ctx, req.body);
      return { ...r, warning: r.warning ? t(ctx.lang, r.warning) : null };
    },
  });
}
