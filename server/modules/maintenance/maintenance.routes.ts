import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page, parseSort } from '../../platform/http/schemas';
import { shanghaiDate, type Clock } from '../../platform/time';
import type { PlanSort } from './maintenance.queries';
import { toYuan, type BudgetSummary, type PlanStatus } from './maintenance.rules';
import {
  budgetOut,
  closeBody,
  createPlanBody,
  expenseBody,
  expenseOut,
  listQuery,
  planOut,
  planSummaryOut,
  recordBody,
  recordOut,
  splitBody,
  submitBody,
  taskOut,
  updatePlanBody,
} from './maintenance.schemas';
import type { MaintenanceService } from './maintenance.service';

type Svc = MaintenanceService;
type Summary = Awaited<ReturnType<Svc['list']>>['items'][number];
type View = Awaited<ReturnType<Svc['view']>>;
type TaskRow = Awaited<ReturnType<Svc['tasks']>>[number];
type RecordRow = Awaited<ReturnType<Svc['records']>>[number];
type ExpenseRow = Awaited<ReturnType<Svc['expenses']>>[number];

const presentBudget = (b: BudgetSummary) => ({
  budget: toYuan(b.budgetFen),
  spent: toYuan(b.spentFen),
  remaining: toYuan(b.remainingFen),
  usedPercent: b.usedPercent,
  overBudget: b.overBudget,
});

function presentSummary(s: Summary): z.infer<typeof planSummaryOut> {
  const p = s.plan;
  return {
    id: p.id,
    title: p.title,
    status: p.status as PlanStatus, // only codes the service writes
    ownerId: p.owner_id,
    ownerName: p.owner_name ?? null,
    customers: s.customers.map((c) => ({ id: c.id, name: c.name, archiveNo: c.archive_no })),
    startDate: p.start_date,
    endDate: p.end_date,
    ...presentBudget(s.budget),
    submittedAt: p.submitted_at,
    approvedAt: p.approved_at,
    closedAt: p.closed_at,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    version: p.version,
  };
}

function presentPlan(v: View): z.infer<typeof planOut> {
  const p = v.plan;
  return {
    ...presentSummary(v),
    goals: p.goals,
    method: p.method,
    measures: p.measures,
    staff: v.staff.map((s) => ({ id: s.id, name: s.display_name })),
    teamId: p.team_id,
    teamName: p.team_name ?? null,
    report:
      p.report_assessment !== null
        ? { assessment: p.report_assessment, optimisation: p.report_optimisation ?? '', closedAt: p.closed_at, closedByName: p.closed_by_name ?? null }
        : null,
    can: v.can,
  };
}

const presentTask = (today: string) => (r: TaskRow): z.infer<typeof taskOut> => ({
  id: r.id,
  taskId: r.task_id,
  title: r.title,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  customerId: r.customer_id,
  customerName: r.customer_name ?? null,
  dueDate: r.task_due_date,
  status: r.status,
  overdue: r.status === 'open' && r.task_due_date < today,
  completedAt: r.completed_at,
  createdAt: r.created_at,
});

const presentRecord = (r: RecordRow): z.infer<typeof recordOut> => ({
  id: r.id,
  planId: r.plan_id,
  planTitle: r.plan_title,
  planTaskId: r.plan_task_id,
  taskTitle: r.task_title ?? null,
  customerId: r.customer_id,
  customerName: r.customer_name ?? null,
  content: r.content,
  feedback: r.feedback,
  at: r.at,
  authorId: r.created_by,
  authorName: r.author_name,
  createdAt: r.created_at,
});

const presentExpense = (r: ExpenseRow): z.infer<typeof expenseOut> => ({
  id: r.id,
  amount: toYuan(r.amount_fen),
  spentOn: r.spent_on,
  item: r.item,
  authorName: r.author_name,
  createdAt: r.created_at,
});

/** Maintenance plans 客户关系维护方案 (docs/regulations.md §7); approval actions go through /api/approvals. */
export async function maintenanceRoutes(root: FastifyInstance, deps: { maintenance: Svc; clock: Clock }) {
  const { maintenance: svc, clock } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['maintenance plans 客户关系维护方案'];
  const resource = { type: 'maintenance_plan' as const };
  const today = () => shanghaiDate(clock.now());

  app.get('/api/maintenance-plans', {
    config: { policy: { capability: 'maintenance.read' } },
    schema: { tags, querystring: listQuery, response: { 200: page(planSummaryOut) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, ...f } = req.query;
      const s = parseSort(sort, '-createdAt') as { field: PlanSort; direction: 'asc' | 'desc' };
      const { items, total } = await svc.list(requestContext(req), f, { page: p, pageSize, sort: s });
      return { items: items.map(presentSummary), total, page: p, pageSize };
    },
  });

  app.post('/api/maintenance-plans', {
    config: { policy: { capability: 'maintenance.manage' } },
    schema: { tags, body: createPlanBody, response: { 201: planOut } },
    handler: async (req, reply) => reply.status(201).send(presentPlan(await svc.create(requestContext(req), req.body))),
  });

  app.get('/api/maintenance-plans/:id', {
    config: { policy: { capability: 'maintenance.read', resource } },
    schema: { tags, params: idParams, response: { 200: planOut } },
    handler: async (req) => presentPlan(await svc.view(requestContext(req), req.params.id)),
  });

  app.put('/api/maintenance-plans/:id', {
    config: { policy: { capability: 'maintenance.manage', resource } },
    schema: { tags, params: idParams, body: updatePlanBody, response: { 200: planOut } },
    handler: async (req) => presentPlan(await svc.update(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/maintenance-plans/:id/submit', {
    config: { policy: { capability: 'maintenance.manage', resource } },
    schema: { tags, params: idParams, body: submitBody, response: { 200: planOut } },
    handler: async (req) => presentPlan(await svc.submit(requestContext(req), req.params.id, req.body)),
  });

  app.get('/api/maintenance-plans/:id/tasks', {
    config: { policy: { capability: 'maintenance.read', resource } },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(taskOut) }) } },
    handler: async (req) => ({ items: (await svc.tasks(req.params.id)).map(presentTask(today())) }),
  });

  app.post('/api/maintenance-plans/:id/tasks', {
    config: { policy: { capability: 'maintenance.manage', resource } },
    schema: { tags, params: idParams, body: splitBody, response: { 201: z.object({ items: z.array(taskOut) }) } },
    handler: async (req, reply) => reply.status(201).send({ items: (await svc.splitTasks(requestContext(req), req.params.id, req.body.tasks)).map(presentTask(today())) }),
  });

  app.get('/api/maintenance-plans/:id/records', {
    config: { policy: { capability: 'maintenance.read', resource } },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(recordOut) }) } },
    handler: async (req) => ({ items: (await svc.records(req.params.id)).map(presentRecord) }),
  });

  app.post('/api/maintenance-plans/:id/records', {
    config: { policy: { capability: 'maintenance.record', resource } },
    schema: { tags, params: idParams, body: recordBody, response: { 201: recordOut } },
    handler: async (req, reply) => reply.status(201).send(presentRecord(await svc.addRecord(requestContext(req), req.params.id, req.body))),
  });

  app.get('/api/maintenance-plans/:id/expenses', {
    config: { policy: { capability: 'maintenance.read', resource } },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(expenseOut), budget: budgetOut }) } },
    handler: async (req) => {
      const [items, view] = await Promise.all([svc.expenses(req.params.id), svc.view(requestContext(req), req.params.id)]);
      return { items: items.map(presentExpense), budget: presentBudget(view.budget) };
    },
  });

  app.post('/api/maintenance-plans/:id/expenses', {
    config: { policy: { capability: 'maintenance.record', resource } },
    schema: { tags, params: idParams, body: expenseBody, response: { 201: z.object({ budget: budgetOut }) } },
    handler: async (req, reply) => reply.status(201).send({ budget: presentBudget(await svc.addExpense(requestContext(req), req.params.id, req.body)) }),
  });

  app.post('/api/maintenance-plans/:id/close', {
    config: { policy: { capability: 'maintenance.manage', resource } },
    schema: { tags, params: idParams, body: closeBody, response: { 200: planOut } },
    handler: async (req) => presentPlan(await svc.close(requestContext(req), req.params.id, req.body)),
  });

  // The 维护方案 tab of the customer's archive page (issue 4 §5: "everything is on the customer's archive page").
  app.get('/api/customers/:id/maintenance-plans', {
    config: { policy: { capability: 'maintenance.read', resource: { type: 'customer' } } },
    schema: { tags, params: idParams, response: { 200: z.object({ plans: z.array(planSummaryOut), records: z.array(recordOut) }) } },
    handler: async (req) => {
      const { plans, records } = await svc.forCustomer(requestContext(req), req.params.id);
      return { plans: plans.map(presentSummary), records: records.map(presentRecord) };
    },
  });
}
