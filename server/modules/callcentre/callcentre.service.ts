import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import type { AuditService } from '../../platform/audit/audit.service';
import { actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import { shanghaiDate } from '../../platform/time';
import type { CadenceService } from '../cadence/cadence.service';
import type { ComplaintService } from '../complaints/complaints.service';
import { customerLookups } from '../customers/customers.queries';
import { people } from '../org/org.queries';
import type { VisitService } from '../visits/visits.service';
import type { TasksService } from '../workflow/tasks.service';
import { callQueries as q, listQueries, type CallFilters } from './callcentre.queries';
import { callerDigits, signatureValid, weekOf } from './callcentre.rules';
import { eventBody, type CallBody, type RecordBody } from './callcentre.schemas';

export interface CallcentreDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  tasks: Pick<TasksService, 'create'>;
  complaints: Pick<ComplaintService, 'create' | 'get'>;
  visits: Pick<VisitService, 'createVisit'>;
  cadence: Pick<CadenceService, 'compliance'>;
  /** The telephony hook's shared secret (environment CALLCENTRE_HOOK_SECRET); read per request so it can be rotated by restart only. */
  hookSecret: () => string | undefined;
}

const LANG = 'zh-CN';
const callPath = (id: number) => `/callcentre/calls/${id}`;
const SYSTEM = { actorId: null, actorName: 'telephony', ip: null, requestId: null };

/** Calls, the telephony hook and outbound call lists (docs/regulations.md §1). */
export function createCallcentreService(deps: CallcentreDeps) {
  const { db, audit, clock, tasks, complaints, visits, cadence } = deps;
  const now = () => clock.now();

  async function get(id: number) {
    const c = await q.get(db, id);
    if (!c) throw errors.notFound();
    return c;
  }

  /** The first customer with this number in the archive (own number or a contact's mobile). */
  async function match(phone: string) {
    const digits = callerDigits(phone);
    if (digits.length < 5) return null;
    return (await customerLookups.byPhoneDigits(db, digits))[0] ?? null;
  }

  async function placement(userId: number) {
    const [u] = await people.byIds(db, [userId]);
    return { team_id: u?.team_id ?? null, department_id: u?.department_id ?? null };
  }

  return {
    get,
    list: (ctx: RequestContext, f: CallFilters, p: { page: number; pageSize: number }) => q.list(db, ctx.actor, f, p),

    /**
     * One telephony event, verified by HMAC-SHA256 of the raw body before anything is read or stored (401
     * otherwise). Idempotent by call id and event kind: a repeated post changes nothing.
     */
    async event(raw: string, signature: string | undefined) {
      if (!signatureValid(deps.hookSecret() ?? '', raw, signature)) throw new AppError('unauthenticated', 'callcentre.bad_signature');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw errors.field('body', 'error.validation');
      }
      const r = eventBody.safeParse(parsed);
      if (!r.success) throw errors.validation(r.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })));
      const e = r.data;
      const agent = await q.agentByUsername(db, e.agent);
      if (!agent || !agent.active) throw errors.field('agent', 'callcentre.agent_unknown');
      const customer = await match(e.number);
      const t0 = now().toISOString();
      return db.transaction().execute(async (trx) => {
        let call = await q.byRef(trx, e.callId);
        let created = false;
        if (!call) {
          const id = await q.insert(trx, {
            call_ref: e.callId,
            direction: e.direction,
            phone: e.number,
            phone_digits: callerDigits(e.number),
            customer_id: customer?.id ?? null,
            agent_id: agent.id,
            team_id: agent.team_id,
            department_id: agent.department_id,
            started_at: new Date(e.at).toISOString(),
            duration_sec: e.durationSec ?? null,
            category: null,
            summary: null,
            result: null,
            follow_up: null,
            recorded_at: null,
            complaint_id: null,
            task_id: null,
            visit_id: null,
            list_item_id: null,
            created_at: t0,
            updated_at: t0,
          });
          call = (await q.get(trx, id))!;
          created = true;
          await audit.record(trx, SYSTEM, { action: 'create', entityType: 'callcentre_call', entityId: id, summary: e.callId, changes: { direction: [null, e.direction], agentId: [null, agent.id], customerId: [null, customer?.id ?? null] } });
        }
        const eventId = await q.insertEvent(trx, { call_ref: e.callId, kind: e.event, call_id: call.id, agent_id: call.agent_id, at: new Date(e.at).toISOString() });
        if (eventId === undefined) return { callId: call.id, duplicate: true };
        if (e.event === 'ended' && e.durationSec !== undefined && !created) await q.patch(trx, call.id, { duration_sec: e.durationSec, updated_at: t0 });
        return { callId: call.id, duplicate: false };
      });
    },

    /** A call entered by hand (e.g. an outbound call from a list); the agent is the caller. */
    async create(ctx: RequestContext, input: CallBody) {
      if (new Date(input.startedAt).getTime() > now().getTime() + 5 * 60_000) throw errors.field('startedAt', 'callcentre.in_future');
      let customerId = input.customerId ?? null;
      if (customerId != null && !(await customerLookups.byId(db, customerId))) throw errors.field('customerId', 'callcentre.customer_not_found');
      const item = input.listItemId ? await listQueries.item(db, input.listItemId) : undefined;
      if (input.listItemId && (!item || item.agent_id !== ctx.actor.id)) throw errors.field('listItemId', 'error.not_found');
      if (customerId == null) customerId = item?.customer_id ?? (await match(input.phone))?.id ?? null;
      const where = await placement(ctx.actor.id);
      const t0 = now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insert(trx, {
          call_ref: null,
          direction: input.direction,
          phone: input.phone,
          phone_digits: callerDigits(input.phone),
          customer_id: customerId,
          agent_id: ctx.actor.id,
          ...where,
          started_at: new Date(input.startedAt).toISOString(),
          duration_sec: input.durationSec ?? null,
          category: input.category,
          summary: input.summary,
          result: input.result,
          follow_up: input.followUp ?? null,
          recorded_at: t0,
          complaint_id: null,
          task_id: null,
          visit_id: null,
          list_item_id: item?.id ?? null,
          created_at: t0,
          updated_at: t0,
        });
        if (item) await listQueries.closeItem(trx, item.id, id);
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'callcentre_call', entityId: id, summary: input.category, changes: { direction: [null, input.direction], customerId: [null, customerId], category: [null, input.category] } });
        return id;
      });
      return get(id);
    },

    /** The agent's record of a call that came in through the hook: category, summary, result, follow-up. */
    async record(ctx: RequestContext, id: number, input: RecordBody) {
      const before = await get(id);
      if (input.customerId != null && !(await customerLookups.byId(db, input.customerId))) throw errors.field('customerId', 'callcentre.customer_not_found');
      const t0 = now().toISOString();
      const patch = {
        customer_id: input.customerId === undefined ? before.customer_id : input.customerId,
        category: input.category,
        summary: input.summary,
        result: input.result,
        follow_up: input.followUp ?? null,
        recorded_at: t0,
      };
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'callcentre_calls', id, input.version, patch, t0);
        const changes: Record<string, [unknown, unknown]> = {};
        for (const [k, v] of Object.entries(patch)) if (k !== 'recorded_at' && (before as Record<string, unknown>)[k] !== v) changes[k] = [(before as Record<string, unknown>)[k] ?? null, v];
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'callcentre_call', entityId: id, summary: input.category, changes });
      });
      return get(id);
    },

    /** The unmasked number, for a role with the right; every reveal is audit-logged. */
    async reveal(ctx: RequestContext, id: number) {
      const c = await get(id);
      await audit.record(db, actorInfo(ctx), { action: 'reveal', entityType: 'callcentre_call', entityId: id, summary: 'phone' });
      return c.phone;
    },

    /** A complaint prefilled from the call: channel hotline, the caller's number, the call's time and summary (docs/regulations.md §10). */
    async toComplaint(ctx: RequestContext, id: number, input: { category: string; severity: 'general' | 'major' | 'serious'; content?: string | null }) {
      if (!hasCapability(ctx.actor, 'complaints.intake')) throw errors.forbidden();
      const c = await get(id);
      if (c.complaint_id != null) throw errors.conflict('callcentre.already_complaint', 'complaintId');
      const content = input.content?.trim() || c.summary;
      if (!content) throw errors.field('content', 'callcentre.content_required');
      // The complaint names the customer when the caller may see it; otherwise the caller's name and number stand alone.
      const linked = c.customer_id != null && (await customerLookups.visibleIds(db, ctx.actor, [c.customer_id])).has(c.customer_id);
      const complaintId = await complaints.create(ctx, {
        channel: 'hotline',
        receivedAt: c.started_at,
        customerId: linked ? c.customer_id! : undefined,
        complainantName: c.customer_name ?? c.phone,
        complainantPhone: c.phone,
        content,
        category: input.category,
        severity: input.severity,
      } as Parameters<ComplaintService['create']>[1]);
      await linkTo(ctx, c, 'complaint_id', complaintId, 'to_complaint');
      return get(id);
    },

    async toTask(ctx: RequestContext, id: number, input: { title?: string; assigneeId?: number; dueDate: string }) {
      const c = await get(id);
      if (c.task_id != null) throw errors.conflict('callcentre.already_task', 'taskId');
      const task = await tasks.create(ctx, {
        title: input.title ?? t(LANG, 'callcentre.task_title', { customer: c.customer_name ?? c.phone }),
        description: [c.summary, c.follow_up].filter(Boolean).join('\n') || null,
        assigneeId: input.assigneeId ?? ctx.actor.id,
        due: { date: input.dueDate },
        link: { type: 'callcentre_call', id, path: callPath(id) },
        source: 'callcentre',
      });
      await linkTo(ctx, c, 'task_id', task.id, 'to_task');
      return get(id);
    },

    /** A phone visit record (电话回访) prefilled from the call; the visits module checks the customer's scope. */
    async toVisit(ctx: RequestContext, id: number, input: { contactName?: string | null }) {
      const c = await get(id);
      if (c.visit_id != null) throw errors.conflict('callcentre.already_visit', 'visitId');
      if (c.customer_id == null) throw errors.field('customerId', 'callcentre.no_customer');
      const v = await visits.createVisit(ctx, {
        customerId: c.customer_id,
        kind: 'call',
        method: 'phone',
        visitedAt: c.started_at,
        contactName: input.contactName ?? null,
        purpose: c.summary,
        result: c.result,
      } as Parameters<VisitService['createVisit']>[1]);
      await linkTo(ctx, c, 'visit_id', v.id, 'to_visit');
      return get(id);
    },

    // ── Outbound call lists ──────────────────────────────────────────────────
    /** A list for a week: the phone visits due by cadence (within the caller's scope) or chosen customers, dealt out to agents in turn. */
    async createList(ctx: RequestContext, input: { source: 'cadence' | 'manual'; weekOf?: string; agentIds: number[]; customerIds?: number[] }) {
      for (const [i, agentId] of input.agentIds.entries()) {
        if (!(await people.roleNames(db, agentId)).includes('agent')) throw errors.field(`agentIds.${i}`, 'callcentre.not_an_agent');
      }
      const week = weekOf(input.weekOf ?? shanghaiDate(now()));
      let lines: { customerId: number; dueDate: string | null }[];
      if (input.source === 'cadence') {
        const view = await cadence.compliance(ctx, {});
        lines = view.customers.filter((e) => e.cadence.dueDate <= week.end).map((e) => ({ customerId: e.customer.id, dueDate: e.cadence.dueDate }));
      } else {
        const ids = input.customerIds ?? [];
        if (!ids.length) throw errors.field('customerIds', 'validation.required');
        const visible = await customerLookups.visibleIds(db, ctx.actor, ids);
        const missing = ids.findIndex((cid) => !visible.has(cid));
        if (missing >= 0) throw errors.field(`customerIds.${missing}`, 'callcentre.customer_not_found');
        lines = ids.map((customerId) => ({ customerId, dueDate: null }));
      }
      const t0 = now().toISOString();
      const listId = await db.transaction().execute(async (trx) => {
        const listId = await listQueries.insertList(trx, { name: t(LANG, 'callcentre.list_name', { week: week.start }), source: input.source, week_start: week.start, created_by: ctx.actor.id, created_at: t0 });
        await listQueries.insertItems(trx, lines.map((l, i) => ({ list_id: listId, customer_id: l.customerId, agent_id: input.agentIds[i % input.agentIds.length], due_date: l.dueDate, call_id: null })));
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'callcentre_list', entityId: listId, summary: `${input.source} ${week.start}`, changes: { lines: [null, lines.length] } });
        return listId;
      });
      return { ...(await listQueries.getList(db, listId))!, items: await listQueries.items(db, listId, null) };
    },
    lists: () => listQueries.lists(db),
    async getList(id: number) {
      const l = await listQueries.getList(db, id);
      if (!l) throw errors.notFound();
      return { ...l, items: await listQueries.items(db, id, null) };
    },
    /** The lines assigned to the caller, open first. */
    myLines: (ctx: RequestContext) => listQueries.items(db, null, ctx.actor.id),
    /** The agent's incoming calls after the last one sent; a call that rang in the last minute still pops on a page opened just after it. */
    popEvents: (agentId: number, afterId: number) => q.eventsFor(db, agentId, afterId, new Date(now().getTime() - 60_000).toISOString()),
  };

  async function linkTo(ctx: RequestContext, c: { id: number; customer_name: string | null }, column: 'complaint_id' | 'task_id' | 'visit_id', value: number, action: string) {
    await db.transaction().execute(async (trx) => {
      await q.patch(trx, c.id, { [column]: value, updated_at: now().toISOString() });
      await audit.record(trx, actorInfo(ctx), { action, entityType: 'callcentre_call', entityId: c.id, summary: c.customer_name ?? '', changes: { [column]: [null, value] } });
    });
  }
}
export type CallcentreService = ReturnType<typeof createCallcentreService>;
