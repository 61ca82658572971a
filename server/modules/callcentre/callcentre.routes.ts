import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, maskPhone, page } from '../../platform/http/schemas';
import type { CallRow, ScoreRow } from './callcentre.queries';
import { monthRange, type QaService } from './callcentre.qa';
import { recordComplete, type Category } from './callcentre.rules';
import * as s from './callcentre.schemas';
import type { CallcentreService } from './callcentre.service';

const tags = ['callcentre'];
const use = { capability: 'callcentre.use' };
const call = { type: 'callcentre_call' };

/** Whitelisted output; the number masked as every phone is (docs/regulations.md §1). */
export function presentCall(c: CallRow): z.infer<typeof s.callOut> {
  return {
    id: c.id,
    callRef: c.call_ref,
    direction: c.direction as 'inbound' | 'outbound',
    phone: maskPhone(c.phone),
    customerId: c.customer_id,
    customerName: c.customer_name ?? null,
    customerArchiveNo: c.customer_archive_no ?? null,
    agentId: c.agent_id,
    agentName: c.agent_name ?? null,
    startedAt: c.started_at,
    durationSec: c.duration_sec,
    category: c.category as Category | null,
    summary: c.summary,
    result: c.result,
    followUp: c.follow_up,
    recordedAt: c.recorded_at,
    complete: recordComplete(c),
    complaintId: c.complaint_id,
    taskId: c.task_id,
    visitId: c.visit_id,
    qaScoreId: c.qa_id ?? null,
    qaTotal: c.qa_total == null ? null : Number(c.qa_total),
    version: c.version,
  };
}

function presentScore(r: ScoreRow): z.infer<typeof s.scoreOut> {
  return {
    id: r.id,
    callId: r.call_id,
    agentId: r.agent_id,
    agentName: r.agent_name ?? null,
    scorerId: r.scorer_id,
    scorerName: r.scorer_name ?? null,
    month: r.month,
    items: JSON.parse(r.items),
    total: Number(r.total),
    comment: r.comment,
    disputeReason: r.dispute_reason,
    disputeStatus: r.dispute_status as 'none' | 'open' | 'upheld' | 'rejected',
    disputeReply: r.dispute_reply,
    callStartedAt: r.call_started_at,
    version: r.version,
  };
}

type ItemRow = Awaited<ReturnType<CallcentreService['myLines']>>[number];
const presentItem = (i: ItemRow): z.infer<typeof s.listItemOut> => ({
  id: i.id,
  listId: i.list_id,
  customerId: i.customer_id,
  customerName: i.customer_name,
  customerArchiveNo: i.customer_archive_no,
  agentId: i.agent_id,
  agentName: i.agent_name ?? null,
  dueDate: i.due_date,
  status: i.status as 'open' | 'done',
  callId: i.call_id,
});

export interface CallcentreRouteDeps {
  calls: CallcentreService;
  qa: QaService;
  /** How often the screen-pop stream looks for new events. */
  pollMs: number;
}

export async function callcentreRoutes(root: FastifyInstance, deps: CallcentreRouteDeps) {
  const { calls, qa } = deps;

  // The telephony hook reads the raw body: the signature covers the bytes as sent (docs/regulations.md §1).
  await root.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/callcentre/events', {
      config: { policy: { public: true } },
      schema: { tags, summary: 'Telephony event (HMAC-SHA256 of the body in X-Signature; idempotent by callId and event)', response: { 200: z.object({ callId: z.number(), duplicate: z.boolean() }) } },
      handler: async (req) => {
        const sig = req.headers['x-signature'];
        return calls.event(typeof req.body === 'string' ? req.body : '', typeof sig === 'string' ? sig : undefined);
      },
    });
  });

  const app = root.withTypeProvider<ZodTypeProvider>();

  // The screen-pop: the agent's open page holds this stream; events come through the database, so any instance serves it.
  app.get('/api/callcentre/stream', { config: { policy: use }, schema: { tags, summary: 'Server-sent events: incoming calls for the signed-in agent', hide: true } }, async (req, reply) => {
    const ctx = requestContext(req);
    const lastHeader = Number(req.headers['last-event-id']);
    let last = Number.isFinite(lastHeader) ? lastHeader : 0;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': open\n\n');
    let closed = false;
    let beats = 0;
    const tick = async () => {
      if (closed) return;
      try {
        for (const e of await calls.popEvents(ctx.actor.id, last)) {
          last = e.id;
          const data = { callId: e.call_id, direction: e.direction, phone: maskPhone(e.phone), at: e.at, customerId: e.customer_id, customerName: e.customer_name ?? null, customerArchiveNo: e.customer_archive_no ?? null };
          res.write(`id: ${e.id}\nevent: call\ndata: ${JSON.stringify(data)}\n\n`);
        }
        if (++beats % Math.max(1, Math.round(15_000 / deps.pollMs)) === 0) res.write(': ping\n\n');
      } catch (err) {
        req.log.warn({ err }, 'screen-pop poll failed');
      }
      if (!closed) timer = setTimeout(tick, deps.pollMs);
    };
    let timer: NodeJS.Timeout = setTimeout(tick, 0);
    req.raw.on('close', () => {
      closed = true;
      clearTimeout(timer);
    });
  });

  app.get('/api/callcentre/calls', {
    config: { policy: use },
    schema: { tags, querystring: s.callListQuery, response: { 200: page(s.callOut) } },
    handler: async (req) => {
      const { page: p, pageSize, month, ...f } = req.query;
      const range = month ? monthRange(month) : {};
      const { rows, total } = await calls.list(requestContext(req), { ...f, ...range }, { page: p, pageSize });
      return { items: rows.map(presentCall), total, page: p, pageSize };
    },
  });
  app.post('/api/callcentre/calls', {
    config: { policy: use },
    schema: { tags, body: s.callBody, response: { 201: s.callOut } },
    handler: async (req, reply) => reply.code(201).send(presentCall(await calls.create(requestContext(req), req.body))),
  });
  app.get('/api/callcentre/calls/:id', {
    config: { policy: { ...use, resource: call } },
    schema: { tags, params: idParams, response: { 200: s.callOut } },
    handler: async (req) => presentCall(await calls.get(req.params.id)),
  });
  app.put('/api/callcentre/calls/:id', {
    config: { policy: { ...use, resource: call } },
    schema: { tags, summary: 'Record the call: category, summary, result, follow-up', params: idParams, body: s.recordBody, response: { 200: s.callOut } },
    handler: async (req) => presentCall(await calls.record(requestContext(req), req.params.id, req.body)),
  });
  app.post('/api/callcentre/calls/:id/reveal', {
    config: { policy: { capability: 'callcentre.reveal', resource: call } },
    schema: { tags, summary: 'The unmasked number (audit-logged)', params: idParams, response: { 200: z.object({ value: z.string() }) } },
    handler: async (req) => ({ value: await calls.reveal(requestContext(req), req.params.id) }),
  });
  app.post('/api/callcentre/calls/:id/complaint', {
    config: { policy: { ...use, resource: call } },
    schema: { tags, summary: 'Open a complaint prefilled from the call (channel hotline)', params: idParams, body: s.toComplaintBody, response: { 200: s.callOut } },
    handler: async (req) => presentCall(await calls.toComplaint(requestContext(req), req.params.id, req.body)),
  });
  app.post('/api/callcentre/calls/:id/task', {
    config: { policy: { capability: 'tasks.use', resource: call } },
    schema: { tags, summary: 'Open a task prefilled from the call', params: idParams, body: s.toTaskBody, response: { 200: s.callOut } },
    handler: async (req) => presentCall(await calls.toTask(requestContext(req), req.params.id, req.body)),
  });
  app.post('/api/callcentre/calls/:id/visit', {
    config: { policy: { capability: 'visits.record', resource: call } },
    schema: { tags, summary: 'Record a phone visit prefilled from the call', params: idParams, body: s.toVisitBody, response: { 200: s.callOut } },
    handler: async (req) => presentCall(await calls.toVisit(requestContext(req), req.params.id, req.body)),
  });

  // ── Outbound call lists ──
  app.get('/api/callcentre/lists', {
    config: { policy: { capability: 'callcentre.lists' } },
    schema: { tags, response: { 200: z.object({ items: z.array(s.listOut) }) } },
    handler: async () => ({ items: (await calls.lists()).map((l) => ({ id: l.id, name: l.name, source: l.source, weekStart: l.week_start, createdAt: l.created_at })) }),
  });
  app.post('/api/callcentre/lists', {
    config: { policy: { capability: 'callcentre.lists' } },
    schema: { tags, summary: "A week's outbound list (phone visits due by cadence, or chosen customers), dealt out to agents", body: s.listBody, response: { 201: s.listOut } },
    handler: async (req, reply) => {
      const l = await calls.createList(requestContext(req), req.body);
      return reply.code(201).send({ id: l.id, name: l.name, source: l.source, weekStart: l.week_start, createdAt: l.created_at, items: l.items.map(presentItem) });
    },
  });
  app.get('/api/callcentre/lists/:id', {
    config: { policy: { capability: 'callcentre.lists', companyWide: true } },
    schema: { tags, params: idParams, response: { 200: s.listOut } },
    handler: async (req) => {
      const l = await calls.getList(req.params.id);
      return { id: l.id, name: l.name, source: l.source, weekStart: l.week_start, createdAt: l.created_at, items: l.items.map(presentItem) };
    },
  });
  app.get('/api/callcentre/my-lines', {
    config: { policy: use },
    schema: { tags, summary: 'The outbound lines assigned to me', response: { 200: z.object({ items: z.array(s.listItemOut) }) } },
    handler: async (req) => ({ items: (await calls.myLines(requestContext(req))).map(presentItem) }),
  });

  // ── QA ──
  app.get('/api/callcentre/qa/template', {
    config: { policy: use },
    schema: { tags, response: { 200: z.object({ items: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })) }) } },
    handler: async () => ({ items: await qa.template() }),
  });
  app.get('/api/callcentre/qa/sample', {
    config: { policy: { capability: 'callcentre.qa' } },
    schema: { tags, summary: "Each agent's sample of the month's calls", querystring: s.monthQuery, response: { 200: z.object({ items: z.array(z.object({ agentId: z.number(), agentName: z.string().nullable(), calls: z.number(), sample: z.array(s.callOut) })) }) } },
    handler: async (req) => ({ items: (await qa.sample(requestContext(req), req.query.month)).map((a) => ({ ...a, agentName: a.agentName ?? null, sample: a.sample.map(presentCall) })) }),
  });
  app.post('/api/callcentre/calls/:id/qa', {
    config: { policy: { capability: 'callcentre.qa', resource: call } },
    schema: { tags, summary: 'Score the call on the template (0–100 per item, weighted)', params: idParams, body: s.scoreBody, response: { 201: s.scoreOut } },
    handler: async (req, reply) => reply.code(201).send(presentScore(await qa.score(requestContext(req), req.params.id, req.body))),
  });
  app.get('/api/callcentre/qa', {
    config: { policy: use },
    schema: { tags, querystring: s.monthQuery.partial(), response: { 200: z.object({ items: z.array(s.scoreOut) }) } },
    handler: async (req) => ({ items: (await qa.list(requestContext(req), req.query.month, req.query.agentId)).map(presentScore) }),
  });
  app.get('/api/callcentre/qa/report', {
    config: { policy: { capability: 'callcentre.report' } },
    schema: { tags, summary: 'Monthly QA report with the service targets and actuals', querystring: s.monthQuery },
    handler: async (req) => qa.report(requestContext(req), req.query.month),
  });
  app.post('/api/callcentre/qa/:id/dispute', {
    config: { policy: { ...use, resource: { type: 'callcentre_qa' } } },
    schema: { tags, params: idParams, body: s.disputeBody, response: { 200: s.scoreOut } },
    handler: async (req) => presentScore(await qa.dispute(requestContext(req), req.params.id, req.body.reason)),
  });
  app.post('/api/callcentre/qa/:id/resolve', {
    config: { policy: { capability: 'callcentre.qa', resource: { type: 'callcentre_qa' } } },
    schema: { tags, params: idParams, body: s.resolveBody, response: { 200: s.scoreOut } },
    handler: async (req) => presentScore(await qa.resolve(requestContext(req), req.params.id, req.body)),
  });
}
