import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors, type FieldError } from '../../platform/http/errors';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { TaskService } from '../workflow/workflow.types';
import { type PlanFilters, type PlanSort, maintenanceQueries as q } from './maintenance.queries';
import { budgetSummary, canSubmit, isEditable, isExecuting, statusAfterOutcome, submissionProblems, toFen } from './maintenance.rules';

export const DOCUMENT_TYPE = 'maintenance_plan';
const ENTITY = 'maintenance_plan';

export interface PlanInput {
  title: string;
  customerIds: number[];
  goals: string;
  method: string;
  measures: string;
  staffIds: number[];
  /** Yuan, at most two decimals. */
  budget: number;
  startDate: string;
  endDate: string;
}

export interface TaskSplitInput {
  title: string;
  description?: string | null;
  assigneeId: number;
  customerId?: number | null;
  dueDate?: string | null;
  workingDays?: number | null;
}

export interface RecordInput {
  planTaskId?: number | null;
  customerId?: number | null;
  content: string;
  feedback: string;
  at?: string | null;
  completeTask?: boolean;
}

export interface ExpenseInput {
  amount: number;
  spentOn: string;
  item: string;
}

/**
 * Marks a workflow task done through the tasks service (its permission check, audit, reminders and
 * notifications; the to-do item disappears), inside the caller's transaction.
 */
export type CompleteTask = (trx: Kysely<Database>, ctx: RequestContext, taskId: number, note: string) => Promise<void>;

const planPath = (id: number) => `/maintenance-plans/${id}`;
const locked = () => new AppError('conflict', 'maintenance.locked');
const notExecuting = () => new AppError('conflict', 'maintenance.not_executing');

function fen(field: string, yuan: number): number {
  const v = toFen(yuan);
  if (v === null) throw errors.field(field, 'maintenance.money');
  return v;
}

function dedupe(ids: number[]) {
  return [...new Set(ids)];
}

/**
 * Maintenance plans 客户关系维护方案 (docs/regulations.md §7, seed 000 §6–8): a supervisor drafts, the manager
 * reviews (may return it), the director approves (the approval engine); then tasks, execution records,
 * spending, and the closing report.
 */
export function createMaintenanceService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  approvals: Pick<ApprovalService, 'submit'>;
  tasks: TaskService;
  completeTask: CompleteTask;
}) {
  const { db, audit, clock, approvals, tasks, completeTask } = deps;
  const now = () => clock.now().toISOString();

  async function load(id: number, conn: Kysely<Database> = db) {
    const row = await q.get(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  /** Customers must be ones the drafter works on (their data scope); staff must be active colleagues. */
  async function checkParties(conn: Kysely<Database>, actor: Actor, input: { customerIds?: number[]; staffIds?: number[] }) {
    const problems: FieldError[] = [];
    if (input.customerIds) {
      const visible = await q.visibleCustomerIds(conn, actor, input.customerIds);
      input.customerIds.forEach((id, i) => {
        if (!visible.has(id)) problems.push({ field: `customerIds.${i}`, message: 'maintenance.customer_unknown' });
      });
    }
    if (input.staffIds) {
      const active = await q.activeUserIds(conn, input.staffIds);
      input.staffIds.forEach((id, i) => {
        if (!active.has(id)) problems.push({ field: `staffIds.${i}`, message: 'maintenance.staff_unknown' });
      });
    }
    if (problems.length) throw errors.validation(problems);
  }

  function checkPeriod(startDate: string, endDate: string) {
    if (endDate < startDate) throw errors.field('endDate', 'maintenance.period_reversed');
  }

  function assertOwner(ctx: RequestContext, plan: { owner_id: number }) {
    if (plan.owner_id !== ctx.actor.id) throw errors.forbidden('maintenance.not_owner');
  }

  /** The full plan as the caller sees it, with what the caller may do next. */
  async function view(ctx: RequestContext, id: number, conn: Kysely<Database> = db) {
    const plan = await load(id, conn);
    const [customers, staff, spent] = await Promise.all([q.customers(conn, [id]), q.staff(conn, [id]), q.spent(conn, [id])]);
    const actor = ctx.actor;
    const isOwner = plan.owner_id === actor.id;
    const isStaff = staff.some((s) => s.id === actor.id);
    const manages = hasCapability(actor, 'maintenance.manage');
    const executing = isExecuting(plan.status);
    return {
      plan,
      customers,
      staff,
      budget: budgetSummary(Number(plan.budget_fen), spent.get(id) ?? 0),
      can: {
        edit: isOwner && isEditable(plan.status),
        submit: isOwner && canSubmit(plan.status),
        split: executing && manages,
        close: executing && manages,
        record: executing && hasCapability(actor, 'maintenance.record') && (isStaff || manages),
      },
    };
  }

  const handler: DocumentTypeHandler = {
    type: DOCUMENT_TYPE,
    label: { 'zh-CN': '客户关系维护方案', 'zh-TW': '客戶關係維護方案', en: 'Relationship maintenance plan' },
    async load(trx, id) {
      const plan = await q.get(trx, id);
      if (!plan) return undefined;
      return {
        applicantId: plan.owner_id,
        departmentId: plan.department_id,
        teamId: plan.team_id,
        title: plan.title,
        fields: { budget: Number(plan.budget_fen) / 100, startDate: plan.start_date, endDate: plan.end_date },
        link: planPath(id),
      };
    },
    // Whoever sees the plan (its staff, the owners of its customers …) sees its approval history too.
    canView: (conn, actor, id) => q.visible(conn, actor, id),
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const before = await q.get(trx, id);
      if (!before) return;
      const status = statusAfterOutcome(outcome);
      const t = now();
      await q.setStatus(trx, id, { status, ...(outcome === 'pending' ? { submitted_at: t } : {}), ...(outcome === 'approved' ? { approved_at: t } : {}) }, t);
      if (before.status !== status) {
        await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: ENTITY, entityId: id, summary: outcome, changes: { status: [before.status, status] } });
      }
    },
  };
  return {
    /** Registered with the approval engine in createServices (chain 'maintenance_plan': manager → director, §18). */
    approvalHandler: handler,
    view,

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

    /** Splits an approved plan into tasks with assignees and deadlines (seed 000 §7(一)1). */
    async splitTasks(ctx: RequestContext, id: number, items: TaskSplitInput[]) {
      const current = await view(ctx, id);
      if (!isExecuting(current.plan.status)) throw notExecuting();
      const staff = new Set(current.staff.map((s) => s.id));
      const customers = new Set(current.customers.map((c) => c.id));
      const today = shanghaiDate(clock.now());
      const problems: FieldError[] = [];
      items.forEach((it, i) => {
        if (!staff.has(it.assigneeId)) problems.push({ field: `tasks.${i}.assigneeId`, message: 'maintenance.assignee_not_staff' });
        if (it.customerId != null && !customers.has(it.customerId)) problems.push({ field: `tasks.${i}.customerId`, message: 'maintenance.customer_not_in_plan' });
        const hasDate = it.dueDate != null;
        const hasDays = it.workingDays != null;
        if (hasDate === hasDays) problems.push({ field: `tasks.${i}.dueDate`, message: 'maintenance.due_required' });
        else if (hasDate && it.dueDate! < today) problems.push({ field: `tasks.${i}.dueDate`, message: 'maintenance.due_in_past' });
      });
      if (problems.length) throw errors.validation(problems);
      const t = now();
      await db.transaction().execute(async (trx) => {
        for (const it of items) {
          const task = await tasks.createTask(trx, ctx.actor, {
            title: it.title,
            description: it.description ?? null,
            assigneeId: it.assigneeId,
            due: it.dueDate != null ? { date: it.dueDate } : { workingDays: it.workingDays! },
            link: { type: ENTITY, id, path: planPath(id) },
            source: DOCUMENT_TYPE,
          });
          const row = await q.insertTask(trx, {
            plan_id: id,
            task_id: task.id,
            customer_id: it.customerId ?? null,
            assignee_id: it.assigneeId,
            title: it.title,
            due_date: task.dueDate,
            created_by: ctx.actor.id,
            created_at: t,
          });
          await audit.record(trx, actorInfo(ctx), {
            action: 'task.create',
            entityType: ENTITY,
            entityId: id,
            summary: it.title,
            changes: { planTaskId: [null, row.id], assigneeId: [null, it.assigneeId], dueDate: [null, task.dueDate], customerId: [null, it.customerId ?? null] },
          });
        }
      });
      return q.tasks(db, id);
    },

    tasks: (id: number) => q.tasks(db, id),
    records: (id: number) => q.records(db, { planId: id }),
    expenses: (id: number) => q.expenses(db, id),

    /**
     * 客服工作记录表: what a specialist did for a customer and what the customer said (seed 000 §7(一)3);
     * with `completeTask` it also completes the specialist's task.
     */
    async addRecord(ctx: RequestContext, id: number, input: RecordInput) {
      const current = await view(ctx, id);
      if (!isExecuting(current.plan.status)) throw notExecuting();
      const manages = hasCapability(ctx.actor, 'maintenance.manage');
      const task = input.planTaskId != null ? await q.task(db, id, input.planTaskId) : undefined;
      if (input.planTaskId != null && !task) throw errors.field('planTaskId', 'maintenance.task_unknown');
      const ownTask = task?.assignee_id === ctx.actor.id;
      if (!manages && !ownTask && !current.staff.some((s) => s.id === ctx.actor.id)) throw errors.forbidden('maintenance.not_staff');
      if (input.completeTask && !task) throw errors.field('planTaskId', 'validation.required');
      if (input.completeTask && task && !ownTask && !manages) throw errors.forbidden('maintenance.not_assignee');
      if (input.completeTask && task && task.status !== 'open') throw new AppError('conflict', 'maintenance.task_done', [{ field: 'planTaskId', message: 'maintenance.task_done' }]);
      const customerId = input.customerId ?? task?.customer_id ?? (current.customers.length === 1 ? current.customers[0].id : null);
      if (customerId == null) throw errors.field('customerId', 'validation.required');
      if (!current.customers.some((c) => c.id === customerId)) throw errors.field('customerId', 'maintenance.customer_not_in_plan');
      const t = now();
      if (input.at && input.at > t) throw errors.field('at', 'maintenance.at_in_future');
      // The record and the task's completion are one write: either both happen or neither.
      const recordId = await db.transaction().execute(async (trx) => {
        if (input.completeTask && task) await completeTask(trx, ctx, task.task_id, input.content);
        const row = await q.insertRecord(trx, {
          plan_id: id,
          plan_task_id: task?.id ?? null,
          customer_id: customerId,
          content: input.content,
          feedback: input.feedback,
          at: input.at ?? t,
          created_by: ctx.actor.id,
          created_at: t,
        });
        await audit.record(trx, actorInfo(ctx), {
          action: 'record.create',
          entityType: ENTITY,
          entityId: id,
          summary: task?.title ?? null,
          changes: { recordId: [null, row.id], customerId: [null, customerId], ...(input.completeTask ? { taskCompleted: [false, true] as [unknown, unknown] } : {}) },
        });
        return row.id;
      });
      return (await q.records(db, { planId: id })).find((r) => r.id === recordId)!;
    },

    /** Spending against the budget: recorded even beyond it, and flagged (seed 000 §6 节约性). */
    async addExpense(ctx: RequestContext, id: number, input: ExpenseInput) {
      const current = await view(ctx, id);
      if (!isExecuting(current.plan.status)) throw notExecuting();
      if (!current.can.record) throw errors.forbidden('maintenance.not_staff');
      const amountFen = fen('amount', input.amount);
      if (amountFen === 0) throw errors.field('amount', 'maintenance.amount_positive');
      if (input.spentOn > shanghaiDate(clock.now())) throw errors.field('spentOn', 'maintenance.at_in_future');
      await db.transaction().execute(async (trx) => {
        const row = await q.insertExpense(trx, { plan_id: id, amount_fen: amountFen, spent_on: input.spentOn, item: input.item, created_by: ctx.actor.id, created_at: now() });
        await audit.record(trx, actorInfo(ctx), {
          action: 'expense.create',
          entityType: ENTITY,
          entityId: id,
          summary: input.item,
          changes: { expenseId: [null, row.id], amount: [null, input.amount], spentOn: [null, input.spentOn] },
        });
      });
      return (await view(ctx, id)).budget;
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
export type MaintenanceService = ReturnType<typeof createMaintenanceService>;

/** For customers.merge.ts: the survivor of a merge takes over the merged customer's plans and records. */
export const moveMaintenanceCustomer = (trx: Kysely<Database>, mergedId: number, survivorId: number) => q.moveCustomer(trx, mergedId, survivorId);
