import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors, type FieldError } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { type PlanFilters, type PlanSort, maintenanceQueries as q } from './maintenance.queries';
import { budgetSummary, canSubmit, isEditable, isExecuting, submissionProblems } from './maintenance.rules';
import { type MaintenanceCore, type PlanInput, DOCUMENT_TYPE, ENTITY, dedupe, fen, locked, notExecuting } from './maintenance.core';

/** A plan's life: drafting, revising, submitting for approval, closing with the report, and the lists. */
export function createPlanUseCases(core: MaintenanceCore) {
  const { db, audit, approvals, now, checkParties, checkPeriod, assertOwner, view } = core;
  return {
    async list(ctx: RequestContext, f: PlanFilters, p: { page: number; pageSize: number; sort: { field: PlanSort; direction: 'asc' | 'desc' } }) {
      const { rows, total } = await q.list(db, ctx.actor, f, p);
      const ids = rows.map((r) => r.id);
      const [customers, spent] = await Promise.all([q.customers(db, ids), q.spent(db, ids)]);
      return {
        total,
        items: rows.map((r) => ({
          plan: r,
          customers: customers.filter((c) => c.plan_id === r.id),
          budget: budgetSummary(Number(r.budget_fen), spent.get(r.id) ?? 0),
        })),
      };
    },

    async create(ctx: RequestContext, input: PlanInput) {
      const customerIds = dedupe(input.customerIds);
      const staffIds = dedupe(input.staffIds);
      const budgetFen = fen('budget', input.budget);
      checkPeriod(input.startDate, input.endDate);
      await checkParties(db, ctx.actor, { customerIds, staffIds });
      const drafter = await q.userInfo(db, ctx.actor.id);
      const t = now();
      const id = await db.transaction().execute(async (trx) => {
        const planId = await q.insertPlan(trx, {
          title: input.title,
          goals: input.goals,
          method: input.method,
          measures: input.measures,
          budget_fen: budgetFen,
          start_date: input.startDate,
          end_date: input.endDate,
          owner_id: ctx.actor.id,
          team_id: drafter.team_id,
          department_id: drafter.department_id,
          created_at: t,
          updated_at: t,
        });
        await q.replaceCustomers(trx, planId, customerIds);
        await q.replaceStaff(trx, planId, staffIds);
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: ENTITY,
          entityId: planId,
          changes: { title: [null, input.title], customerIds: [null, customerIds], staffIds: [null, staffIds], budget: [null, input.budget], startDate: [null, input.startDate], endDate: [null, input.endDate] },
        });
        return planId;
      });
      return view(ctx, id);
    },

    /** Only the drafter revises, and only a draft or a returned plan (locked while under approval and after). */
    async update(ctx: RequestContext, id: number, input: Partial<PlanInput> & { version: number }) {
      const { version, ...fields } = input;
      const before = await view(ctx, id);
      assertOwner(ctx, before.plan);
      if (!isEditable(before.plan.status)) throw locked();
      const customerIds = fields.customerIds ? dedupe(fields.customerIds) : undefined;
      const staffIds = fields.staffIds ? dedupe(fields.staffIds) : undefined;
      checkPeriod(fields.startDate ?? before.plan.start_date, fields.endDate ?? before.plan.end_date);
      await checkParties(db, ctx.actor, { customerIds, staffIds });
      const patch: Record<string, unknown> = {};
      const changes: Record<string, [unknown, unknown]> = {};
      const text = { title: 'title', goals: 'goals', method: 'method', measures: 'measures', startDate: 'start_date', endDate: 'end_date' } as const;
      for (const [k, col] of Object.entries(text)) {
        const v = fields[k as keyof typeof text];
        const old = before.plan[col];
        if (v !== undefined && v !== old) {
          patch[col] = v;
          changes[k] = [old, v];
        }
      }
      if (fields.budget !== undefined) {
        const b = fen('budget', fields.budget);
        if (b !== Number(before.plan.budget_fen)) {
          patch.budget_fen = b;
          changes.budget = [Number(before.plan.budget_fen) / 100, fields.budget];
        }
      }
      const oldCustomers = before.customers.map((c) => c.id);
      const oldStaff = before.staff.map((s) => s.id);
      if (customerIds && JSON.stringify(customerIds) !== JSON.stringify(oldCustomers)) changes.customerIds = [oldCustomers, customerIds];
      if (staffIds && JSON.stringify(staffIds) !== JSON.stringify(oldStaff)) changes.staffIds = [oldStaff, staffIds];
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'maintenance_plans', id, version, patch, now());
        if (changes.customerIds) await q.replaceCustomers(trx, id, customerIds!);
        if (changes.staffIds) await q.replaceStaff(trx, id, staffIds!);
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: ENTITY, entityId: id, changes });
      });
      return view(ctx, id);
    },

    /** Sends the plan to the manager (first time, or again after a return); the engine keeps the history. */
    async submit(ctx: RequestContext, id: number, input: { version: number; comment?: string | null }) {
      const current = await view(ctx, id);
      assertOwner(ctx, current.plan);
      if (!canSubmit(current.plan.status)) throw locked();
      const problems = submissionProblems({
        customerCount: current.customers.length,
        staffCount: current.staff.length,
        startDate: current.plan.start_date,
        endDate: current.plan.end_date,
      });
      if (problems.length) throw errors.validation(problems, 'maintenance.incomplete');
      await db.transaction().execute(async (trx) => {
        // Claims the version first: two submissions of the same read cannot both start a round.
        await updateVersioned(trx, 'maintenance_plans', id, input.version, {}, now());
        await approvals.submit(trx, ctx, DOCUMENT_TYPE, id, input.comment ?? null);
      });
      return view(ctx, id);
    },

    /** Closes the loop with the 客户关系维护报告: assessment of results and optimisation measures (seed 000 §8). */
    async close(ctx: RequestContext, id: number, input: { version: number; assessment?: string | null; optimisation?: string | null }) {
      const current = await view(ctx, id);
      if (!isExecuting(current.plan.status)) throw notExecuting();
      const problems: FieldError[] = [];
      if (!input.assessment?.trim()) problems.push({ field: 'assessment', message: 'maintenance.report_required' });
      if (!input.optimisation?.trim()) problems.push({ field: 'optimisation', message: 'maintenance.report_required' });
      if (problems.length) throw errors.validation(problems, 'maintenance.report_missing');
      const t = now();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'maintenance_plans', id, input.version, {
          status: 'closed',
          report_assessment: input.assessment!.trim(),
          report_optimisation: input.optimisation!.trim(),
          closed_at: t,
          closed_by: ctx.actor.id,
        }, t);
        await audit.record(trx, actorInfo(ctx), { action: 'close', entityType: ENTITY, entityId: id, changes: { status: [current.plan.status, 'closed'] } });
      });
      return view(ctx, id);
    },

    /** The 维护方案 tab of a customer's archive page: plans the caller may see, and this customer's records. */
    async forCustomer(ctx: RequestContext, customerId: number) {
      const { rows } = await q.list(db, ctx.actor, { customerId }, { page: 1, pageSize: 200, sort: { field: 'createdAt', direction: 'desc' } });
      const ids = rows.map((r) => r.id);
      const [customers, spent, records] = await Promise.all([q.customers(db, ids), q.spent(db, ids), q.records(db, { customerId, actor: ctx.actor })]);
      return {
        plans: rows.map((r) => ({ plan: r, customers: customers.filter((c) => c.plan_id === r.id), budget: budgetSummary(Number(r.budget_fen), spent.get(r.id) ?? 0) })),
        records,
      };
    },
  };
}
