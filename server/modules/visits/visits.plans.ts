import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors, type FieldError } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalOutcome, DocumentTypeHandler } from '../approvals/approvals.types';
import type { VisitCore } from './visits.core';
import { type PlanFilters, type PlanLineRow, planQueries as q, type PlanRow } from './visits.plans.queries';
import { isLate, onSiteDays, type PlanKind, periodRange, periodsDueBetween, planDueDate } from './visits.plans.rules';
import type { Method } from './visits.rules';

export const PLAN_TYPE = 'visit_plan';
const L = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** Customers a plan should visit first, by cadence (docs/regulations.md §8): filled by the cadence module. */
export interface PlanSuggestionSource {
  owed(ownerId: number): Promise<{ customerId: number; status: 'due' | 'overdue'; overdueDays: number; dueDate: string }[]>;
}
// The visits module owns this point; cadence (later in the module list) contributes, so neither imports the other's service.
declare module '../../platform/modules/manifest' {
  interface ExtensionPoints {
    visitPlanSuggestions: PlanSuggestionSource;
  }
}

export interface PlanLineInput {
  id?: number | null;
  customerId: number;
  plannedOn: string;
  purpose: string;
  method: Method;
  place?: string | null;
  expectedCost?: number | null; // yuan, two decimals; stored in fen
}

export type PlanView = PlanRow & { lines: PlanLineRow[]; warnings: { key: string; params: Record<string, number> }[] };

/** 回访计划表 (docs/regulations.md §8): monthly and weekly plans, the supervisor's review, lateness, done lines. */
export function createPlanUseCases(core: VisitCore & { suggestionSources: PlanSuggestionSource[] }) {
  const { db, audit, settings, now, approvals } = core;

  async function dueSettings() {
    const v = await settings.values();
    return { dueDay: Number(v['visits.monthlyPlanDueDay']), dueWeekday: Number(v['visits.weeklyPlanDueWeekday']), visitDays: Number(v['visits.monthlyVisitDays']) };
  }

  async function planRow(id: number) {
    const p = await q.getPlan(db, id);
    if (!p) throw errors.notFound();
    return p;
  }

  async function get(id: number): Promise<PlanView> {
    const p = await planRow(id);
    const lines = await q.lines(db, id);
    const warnings: PlanView['warnings'] = [];
    const required = (await dueSettings()).visitDays;
    // A warning, not a refusal: the seeds' 6 days belong to one company (the restaurant).
    if (p.kind === 'monthly' && required > 0) {
      const days = onSiteDays(lines);
      if (days < required) warnings.push({ key: 'visits.plan.visit_days', params: { days, required } });
    }
    return { ...p, lines, warnings };
  }

  function mine(ctx: RequestContext, p: PlanRow) {
    if (p.author_id !== ctx.actor.id) throw errors.forbidden('visits.plan.not_author');
  }
  const editable = (status: string) => status === 'draft' || status === 'returned' || status === 'withdrawn';

  /** Lines checked against the period and the author's scope; a customer outside it reads as unknown (422 on the row). */
  async function checkLines(ctx: RequestContext, p: PlanRow, lines: PlanLineInput[]) {
    const found: FieldError[] = [];
    const visible = await q.customersVisible(db, ctx.actor, lines.map((l) => l.customerId));
    const known = new Set((await q.lines(db, p.id)).map((l) => l.id));
    lines.forEach((l, i) => {
      if (!visible.has(l.customerId)) found.push({ field: `lines.${i}.customerId`, message: 'visits.customer_not_found' });
      if (l.plannedOn < p.period_start || l.plannedOn > p.period_end) found.push({ field: `lines.${i}.plannedOn`, message: 'visits.plan.date_outside', params: { start: p.period_start, end: p.period_end } });
      if (l.expectedCost != null && l.expectedCost > 0 && l.method !== 'on_site') found.push({ field: `lines.${i}.expectedCost`, message: 'visits.plan.cost_on_site' });
      if (l.id != null && !known.has(l.id)) found.push({ field: `lines.${i}.id`, message: 'visits.plan.line_unknown' });
    });
    if (found.length) throw errors.validation(found);
  }

  const lineRow = (l: PlanLineInput, position: number) => ({
    position,
    customer_id: l.customerId,
    planned_on: l.plannedOn,
    purpose: l.purpose.trim(),
    method: l.method,
    place: l.place?.trim() || null,
    expected_cost_fen: l.method === 'on_site' && l.expectedCost != null ? Math.round(l.expectedCost * 100) : null,
  });

  const handler: DocumentTypeHandler = {
    type: PLAN_TYPE,
    label: L('回访计划表', '回訪計畫表', 'Visit plan'),
    // 003 第三章: the plan goes to the supervisor for review.
    defaultChain: [{ key: 'supervisor', name: L('主管审核', '主管審核', 'Supervisor review'), approver: { kind: 'supervisor' } }],
    async load(trx, id) {
      const p = await q.getPlan(trx, id);
      if (!p) return undefined;
      return {
        applicantId: p.author_id,
        departmentId: p.department_id,
        teamId: p.team_id,
        title: `${p.author_name ?? ''} ${p.period}`.trim(),
        fields: { kind: p.kind, late: p.late === 1 },
        link: `/visits/plans/${id}`,
      };
    },
    canView: (conn: Kysely<Database>, actor, id) => q.planVisible(conn, actor, id),
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const before = await q.getPlan(trx, id);
      if (!before) return;
      const at = now().toISOString();
      await q.patchPlan(trx, id, { status: outcome, updated_at: at, ...(outcome === 'approved' ? { approved_at: at } : {}) });
      if (before.status !== outcome) await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'visit_plan', entityId: id, summary: before.period, changes: { status: [before.status, outcome] } });
    },
  };

  return {
    handler,
    getPlan: get,
    listPlans: (ctx: RequestContext, f: PlanFilters) => q.listPlans(db, ctx.actor, f),
    lineCounts: (ids: number[]) => q.lineCounts(db, ids),

    async createPlan(ctx: RequestContext, input: { kind: PlanKind; period: string; notes?: string | null }) {
      const range = periodRange(input.kind, input.period);
      if (!range) throw errors.field('period', 'visits.plan.period_invalid');
      if (await q.planOf(db, ctx.actor.id, input.kind, input.period)) throw errors.conflict('visits.plan.exists', 'period');
      const s = await dueSettings();
      const me = await q.user(db, ctx.actor.id);
      const t0 = now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertPlan(trx, {
          author_id: ctx.actor.id,
          team_id: me?.team_id ?? null,
          department_id: me?.department_id ?? ctx.actor.departmentId,
          kind: input.kind,
          period: input.period,
          period_start: range.start,
          period_end: range.end,
          due_date: planDueDate(input.kind, range.start, s),
          status: 'draft',
          notes: input.notes?.trim() || null,
          submitted_at: null,
          approved_at: null,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'visit_plan', entityId: id, summary: input.period, changes: { kind: [null, input.kind], period: [null, input.period] } });
        return id;
      });
      return get(id);
    },

    /** Replaces the lines (kept ones by id, so visits tied to them stay tied); only the author, only before review. */
    async updatePlan(ctx: RequestContext, id: number, input: { notes?: string | null; lines: PlanLineInput[]; version: number }) {
      const p = await planRow(id);
      mine(ctx, p);
      if (!editable(p.status)) throw errors.conflict('visits.plan.read_only', 'status');
      await checkLines(ctx, p, input.lines);
      const t0 = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'visit_plans', id, input.version, { notes: input.notes?.trim() || null }, t0);
        await q.deleteLines(trx, id, input.lines.flatMap((l) => (l.id != null ? [l.id] : [])));
        for (const [i, l] of input.lines.entries()) {
          if (l.id != null) await q.updateLine(trx, l.id, id, lineRow(l, i + 1));
          else await q.insertLine(trx, { plan_id: id, ...lineRow(l, i + 1) });
        }
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'visit_plan', entityId: id, summary: p.period, changes: { lines: [null, input.lines.length] } });
      });
      return get(id);
    },

    /** To the supervisor; the first submission after the due day (Asia/Shanghai) marks the plan late, for the KPIs. */
    async submitPlan(ctx: RequestContext, id: number, input: { version: number; comment?: string | null }) {
      const p = await planRow(id);
      mine(ctx, p);
      if (!editable(p.status)) throw errors.conflict('visits.plan.not_submittable', 'status');
      if (!(await q.lines(db, id)).length) throw errors.field('lines', 'visits.plan.no_lines');
      const at = now();
      const first = p.submitted_at == null;
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'visit_plans', id, input.version, first ? { submitted_at: at.toISOString(), late: isLate(at, p.due_date) ? 1 : 0 } : {}, at.toISOString());
        await approvals.submit(trx, ctx, PLAN_TYPE, id, input.comment ?? null);
      });
      return get(id);
    },

    /** Suggested targets: the author's customers owed by cadence first (overdue, then due, with days), then the rest. */
    async suggestions(ctx: RequestContext) {
      const owed = (await Promise.all(core.suggestionSources.map((s) => s.owed(ctx.actor.id)))).flat();
      owed.sort((a, b) => (a.status === b.status ? b.overdueDays - a.overdueDays || a.dueDate.localeCompare(b.dueDate) : a.status === 'overdue' ? -1 : 1));
      const seen = new Set<number>();
      const first = owed.filter((o) => !seen.has(o.customerId) && seen.add(o.customerId));
      const names = new Map((await q.customersByIds(db, first.map((o) => o.customerId))).map((c) => [c.id, c]));
      type Suggestion = { customerId: number; name: string; archiveNo: string; grade: string | null; cadence: 'due' | 'overdue' | null; overdueDays: number; dueDate: string | null };
      const out: Suggestion[] = first.flatMap((o) => {
        const c = names.get(o.customerId);
        return c ? [{ customerId: c.id, name: c.name, archiveNo: c.archive_no, grade: c.grade ?? null, cadence: o.status, overdueDays: o.overdueDays, dueDate: o.dueDate }] : [];
      });
      for (const c of await q.ownedCustomers(db, ctx.actor.id)) {
        if (!seen.has(c.id)) out.push({ customerId: c.id, name: c.name, archiveNo: c.archive_no, grade: c.grade ?? null, cadence: null, overdueDays: 0, dueDate: null });
      }
      return out;
    },

    /** The caller's open lines for a customer (the visit form's optional plan line). */
    openLines: (ctx: RequestContext, customerId: number) => q.openLinesOf(db, ctx.actor.id, customerId),

    /** A visit may carry out a line of the visitor's own submitted or approved plan, for the same customer. */
    async checkLine(ctx: RequestContext, lineId: number, customerId: number) {
      const l = await q.line(db, lineId);
      if (!l || l.author_id !== ctx.actor.id || l.customer_id !== customerId || !['pending', 'approved'].includes(l.status)) throw errors.field('planLineId', 'visits.plan.line_not_yours');
    },

    /**
     * Plans first submitted after their due day, per person and period (for the KPI points):
     * "visit plan for 2027-01 submitted 2026-12-31 > due 2026-12-30". `from` / `to` bound the period's first day.
     */
    /**
     * The plans of one person whose due day falls between two days (docs/regulations.md §8, §17), whether or not
     * the plan exists: each period with its due day, the plan if written and the day it was first submitted.
     */
    async plansDue(f: { authorId: number; kind: PlanKind; dueFrom: string; dueTo: string }) {
      const due = periodsDueBetween(f.kind, f.dueFrom, f.dueTo, await dueSettings());
      const plans = new Map((await q.plansOfPeriods(db, f.authorId, f.kind, due.map((d) => d.period))).map((p) => [p.period, p]));
      return due.map((d) => {
        const p = plans.get(d.period);
        return { kind: f.kind, period: d.period, dueDate: d.dueDate, planId: p?.id ?? null, submittedOn: p?.submitted_at ? shanghaiDate(new Date(p.submitted_at as string)) : null };
      });
    },

    async latePlans(f: { authorId?: number; from?: string; to?: string } = {}) {
      return (await q.latePlans(db, f)).map((p) => {
        const submittedOn = shanghaiDate(new Date(p.submitted_at as string));
        return {
          planId: p.id,
          authorId: p.author_id,
          authorName: p.author_name ?? null,
          kind: p.kind as PlanKind,
          period: p.period,
          dueDate: p.due_date,
          submittedAt: new Date(p.submitted_at as string).toISOString(),
          submittedOn,
          text: t('zh-CN', 'visits.plan.late', { period: p.period, submitted: submittedOn, due: p.due_date }),
        };
      });
    },
  };
}
export type PlanUseCases = ReturnType<typeof createPlanUseCases>;
