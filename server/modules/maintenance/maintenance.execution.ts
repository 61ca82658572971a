import { actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors, type FieldError } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import { shanghaiDate } from '../../platform/time';
import { maintenanceQueries as q } from './maintenance.queries';
import { isExecuting } from './maintenance.rules';
import {
  type MaintenanceCore,
  type RecordInput,
  type ExpenseInput,
  type TaskSplitInput,
  DOCUMENT_TYPE,
  ENTITY,
  fen,
  notExecuting,
  planPath,
} from './maintenance.core';

/** Carrying out an approved plan: tasks for its staff, work records and spending against the budget. */
export function createExecutionUseCases(core: MaintenanceCore) {
  const { db, audit, clock, calendar, tasks, completeTask, now, view } = core;
  return {
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
      // Working days count from the plan's start when it has not started yet, so a task falls in the plan's
      // period; a due date after the period's end is refused (docs/regulations.md §5).
      const { start_date: start, end_date: end } = current.plan;
      const from = start > today ? start : today;
      const dues: string[] = [];
      for (const it of items) dues.push(it.dueDate != null ? it.dueDate : (await calendar.addWorkingDays(from, it.workingDays!)).date);
      dues.forEach((due, i) => {
        if (due > end) problems.push({ field: items[i].dueDate != null ? `tasks.${i}.dueDate` : `tasks.${i}.workingDays`, message: 'maintenance.due_after_period', params: { end } });
      });
      if (problems.length) throw errors.validation(problems);
      const t = now();
      await db.transaction().execute(async (trx) => {
        for (const [i, it] of items.entries()) {
          const task = await tasks.createTask(trx, ctx.actor, {
            title: it.title,
            description: it.description ?? null,
            assigneeId: it.assigneeId,
            due: { date: dues[i] },
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
  };
}
