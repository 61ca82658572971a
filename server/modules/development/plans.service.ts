import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, type Changes, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { RESOURCES } from '../../platform/permissions/scope';
import type { Clock } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import { developmentQueries as q } from './development.queries';
import { planEditable } from './development.rules';
import { createPlacement } from './prospects.service';

export const PLAN_DOCUMENT_TYPE = 'development_plan';

export interface PlanTargetInput {
  prospectId?: number | null;
  customerName?: string | null;
  visitDate?: string | null;
  visitContact?: string | null;
  contactPosition?: string | null;
  contactDepartment?: string | null;
  appointment?: string | null;
  category?: string | null;
  notes?: string | null;
}

export interface PlanInput {
  title?: string;
  periodStart?: string;
  periodEnd?: string;
  goal?: string | null;
  schedule?: string | null;
  supportNeeded?: string | null;
  budget?: number | null;
  targets?: PlanTargetInput[];
}

const COLUMNS = {
  title: 'title',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  goal: 'goal',
  schedule: 'schedule',
  supportNeeded: 'support_needed',
  budget: 'budget',
} as const;

/** What the approval outcome makes of the plan's status (approvals.types.ts onOutcome). */
const STATUS_OF: Record<ApprovalOutcome, string> = {
  pending: 'pending',
  returned: 'returned',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/**
 * 客户开发计划 (docs/regulations.md §6, 004 第七~八条): drafted by the specialist, approved by the department head
 * and then the management meeting (经理办公会) through the approval engine (chain 'development_plan', §18).
 * Editable as a draft and after a return or withdrawal; locked while pending and once decided.
 */
export function createPlanService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; approvals: ApprovalService }) {
  const { db, audit, clock, approvals } = deps;
  const placement = createPlacement(db);
  const now = () => clock.now().toISOString();

  async function get(id: number) {
    const row = await q.plan(db, id);
    if (!row) throw errors.notFound();
    return row;
  }

  /** Targets as stored: a linked prospect must be visible to the editor and lends its name when none is given. */
  async function targetRows(actor: Actor, targets: PlanTargetInput[]) {
    const ids = [...new Set(targets.map((t) => t.prospectId).filter((v): v is number => typeof v === 'number'))];
    const visible = await q.visibleProspectIds(db, actor, ids);
    const prospects = new Map((await q.prospectsByIds(db, [...visible])).map((p) => [p.id, p]));
    return targets.map((t, i) => {
      const prospect = t.prospectId ? prospects.get(t.prospectId) : undefined;
      if (t.prospectId && !prospect) throw errors.field(`targets.${i}.prospectId`, 'development.prospect_not_found');
      const name = t.customerName?.trim() || prospect?.company_name;
      if (!name) throw errors.field(`targets.${i}.customerName`, 'validation.required');
      return {
        prospect_id: t.prospectId ?? null,
        customer_name: name,
        visit_date: t.visitDate ?? null,
        visit_contact: t.visitContact ?? prospect?.contact_name ?? null,
        contact_position: t.contactPosition ?? null,
        contact_department: t.contactDepartment ?? null,
        appointment: t.appointment ?? null,
        category: t.category ?? null,
        notes: t.notes ?? null,
      };
    });
  }

  function assertPeriod(start: string, end: string) {
    if (end < start) throw errors.field('periodEnd', 'development.period_reversed');
  }

  function columns(input: PlanInput) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined && k in COLUMNS) out[COLUMNS[k as keyof typeof COLUMNS]] = v;
    return out;
  }

  const handler: DocumentTypeHandler = {
    type: PLAN_DOCUMENT_TYPE,
    label: { 'zh-CN': '客户开发计划', 'zh-TW': '客戶開發計劃', en: 'Customer development plan' },
    async load(trx, id) {
      const row = await q.plan(trx, id);
      if (!row) return undefined;
      return {
        applicantId: row.owner_id,
        departmentId: row.department_id,
        teamId: row.team_id,
        title: row.title,
        fields: { budget: row.budget, targetCount: Number(row.target_count), periodStart: row.period_start, periodEnd: row.period_end },
        link: `/development/plans/${id}`,
      };
    },
    async onOutcome(trx, id, outcome, ctx) {
      const row = await q.planState(trx, id);
      if (!row) throw errors.notFound();
      const status = STATUS_OF[outcome];
      const t = now();
      const patch: Record<string, unknown> = { status, updated_at: t };
      if (outcome === 'pending') Object.assign(patch, { submitted_at: t, decided_at: null });
      if (outcome === 'approved' || outcome === 'rejected') patch.decided_at = t;
      // The version moves on, so an edit form opened before the submission or decision gets 409.
      await q.setPlanStatus(trx, id, patch);
      await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'development_plan', entityId: id, changes: { status: [row.status, status] } });
    },
    // Whoever sees the plan by its data scope also sees its approval history.
    canView: (trx, actor, id) => q.visible(trx, actor, RESOURCES.development_plan, id),
  };

  return {
    handler,
    get,
    targets: (id: number) => q.planTargets(db, id),
    list: (ctx: RequestContext, f: { q?: string; status?: string; ownerId?: number }, p: { page: number; pageSize: number }) => q.listPlans(db, ctx.actor, f, p),

    /**
     * The plan's readers: its data scope, plus everyone the approval engine lets see its request (the
     * department head and 经理办公会 members deciding it, whatever their own scope). Else 404.
     */
    async assertReadable(ctx: RequestContext, id: number) {
      if (await q.visible(db, ctx.actor, RESOURCES.development_plan, id)) return;
      const request = await approvals.forDocument(ctx, PLAN_DOCUMENT_TYPE, id).catch(() => null);
      if (!request) throw errors.notFound();
    },

    async create(ctx: RequestContext, input: PlanInput & { title: string; periodStart: string; periodEnd: string }) {
      const { targets = [], ...fields } = input;
      assertPeriod(fields.periodStart, fields.periodEnd);
      const place = await placement(ctx, undefined);
      const rows = await targetRows(ctx.actor, targets);
      const t = now();
      const id = await db.transaction().execute(async (trx) => {
        const planId = await q.insertPlan(trx, { ...(columns(fields) as { title: string; period_start: string; period_end: string }), status: 'draft', ...place, created_by: ctx.actor.id, created_at: t, updated_at: t });
        await q.replacePlanTargets(trx, planId, rows);
        const changes: Changes = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [null, v ?? null]]));
        changes.targets = [null, rows.map((r) => r.customer_name)];
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'development_plan', entityId: planId, summary: fields.title, changes });
        return planId;
      });
      return get(id);
    },

    async update(ctx: RequestContext, id: number, input: PlanInput & { version: number }) {
      const { version, targets, ...fields } = input;
      const before = await get(id);
      if (!planEditable(before.status)) throw errors.field('status', 'development.plan_locked');
      assertPeriod(fields.periodStart ?? before.period_start, fields.periodEnd ?? before.period_end);
      const rows = targets ? await targetRows(ctx.actor, targets) : null;
      const changes: Changes = {};
      for (const [k, v] of Object.entries(fields)) {
        const old = (before as unknown as Record<string, unknown>)[COLUMNS[k as keyof typeof COLUMNS]] ?? null;
        if (v !== undefined && old !== v) changes[k] = [old, v];
      }
      await db.transaction().execute(async (trx) => {
        // Checked again inside the transaction: a submission may have locked it meanwhile.
        const state = await q.planState(trx, id);
        if (!state) throw errors.notFound();
        if (!planEditable(state.status)) throw errors.field('status', 'development.plan_locked');
        await updateVersioned(trx, 'development_plans', id, version, columns(fields), now());
        if (rows) {
          const old = (await q.planTargets(trx, id)).map((r) => r.customer_name);
          await q.replacePlanTargets(trx, id, rows);
          const next = rows.map((r) => r.customer_name);
          if (JSON.stringify(old) !== JSON.stringify(next)) changes.targets = [old, next];
        }
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'development_plan', entityId: id, changes });
      });
      return get(id);
    },

    /** A draft that was never submitted can be thrown away; anything with an approval history stays. */
    async remove(ctx: RequestContext, id: number) {
      const before = await get(id);
      if (before.status !== 'draft') throw errors.field('status', 'development.plan_not_draft');
      await db.transaction().execute(async (trx) => {
        await q.deletePlan(trx, id);
        await audit.record(trx, actorInfo(ctx), { action: 'delete', entityType: 'development_plan', entityId: id, summary: before.title });
      });
    },

    /** Submits (or, after a return or withdrawal, resubmits) the plan to the approval chain. */
    async submit(ctx: RequestContext, id: number, input: { comment?: string | null; version: number }) {
      await db.transaction().execute(async (trx) => {
        const row = await q.planState(trx, id);
        if (!row) throw errors.notFound();
        if (row.version !== input.version) throw errors.staleVersion();
        if (!planEditable(row.status)) throw errors.field('status', 'development.plan_locked');
        if (!(await q.planHasTargets(trx, id))) throw errors.field('targets', 'development.plan_needs_targets');
        await approvals.submit(trx, ctx, PLAN_DOCUMENT_TYPE, id, input.comment);
      });
      return get(id);
    },
  };
}
export type PlanService = ReturnType<typeof createPlanService>;
