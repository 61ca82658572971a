import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { actorInfo } from '../../platform/audit/audit.service';
import { type CalendarData, isProvisionalSpan, workingDaysBetween } from '../../platform/calendar/calendar.rules';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { shanghaiDate } from '../../platform/time';
import { type ComplaintFilters, type ComplaintRow, type ComplaintSort, asQ, complaintQueries as q } from './complaints.queries';
import { type Severity, MAX_TOTAL_WORKING_DAYS, checkExtension, dueDate, phoneDigits, resolutionDays, resolutionDue } from './complaints.rules';
import type { IntakeBody, UpdateBody } from './complaints.schemas';
import { type ComplaintDeps, whoOf, link, createComplaintCore } from './complaints.core';
import { createComplaintDocuments } from './complaints.documents';
import { createPublicUseCases } from './complaints.public';
import { createRectificationUseCases } from './complaints.rectifications';

export type { ComplaintDeps } from './complaints.core';

export function createComplaintService(deps: ComplaintDeps) {
  const core = createComplaintCore(deps);
  const { db, now, audit, approvals, cfg, get, stateOf, stateFrom, permitted, require, event, notifyUsers, arm, breach, assertHandler, assertCustomer, assertDepartment, openMeeting, intake, confirmIn, reopenIn, cal } = core;

  return {
    ...createComplaintDocuments(core),
    get: (id: number) => get(id),
    /** For the public pool (docs/regulations.md §8): which of these customers have a complaint not yet closed. */
    openComplaintCustomers: async (customerIds: number[]) => new Set(await q.openCustomers(db, customerIds)),
    stateOf: (c: ComplaintRow) => stateOf(db, c),
    permitted,

    /**
     * An official year was entered (docs/regulations.md §10): every deadline not yet met that was counted
     * over it is counted again with the official days, with an entry in the complaint's history.
     */
    async recomputeForOfficialYear(trx: Kysely<Database>, change: { year: number; before: CalendarData; after: CalendarData; ctx: RequestContext }) {
      const from = `${change.year}-01-01`;
      const to = `${change.year}-12-31`;
      const who = whoOf(change.ctx);
      for (const id of await q.openDeadlinesWithin(trx, from, to)) {
        const c = await get(id, trx);
        const columns: Record<string, string> = {};
        const changes: Record<string, [string, string]> = {};
        if (!c.first_contacted_at && isProvisionalSpan(change.before, c.received_date, c.first_contact_due)) {
          // The count the deadline was given, read back from the calendar it was counted with.
          const n = workingDaysBetween(change.before, c.received_date, c.first_contact_due).days;
          const due = dueDate(change.after, c.received_date, n);
          columns.first_contact_due = due;
          changes.firstContactDue = [c.first_contact_due, due];
        }
        if (isProvisionalSpan(change.before, c.cycle_start_date, c.resolution_due)) {
          const due = resolutionDue(change.after, c.cycle_start_date, c.resolution_days, c.extension_days);
          columns.resolution_due = due;
          changes.resolutionDue = [c.resolution_due, due];
        }
        if (!Object.keys(changes).length) continue;
        const at = now().toISOString();
        const moved = Object.entries(changes).filter(([, [a, b]]) => a !== b);
        if (moved.length) await q.patch(trx, id, columns, at);
        const note = Object.values(changes).map(([a, b]) => `${a} → ${b}`).join('; ');
        await event(trx, c, 'deadline_recomputed', who, `${change.year} · ${note}`);
        await audit.record(trx, who.audit, { action: 'update', entityType: 'complaint', entityId: id, summary: `${c.complaint_no}: ${change.year}`, changes });
        await arm(trx, id); // the managers' alert is counted in working days after the deadline
      }
    },

    async options() {
      const s = await cfg(db);
      return { categories: s.categories, maxTotalWorkingDays: MAX_TOTAL_WORKING_DAYS };
    },

    async list(ctx: RequestContext, f: ComplaintFilters, p: { page: number; pageSize: number; sort: { field: ComplaintSort; direction: 'asc' | 'desc' } }) {
      return q.list(db, ctx.actor, f, p, shanghaiDate(now()));
    },

    /** The complainant's phone in full; every reveal is audit-logged like the archive's. */
    async reveal(ctx: RequestContext, id: number, field: 'phone') {
      const c = await get(id);
      await audit.record(db, actorInfo(ctx), { action: 'reveal', entityType: 'complaint', entityId: id, summary: field });
      return c.complainant_phone;
    },

    /** Everything the detail page shows. */
    async detail(ctx: RequestContext, id: number) {
      const c = await get(id);
      const [events, opinions, extensions, meeting, rectifications, breaches] = await Promise.all([
        q.events(db, id),
        q.opinions(db, id),
        q.extensions(db, id),
        q.meeting(db, id),
        q.rectifications(db, id),
        q.breaches(db, id),
      ]);
      const state = stateFrom(c, opinions, extensions, meeting);
      return { c, state, events, opinions, extensions, meeting, rectifications, breaches, can: permitted(ctx.actor, c, state) };
    },

    async create(ctx: RequestContext, input: IntakeBody) {
      return intake(whoOf(ctx), { ...input, viaPublic: false, createdBy: ctx.actor.id }, async (trx) => {
        if (input.customerId) await assertCustomer(trx, ctx.actor, input.customerId);
        if (input.faultDepartmentId) await assertDepartment(trx, 'faultDepartmentId', input.faultDepartmentId);
        // Without complaints.assign one records complaints for oneself to handle, or leaves them to be assigned.
        if (input.handlerId && input.handlerId !== ctx.actor.id && !ctx.actor.capabilities.has('complaints.assign')) throw errors.field('handlerId', 'complaint.handler_invalid');
        return { handler: input.handlerId ? await assertHandler(trx, ctx.actor, input.handlerId) : null };
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateBody) {
      const { version, ...fields } = input;
      return db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'edit');
        if (c.version !== version) throw errors.staleVersion();
        const s = await cfg(trx);
        if (fields.category !== undefined && fields.category !== c.category && !s.categories.includes(fields.category)) throw errors.field('category', 'complaint.category_unknown');
        if (fields.customerId) await assertCustomer(trx, ctx.actor, fields.customerId);
        if (fields.faultDepartmentId) await assertDepartment(trx, 'faultDepartmentId', fields.faultDepartmentId);
        const columns: Record<string, unknown> = {};
        const changes: Record<string, [unknown, unknown]> = {};
        const map: Record<string, string> = {
          channel: 'channel',
          customerId: 'customer_id',
          complainantName: 'complainant_name',
          complainantPhone: 'complainant_phone',
          complainantCompany: 'complainant_company',
          complainantEmail: 'complainant_email',
          content: 'content',
          category: 'category',
          severity: 'severity',
          faultDepartmentId: 'fault_department_id',
        };
        for (const [k, v] of Object.entries(fields)) {
          if (v === undefined) continue;
          const col = map[k];
          const old = (c as Record<string, unknown>)[col] ?? null;
          if (old === v) continue;
          columns[col] = v;
          // Phone numbers stay masked in the audit log (issue 3 §9).
          changes[k] = k === 'complainantPhone' ? ['****', '****'] : [old, v];
        }
        if (fields.complainantPhone !== undefined) columns.complainant_phone_digits = phoneDigits(fields.complainantPhone);
        if (columns.severity !== undefined) {
          const days = resolutionDays(columns.severity as Severity, s.seriousDays);
          if (days + c.extension_days > MAX_TOTAL_WORKING_DAYS) throw errors.field('severity', 'complaint.severity_too_long');
          columns.resolution_days = days;
          columns.resolution_due = resolutionDue(await cal(trx), c.cycle_start_date, days, c.extension_days);
          changes.resolutionDue = [c.resolution_due, columns.resolution_due];
        }
        if (!Object.keys(changes).length) return id;
        const at = now().toISOString();
        await q.patch(trx, id, columns, at);
        await event(trx, c, 'updated', whoOf(ctx), Object.keys(changes).join(','));
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'update', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes });
        if (columns.severity === 'serious') await openMeeting(trx, c);
        if (columns.resolution_due) await arm(trx, id);
        return id;
      });
    },

    async assign(ctx: RequestContext, id: number, input: { handlerId: number; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'assign');
        if (c.version !== input.version) throw errors.staleVersion();
        if (c.handler_id === input.handlerId) return;
        const handler = await assertHandler(trx, ctx.actor, input.handlerId);
        const at = now().toISOString();
        await q.patch(trx, id, { handler_id: handler.id, team_id: handler.team_id, department_id: handler.department_id }, at);
        await event(trx, c, 'assigned', whoOf(ctx), handler.display_name);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'assign', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { handlerId: [c.handler_id, handler.id] } });
        if (handler.id !== ctx.actor.id) {
          await notifyUsers(trx, [handler.id], 'complaint.assigned', 'complaint.notify.assigned', { no: c.complaint_no, category: c.category, contact: c.first_contact_due, due: c.resolution_due }, link(id));
        }
        await arm(trx, id);
      });
    },

    /** 首次联系: within the first-contact deadline (setting, §10); a late one is recorded as a breach. */
    async contact(ctx: RequestContext, id: number, input: { at?: string; note: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'contact');
        if (c.version !== input.version) throw errors.staleVersion();
        const at = input.at ? new Date(input.at).toISOString() : now().toISOString();
        if (at < c.received_at || new Date(at).getTime() > now().getTime() + 60_000) throw errors.field('at', 'complaint.at_out_of_range');
        await q.patch(trx, id, { first_contacted_at: at, ...(c.status === 'received' ? { status: 'processing' } : {}) }, now().toISOString());
        await event(trx, c, 'contacted', whoOf(ctx), input.note);
        if (shanghaiDate(new Date(at)) > c.first_contact_due) await breach(trx, c, 'first_contact', c.first_contact_due);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'contact', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { firstContactedAt: [null, at] } });
        await arm(trx, id);
      });
    },

    /** 调查记录: an investigation note in the history. */
    async note(ctx: RequestContext, id: number, note: string) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'note');
        await event(trx, c, 'note', whoOf(ctx), note);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'note', entityType: 'complaint', entityId: id, summary: c.complaint_no });
      });
    },

    /**
     * 处理意见: the handler drafts it and submits it to the supervising leader; a returned or withdrawn one is
     * revised and resubmitted (a new round of the same request), a rejected one is replaced by a new opinion.
     */
    async submitOpinion(ctx: RequestContext, id: number, input: { content: string; comment?: string | null }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'opinion');
        const latest = await q.latestOpinion(trx, id, c.cycle);
        const at = now().toISOString();
        let opinionId: number;
        if (latest && (latest.status === 'returned' || latest.status === 'withdrawn' || latest.status === 'draft') && latest.drafted_by === ctx.actor.id) {
          opinionId = latest.id;
          await q.setOpinion(trx, opinionId, { content: input.content }, at);
        } else {
          const me = await q.user(trx, ctx.actor.id);
          opinionId = await q.insertOpinion(trx, { complaint_id: id, cycle: c.cycle, content: input.content, status: 'draft', drafted_by: ctx.actor.id, team_id: me?.team_id ?? null, department_id: me?.department_id ?? null, created_at: at, updated_at: at });
        }
        await approvals.submit(trx as unknown as Kysely<Database>, ctx, 'complaint_opinion', opinionId, input.comment ?? null);
      });
    },

    /** 告知客户: only with an approved opinion (§10: the supervising leader approves before the customer is told). */
    async tell(ctx: RequestContext, id: number, input: { method: string; at?: string; note?: string | null; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'tell');
        if (c.version !== input.version) throw errors.staleVersion();
        const at = input.at ? new Date(input.at).toISOString() : now().toISOString();
        if (at < c.received_at || new Date(at).getTime() > now().getTime() + 60_000) throw errors.field('at', 'complaint.at_out_of_range');
        await q.patch(trx, id, { status: 'told', told_at: at, told_method: input.method, told_note: input.note ?? null, ...(c.first_contacted_at ? {} : { first_contacted_at: at }) }, now().toISOString());
        await event(trx, c, 'told', whoOf(ctx), input.note ?? null, true);
        const toldDay = shanghaiDate(new Date(at));
        if (toldDay > c.resolution_due) await breach(trx, c, 'resolution', c.resolution_due);
        if (!c.first_contacted_at && toldDay > c.first_contact_due) await breach(trx, c, 'first_contact', c.first_contact_due);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'tell', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { status: [c.status, 'told'], toldMethod: [null, input.method] } });
        await arm(trx, id);
      });
    },

    /** The customer's satisfaction recorded by staff (e.g. on the phone): closes the complaint. */
    async confirm(ctx: RequestContext, id: number, input: { score: number; note?: string | null; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'confirm');
        if (c.version !== input.version) throw errors.staleVersion();
        await confirmIn(trx, c, whoOf(ctx), 'staff', input.score, input.note ?? null, ctx.lang);
      });
    },

    async reopen(ctx: RequestContext, id: number, input: { reason: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'reopen');
        if (c.version !== input.version) throw errors.staleVersion();
        await reopenIn(trx, c, whoOf(ctx), input.reason, ctx.lang);
      });
    },

    /** 延期申请: leaders approve; with the approved ones it may never exceed 7 working days (422 `days`). */
    async requestExtension(ctx: RequestContext, id: number, input: { days: number; reason: string }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'extend');
        const problem = checkExtension({ baseDays: c.resolution_days, approvedDays: c.extension_days, requestedDays: input.days });
        if (problem) throw errors.validation([problem]);
        const me = await q.user(trx, ctx.actor.id);
        const at = now().toISOString();
        const extId = await q.insertExtension(trx, { complaint_id: id, cycle: c.cycle, days: input.days, reason: input.reason, status: 'draft', requested_by: ctx.actor.id, team_id: me?.team_id ?? null, department_id: me?.department_id ?? null, due_before: c.resolution_due, created_at: at, updated_at: at });
        await event(trx, c, 'extension.requested', whoOf(ctx), `${input.days} · ${input.reason}`);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'extension.request', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { days: [null, input.days] } });
        await approvals.submit(trx as unknown as Kysely<Database>, ctx, 'complaint_extension', extId, input.reason);
      });
    },

    /** 经理办公会专题会议: the decisions of the special session on a serious complaint (§10). */
    async recordMeeting(ctx: RequestContext, id: number, input: { meetingDate: string; attendees: string; decisions: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        if (c.severity !== 'serious') throw errors.conflict('complaint.not_serious', 'severity');
        await require(trx, ctx, c, 'meeting');
        await q.openMeeting(trx, id, now().toISOString());
        const m = (await q.meeting(trx, id))!;
        if (m.version !== input.version) throw errors.staleVersion();
        const at = now().toISOString();
        await q.recordMeetingDecision(trx, m, input, ctx.actor.id, at);
        await q.patch(trx, id, {}, at);
        await event(trx, c, 'meeting', whoOf(ctx), input.decisions);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'meeting', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { meetingDate: [m.meeting_date, input.meetingDate], decisions: [m.decisions, input.decisions] } });
      });
    },

    ...createRectificationUseCases(core),

    ...createPublicUseCases(core),

    // ── Jobs ──

    /** Records every deadline whose day is over without it being met (one row per cycle and kind). */
    async recordBreaches(at: Date = now()): Promise<number> {
      const today = shanghaiDate(at);
      const { contact, resolve } = await q.unrecordedBreaches(db, today);
      let n = 0;
      for (const [kind, rows] of [['first_contact', contact], ['resolution', resolve]] as const) {
        for (const r of rows) {
          await db.transaction().execute(async (trx) => {
            const c = await q.get(trx, r.id);
            if (c) {
              await breach(trx, c, kind, r.due);
              n++;
            }
          });
        }
      }
      return n;
    },

    /** Customer merge (查重): the survivor takes the merged customer's complaints and scores. */
    async moveCustomer(trx: Kysely<Database>, mergedId: number, survivorId: number) {
      await q.moveCustomer(asQ(trx), mergedId, survivorId);
    },
  };
}
export type ComplaintService = ReturnType<typeof createComplaintService>;
