import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors, type FieldError } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import { shanghaiDate } from '../../platform/time';
import { LANG, type VisitCore } from './visits.core';
import { type VisitFilters, visitQueries as q, type VisitRow } from './visits.queries';
import { countByMethod } from './visits.rules';
import type { PlanUseCases } from './visits.plans';
import type { VisitBody } from './visits.schemas';

const visitPath = (id: number) => `/visits/${id}`;
/** The Shanghai day as an instant range [from, to). */
export const dayRange = (date: string) => {
  const from = new Date(`${date}T00:00:00+08:00`);
  return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
};

/** 客户回访记录表 and 电话回访记录表 (docs/regulations.md §8): records, check-in, follow-ups, signature, comment. */
export function createRecordUseCases(core: VisitCore, plans: Pick<PlanUseCases, 'checkLine'>) {
  const { db, audit, tasks, complaints, attachments, now, visibleCustomer } = core;

  async function get(id: number) {
    const v = await q.getVisit(db, id);
    if (!v) throw errors.notFound();
    const reports = await q.reportsOfVisit(db, id);
    return { ...v, report_ids: reports.map((r) => r.id) };
  }

  function problems(input: VisitBody, today: string, at: Date): FieldError[] {
    const out: FieldError[] = [];
    if (new Date(input.visitedAt).getTime() > at.getTime() + 5 * 60_000) out.push({ field: 'visitedAt', message: 'visits.in_future' });
    if (input.nextDate && !input.nextStep?.trim()) out.push({ field: 'nextStep', message: 'visits.next_step_required' });
    if (input.nextDate && input.nextDate < today) out.push({ field: 'nextDate', message: 'visits.next_date_past' });
    if (input.kind === 'call' && input.method !== 'phone') out.push({ field: 'method', message: 'visits.call_is_phone' });
    const c = input.checkIn;
    if (c && (c.lat == null) !== (c.lng == null)) out.push({ field: 'checkIn.lat', message: 'visits.coordinates_pair' });
    if (input.saveLocation && (c?.lat == null || c?.lng == null)) out.push({ field: 'saveLocation', message: 'visits.no_coordinates' });
    if (c && input.method !== 'on_site') out.push({ field: 'checkIn', message: 'visits.checkin_on_site' });
    return out;
  }

  return {
    getVisit: get,
    listVisits: (ctx: RequestContext, f: VisitFilters, p: { page: number; pageSize: number }) => q.listVisits(db, ctx.actor, f, p),

    async createVisit(ctx: RequestContext, input: VisitBody) {
      const customer = await visibleCustomer(ctx, input.customerId);
      const at = now();
      const today = shanghaiDate(at);
      const found = problems(input, today, at);
      if (found.length) throw errors.validation(found);
      if (input.maintenanceTaskId != null) {
        // a visit may carry out a maintenance plan's task: only one's own (docs/regulations.md §7)
        const task = await tasks.get(input.maintenanceTaskId).catch(() => null);
        if (!task || task.assignee_id !== ctx.actor.id) throw errors.field('maintenanceTaskId', 'visits.task_not_yours');
      }
      // a visit may carry out a line of the visitor's own plan: the plan shows the line done (docs/regulations.md §8)
      if (input.planLineId != null) await plans.checkLine(ctx, input.planLineId, input.customerId);
      const t0 = at.toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const c = input.checkIn;
        const id = await q.insertVisit(trx, {
          customer_id: input.customerId,
          kind: input.kind,
          method: input.method,
          visited_at: new Date(input.visitedAt).toISOString(),
          contact_name: input.contactName ?? null,
          purpose: input.purpose ?? null,
          points: input.points ?? null,
          satisfaction: input.kind === 'record' ? (input.satisfaction ?? null) : null,
          opinions: input.opinions ?? null,
          countermeasures: input.countermeasures ?? null,
          result: input.result ?? null,
          next_step: input.nextStep ?? null,
          next_date: input.nextDate ?? null,
          follow_up_task_id: null,
          maintenance_task_id: input.maintenanceTaskId ?? null,
          signature_attachment_id: null,
          checkin_at: c ? new Date(c.at).toISOString() : null,
          checkin_lat: c?.lat ?? null,
          checkin_lng: c?.lng ?? null,
          checkin_accuracy_m: c?.accuracyM ?? null,
          supervisor_comment: null,
          supervisor_comment_by: null,
          supervisor_comment_at: null,
          complaint_id: null,
          task_id: null,
          plan_line_id: input.planLineId ?? null,
          visitor_id: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        // The next step with a date becomes the visitor's follow-up task (docs/regulations.md §8).
        if (input.nextDate && input.nextStep) {
          const task = await tasks.createTask(trx, ctx.actor, {
            title: t(LANG, 'visits.task.follow_up_title', { customer: customer.name, step: input.nextStep }),
            description: input.opinions ?? null,
            assigneeId: ctx.actor.id,
            due: { date: input.nextDate },
            link: { type: 'visit', id, path: visitPath(id) },
            source: 'visit',
          });
          await q.patchVisit(trx, id, { follow_up_task_id: task.id });
        }
        if (input.saveLocation && c?.lat != null && c.lng != null) {
          await q.setLocation(trx, { customer_id: input.customerId, lat: c.lat, lng: c.lng, source: 'checkin', visit_id: id, updated_by: ctx.actor.id, updated_at: t0 });
        }
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: 'visit',
          entityId: id,
          summary: customer.name,
          changes: { customerId: [null, input.customerId], kind: [null, input.kind], method: [null, input.method], visitedAt: [null, input.visitedAt] },
        });
        return id;
      });
      return get(id);
    },

    /** The day's records of one person, counted by method (the daily visit report, docs/regulations.md §8). */
    async daily(ctx: RequestContext, date: string | undefined, userId: number | undefined) {
      const day = date ?? shanghaiDate(now());
      const who = userId ?? ctx.actor.id;
      const { rows } = await q.listVisits(db, ctx.actor, { visitorId: who, ...dayRange(day) }, { page: 1, pageSize: 500 });
      rows.sort((a, b) => a.visited_at.localeCompare(b.visited_at) || a.id - b.id);
      return { date: day, userId: who, userName: rows[0]?.visitor_name ?? null, byMethod: countByMethod(rows), rows };
    },

    async comment(ctx: RequestContext, id: number, input: { comment: string; version: number }) {
      const v = await get(id);
      if (v.version !== input.version) throw errors.staleVersion();
      const t0 = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'visits', id, input.version, { supervisor_comment: input.comment, supervisor_comment_by: ctx.actor.id, supervisor_comment_at: t0 }, t0);
        await audit.record(trx, actorInfo(ctx), { action: 'comment', entityType: 'visit', entityId: id, summary: v.customer_name, changes: { supervisorComment: [v.supervisor_comment, input.comment] } });
      });
      return get(id);
    },

    /** The customer's signature, filed with the customer's attachments and linked here; a new one replaces the old. */
    async uploadSignature(ctx: RequestContext, id: number, input: { filename: string; body: Buffer }) {
      const v = await get(id);
      core.assertImage(input.body);
      const row = await attachments.upload(ctx, v.customer_id, {
        filename: input.filename,
        kind: 'other',
        description: t(LANG, 'visits.signature_description', { date: shanghaiDate(new Date(v.visited_at)) }),
        body: input.body,
      });
      await db.transaction().execute(async (trx) => {
        await q.patchVisit(trx, id, { signature_attachment_id: row.id, updated_at: now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'signature', entityType: 'visit', entityId: id, summary: row.filename, changes: { signatureAttachmentId: [v.signature_attachment_id, row.id] } });
      });
      return get(id);
    },

    async openSignature(ctx: RequestContext, id: number) {
      const v = await get(id);
      if (v.signature_attachment_id == null) throw errors.notFound();
      return attachments.open(ctx, v.customer_id, v.signature_attachment_id);
    },

    /** Turns the customer's complaint raised in a visit into a complaint, prefilled from the visit (docs/regulations.md §10). */
    async toComplaint(ctx: RequestContext, id: number, input: { category: string; severity: 'general' | 'major' | 'serious'; content?: string | null }) {
      if (!hasCapability(ctx.actor, 'complaints.intake')) throw errors.forbidden();
      const v = await get(id);
      if (v.complaint_id != null) throw errors.conflict('visits.already_complaint', 'complaintId');
      const content = input.content?.trim() || v.opinions || v.points;
      if (!content) throw errors.field('content', 'validation.required');
      const complaintId = await complaints.create(ctx, {
        channel: 'visit',
        receivedAt: v.visited_at,
        customerId: v.customer_id,
        complainantName: v.contact_name || v.customer_name,
        content,
        category: input.category,
        severity: input.severity,
      });
      await db.transaction().execute(async (trx) => {
        await q.patchVisit(trx, id, { complaint_id: complaintId, updated_at: now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'to_complaint', entityType: 'visit', entityId: id, summary: v.customer_name, changes: { complaintId: [null, complaintId] } });
      });
      return get(id);
    },

    /** Turns a request raised in a visit into a task (for oneself, or for someone one may assign to). */
    async toTask(ctx: RequestContext, id: number, input: { title: string; description?: string | null; assigneeId?: number; dueDate: string }) {
      const v = await get(id);
      if (v.task_id != null) throw errors.conflict('visits.already_task', 'taskId');
      const task = await tasks.create(ctx, {
        title: input.title,
        description: input.description ?? v.opinions ?? null,
        assigneeId: input.assigneeId ?? ctx.actor.id,
        due: { date: input.dueDate },
        link: { type: 'visit', id, path: visitPath(id) },
        source: 'visit',
      });
      await db.transaction().execute(async (trx) => {
        await q.patchVisit(trx, id, { task_id: task.id, updated_at: now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'to_task', entityType: 'visit', entityId: id, summary: input.title, changes: { taskId: [null, task.id] } });
      });
      return get(id);
    },

    /**
     * The newest contact (visit or call) per customer, for cadence and the public pool (docs/regulations.md §8):
     * customer id → instant. Customers never contacted are absent.
     */
    async lastContactDates(customerIds: number[]): Promise<Map<number, string>> {
      const rows = await q.lastContacts(db, customerIds);
      return new Map(rows.filter((r) => r.last_at != null).map((r) => [r.customer_id, new Date(r.last_at as unknown as string).toISOString()]));
    },
  };
}
export type VisitRowWithReports = VisitRow & { report_ids: number[] };
