import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/http/errors';
import { requestContext } from '../../platform/http/guard';
import { idParams, maskPhone, page, parseSort } from '../../platform/http/schemas';
import type { Actor } from '../../platform/permissions/actor';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ComplaintAnalysis } from './complaints.analysis';
import type { ComplaintRow, ComplaintSort, RectificationRow } from './complaints.queries';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import { CHANNELS, MAX_TOTAL_WORKING_DAYS, SEVERITIES, STATUSES, TOLD_METHODS, deadlineView, publicStatus, type ComplaintStatus, type Severity } from './complaints.rules';
import * as s from './complaints.schemas';
import type { ComplaintService } from './complaints.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Detail = Awaited<ReturnType<ComplaintService['detail']>>;
type PublicLookup = Awaited<ReturnType<ComplaintService['lookupPublic']>>;

function presentSummary(c: ComplaintRow, now: Date, official: ReadonlySet<number>, maskedPhone = true): z.infer<typeof s.summaryOut> {
  return {
    id: c.id,
    complaintNo: c.complaint_no,
    channel: c.channel,
    viaPublic: !!c.via_public,
    receivedAt: c.received_at,
    receivedDate: c.received_date,
    customerId: c.customer_id,
    customerName: c.customer_name ?? null,
    customerArchiveNo: c.customer_archive_no ?? null,
    complainantName: c.complainant_name,
    complainantPhone: maskedPhone ? maskPhone(c.complainant_phone) : c.complainant_phone,
    complainantCompany: c.complainant_company,
    category: c.category,
    severity: c.severity as Severity,
    status: c.status as ComplaintStatus,
    handlerId: c.handler_id,
    handlerName: c.handler_name ?? null,
    teamName: c.team_name ?? null,
    faultDepartmentId: c.fault_department_id,
    faultDepartmentName: c.fault_department_name ?? null,
    cycle: c.cycle,
    firstContact: deadlineView(c.first_contact_due, c.first_contacted_at, now, c.received_date, official),
    resolution: deadlineView(c.resolution_due, c.told_at ?? c.closed_at, now, c.cycle_start_date, official),
    satisfactionScore: c.satisfaction_score,
    version: c.version,
  };
}

function presentRectification(r: RectificationRow, actor: Actor, today: string, mayReply: ComplaintService['mayReply']): z.infer<typeof s.rectificationOut> {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    complaintNo: r.complaint_no,
    category: r.category,
    noticeNo: r.notice_no,
    departmentId: r.department_id,
    departmentName: r.department_name,
    recipientId: r.recipient_id,
    recipientName: r.recipient_name ?? null,
    requirement: r.requirement,
    dueDate: r.due_date,
    overdue: r.status === 'open' && r.due_date < today,
    status: r.status,
    reply: r.reply,
    repliedByName: r.replied_by_name ?? null,
    repliedAt: r.replied_at,
    issuedByName: r.issued_by_name ?? null,
    issuedAt: r.issued_at,
    canReply: mayReply(actor, r),
    version: r.version,
  };
}

function presentDetail(d: Detail, actor: Actor, now: Date, official: ReadonlySet<number>, mayReply: ComplaintService['mayReply']): z.infer<typeof s.detailOut> {
  const { c } = d;
  const current = [...d.opinions].reverse().find((o) => o.cycle === c.cycle) ?? null;
  const today = shanghaiDate(now);
  return {
    // Masked like the archive's phones: the handler shows it in full with the audited reveal (docs/regulations.md §10).
    ...presentSummary(c, now, official),
    content: c.content,
    complainantEmail: c.complainant_email,
    createdByName: c.created_by_name ?? null,
    cycleStartDate: c.cycle_start_date,
    resolutionDays: c.resolution_days,
    extensionDays: c.extension_days,
    extensionDaysLeft: Math.max(0, MAX_TOTAL_WORKING_DAYS - c.resolution_days - c.extension_days),
    toldAt: c.told_at,
    toldMethod: c.told_method,
    toldNote: c.told_note,
    closedAt: c.closed_at,
    currentOpinionId: current?.id ?? null,
    opinions: d.opinions.map((o) => ({
      id: o.id,
      cycle: o.cycle,
      content: o.content,
      status: o.status,
      draftedById: o.drafted_by,
      draftedByName: o.drafted_by_name ?? null,
      decidedAt: o.decided_at,
      createdAt: o.created_at,
      updatedAt: o.updated_at,
    })),
    extensions: d.extensions.map((e) => ({
      id: e.id,
      cycle: e.cycle,
      days: e.days,
      reason: e.reason,
      status: e.status,
      requestedByName: e.requested_by_name ?? null,
      dueBefore: e.due_before,
      dueAfter: e.due_after,
      decidedAt: e.decided_at,
      createdAt: e.created_at,
    })),
    meeting: d.meeting
      ? {
          id: d.meeting.id,
          status: d.meeting.status,
          meetingDate: d.meeting.meeting_date,
          attendees: d.meeting.attendees,
          decisions: d.meeting.decisions,
          recordedByName: d.meeting.recorded_by_name ?? null,
          recordedAt: d.meeting.recorded_at,
          version: d.meeting.version,
        }
      : null,
    rectifications: d.rectifications.map((r) => presentRectification(r, actor, today, mayReply)),
    breaches: d.breaches.map((b) => ({ cycle: b.cycle, kind: b.kind, dueDate: b.due_date, recordedAt: b.recorded_at })),
    events: d.events.map((e) => ({ id: e.id, cycle: e.cycle, kind: e.kind, note: e.note, public: !!e.public, actorName: e.actor_name, at: e.at })),
    can: d.can,
  };
}

/** What the customer sees of their own complaint: progress, deadline and the approved result, nothing internal. */
function presentPublic(p: PublicLookup): z.infer<typeof s.publicOut> {
  const { c, state, opinion } = p;
  const status = publicStatus(c.status as ComplaintStatus);
  const told = status === 'replied' || status === 'closed';
  return {
    complaintNo: c.complaint_no,
    receivedAt: c.received_at,
    status,
    category: c.category,
    content: c.content,
    resolutionDue: status === 'closed' ? null : c.resolution_due,
    result: told && opinion?.status === 'approved' ? opinion.content : null,
    toldAt: c.told_at,
    closedAt: c.closed_at,
    satisfactionScore: c.satisfaction_score,
    canConfirm: c.status === 'told' && (c.severity !== 'serious' || state.meetingDecided),
    awaitingMeeting: c.status === 'told' && c.severity === 'serious' && !state.meetingDecided,
    events: p.events.filter((e) => e.public).map((e) => ({ kind: e.kind, at: e.at, note: e.kind === 'extension.approved' || e.kind === 'reopened' ? e.note : null })),
  };
}

function sendXlsx(reply: FastifyReply, filename: string, body: Buffer) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Complaints 投诉 (issue 5 §1–7, docs/regulations.md §10). */
export async function complaintRoutes(root: FastifyInstance, deps: { complaints: ComplaintService; analysis: ComplaintAnalysis; clock: Clock; calendar: CalendarService }) {
  const { complaints, analysis, clock, calendar } = deps;
  const officialYears = async () => (await calendar.data()).officialYears;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaints 投诉'];
  const resource = { type: 'complaint' as const };
  const detail = async (req: FastifyRequest, id: number) => presentDetail(await complaints.detail(requestContext(req), id), requestContext(req).actor, clock.now(), await officialYears(), complaints.mayReply);

  app.get('/api/complaint-options', {
    config: { policy: { capability: 'complaints.read' } },
    schema: { tags, response: { 200: s.optionsOut } },
    handler: async () => ({ ...(await complaints.options()), channels: CHANNELS, severities: SEVERITIES, statuses: STATUSES, toldMethods: TOLD_METHODS }),
  });

  app.get('/api/complaints', {
    config: { policy: { capability: 'complaints.read' } },
    schema: { tags, querystring: s.listQuery, response: { 200: page(s.summaryOut) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, ...f } = req.query;
      const order = parseSort(sort, '-receivedAt');
      const { rows, total } = await complaints.list(requestContext(req), f, { page: p, pageSize, sort: { field: order.field as ComplaintSort, direction: order.direction } });
      const now = clock.now();
      const official = await officialYears();
      return { items: rows.map((r) => presentSummary(r, now, official)), total, page: p, pageSize };
    },
  });

  app.post('/api/complaints', {
    config: { policy: { capability: 'complaints.intake' } },
    schema: { tags, body: s.intakeBody, response: { 201: s.detailOut } },
    handler: async (req, reply) => {
      const id = await complaints.create(requestContext(req), req.body);
      return reply.status(201).send(await detail(req, id));
    },
  });

  app.get('/api/complaints/analysis', {
    config: { policy: { capability: 'complaints.analyse' } },
    schema: { tags, querystring: s.analysisQuery, response: { 200: s.analysisOut } },
    handler: async (req) => analysis.analyse(requestContext(req), req.query),
  });

  app.get('/api/complaints/analysis/export.xlsx', {
    config: { policy: { capability: 'complaints.analyse' } },
    schema: { tags, summary: 'One table of the complaint analysis as .xlsx', querystring: s.exportQuery },
    handler: async (req, reply) => {
      const out = await analysis.exportTable(requestContext(req), req.query);
      return sendXlsx(reply, out.filename, out.body);
    },
  });

  app.post('/api/complaints/:id/reveal', {
    config: { policy: { capability: 'complaints.reveal', resource } },
    schema: { tags, summary: 'The complainant’s phone in full, audit-logged', params: idParams, body: s.revealBody, response: { 200: z.object({ value: z.string().nullable() }) } },
    handler: async (req) => ({ value: await complaints.reveal(requestContext(req), req.params.id, req.body.field) }),
  });

  app.get('/api/complaints/:id', {
    config: { policy: { capability: 'complaints.read', resource } },
    schema: { tags, params: idParams, response: { 200: s.detailOut } },
    handler: async (req) => detail(req, req.params.id),
  });

  app.put('/api/complaints/:id', {
    config: { policy: { capability: 'complaints.handle', resource } },
    schema: { tags, params: idParams, body: s.updateBody, response: { 200: s.detailOut } },
    handler: async (req) => detail(req, await complaints.update(requestContext(req), req.params.id, req.body)),
  });

  const action = <B extends z.ZodTypeAny>(path: string, capability: 'complaints.handle' | 'complaints.assign' | 'complaints.meeting', body: B, run: (req: FastifyRequest, id: number, body: z.infer<B>) => Promise<unknown>, method: 'post' | 'put' = 'post') =>
    app[method](`/api/complaints/:id/${path}`, {
      config: { policy: { capability, resource } },
      schema: { tags, params: idParams, body, response: { 200: s.detailOut } },
      handler: async (req) => {
        const { id } = req.params as { id: number };
        await run(req, id, req.body as z.infer<B>);
        return detail(req, id);
      },
    });

  action('assign', 'complaints.assign', s.assignBody, (req, id, b) => complaints.assign(requestContext(req), id, b));
  action('contact', 'complaints.handle', s.contactBody, (req, id, b) => complaints.contact(requestContext(req), id, b));
  action('notes', 'complaints.handle', s.noteBody, (req, id, b) => complaints.note(requestContext(req), id, b.note));
  action('opinion', 'complaints.handle', s.opinionBody, (req, id, b) => complaints.submitOpinion(requestContext(req), id, b));
  action('tell', 'complaints.handle', s.tellBody, (req, id, b) => complaints.tell(requestContext(req), id, b));
  action('confirm', 'complaints.handle', s.confirmBody, (req, id, b) => complaints.confirm(requestContext(req), id, b));
  action('reopen', 'complaints.handle', s.reopenBody, (req, id, b) => complaints.reopen(requestContext(req), id, b));
  action('extensions', 'complaints.handle', s.extensionBody, (req, id, b) => complaints.requestExtension(requestContext(req), id, b));
  action('meeting', 'complaints.meeting', s.meetingBody, (req, id, b) => complaints.recordMeeting(requestContext(req), id, b), 'put');
  action('rectifications', 'complaints.handle', s.rectificationBody, (req, id, b) => complaints.issueRectification(requestContext(req), id, b));

  // ── 问题整改通知单: addressed to a person of the department at fault, who may not see the complaint itself ──
  const rectResource = { type: 'complaint_rectification' as const };
  app.get('/api/complaint-rectifications', {
    config: { policy: { capability: 'complaints.rectify' } },
    schema: { tags, querystring: s.rectificationListQuery, response: { 200: page(s.rectificationOut) } },
    handler: async (req) => {
      const ctx = requestContext(req);
      const { page: p, pageSize, ...f } = req.query;
      const { rows, total } = await complaints.listRectifications(ctx, f, { page: p, pageSize });
      const today = shanghaiDate(clock.now());
      return { items: rows.map((r) => presentRectification(r, ctx.actor, today, complaints.mayReply)), total, page: p, pageSize };
    },
  });
  app.get('/api/complaint-rectifications/:id', {
    config: { policy: { capability: 'complaints.rectify', resource: rectResource } },
    schema: { tags, params: idParams, response: { 200: s.rectificationOut } },
    handler: async (req) => presentRectification(await complaints.rectification(req.params.id), requestContext(req).actor, shanghaiDate(clock.now()), complaints.mayReply),
  });
  app.post('/api/complaint-rectifications/:id/reply', {
    config: { policy: { capability: 'complaints.rectify', resource: rectResource } },
    schema: { tags, params: idParams, body: s.replyBody, response: { 200: s.rectificationOut } },
    handler: async (req) => {
      await complaints.replyRectification(requestContext(req), req.params.id, req.body);
      return presentRectification(await complaints.rectification(req.params.id), requestContext(req).actor, shanghaiDate(clock.now()), complaints.mayReply);
    },
  });

  // ── The public page (no sign-in): /public/complaint in the web app ──
  const publicTags = ['public complaints 公开投诉'];
  /**
   * Every public request counts against its IP before anything else (invalid ones too). The guard already
   * refuses a POST whose Origin is another site; a browser's Sec-Fetch-Site says the same for those that omit it.
   */
  const publicGate = async (req: FastifyRequest) => {
    if (req.method !== 'GET' && req.headers['sec-fetch-site'] === 'cross-site') throw errors.csrf();
    await complaints.limitIp(req.ip ?? null);
  };

  app.get('/api/public/complaint-options', {
    config: { policy: { public: true } },
    onRequest: publicGate,
    schema: { tags: publicTags, response: { 200: z.object({ categories: z.array(z.string()) }) } },
    handler: async () => ({ categories: (await complaints.options()).categories }),
  });

  app.post('/api/public/complaints', {
    config: { policy: { public: true } },
    onRequest: publicGate,
    schema: { tags: publicTags, body: s.publicFileBody, response: { 201: s.publicOut } },
    handler: async (req, reply) => {
      await complaints.limitPhone(req.body.phone);
      const c = await complaints.filePublic({ ip: req.ip ?? null, requestId: req.id }, req.body);
      return reply.status(201).send(presentPublic(await complaints.lookupPublic(c.complaint_no, req.body.phone)));
    },
  });

  app.post('/api/public/complaints/lookup', {
    config: { policy: { public: true } },
    onRequest: publicGate,
    schema: { tags: publicTags, body: s.publicLookupBody, response: { 200: s.publicOut } },
    handler: async (req) => {
      await complaints.limitPhone(req.body.phone);
      return presentPublic(await complaints.lookupPublic(req.body.number, req.body.phone));
    },
  });

  app.post('/api/public/complaints/confirm', {
    config: { policy: { public: true } },
    onRequest: publicGate,
    schema: { tags: publicTags, body: s.publicConfirmBody, response: { 200: s.publicOut } },
    handler: async (req) => {
      await complaints.limitPhone(req.body.phone);
      await complaints.confirmPublic({ ip: req.ip ?? null, requestId: req.id, lang: req.lang }, req.body);
      return presentPublic(await complaints.lookupPublic(req.body.number, req.body.phone));
    },
  });
}
