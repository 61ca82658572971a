import { z } from 'zod';
import { dateString, pagingQuery, sortQuery, version } from '../../platform/http/schemas';
import { MAX_YUAN, PLAN_STATUSES } from './maintenance.rules';

/** Request and response schemas of maintenance plans (docs/api.md "Maintenance plans"). */

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const ids = z.array(z.number().int().positive()).max(100);
const yuan = z.number().min(0).max(MAX_YUAN);

export const planFields = {
  title: text(100),
  customerIds: ids.min(1, 'maintenance.customers_required'),
  goals: text(4000),
  method: text(4000),
  measures: text(4000),
  staffIds: ids.min(1, 'maintenance.staff_required'),
  budget: yuan,
  startDate: dateString,
  endDate: dateString,
};

export const createPlanBody = z.object(planFields).strict();
export const updatePlanBody = z
  .object({
    title: planFields.title.optional(),
    customerIds: planFields.customerIds.optional(),
    goals: planFields.goals.optional(),
    method: planFields.method.optional(),
    measures: planFields.measures.optional(),
    staffIds: planFields.staffIds.optional(),
    budget: planFields.budget.optional(),
    startDate: planFields.startDate.optional(),
    endDate: planFields.endDate.optional(),
    version,
  })
  .strict();

export const listQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    customerId: z.coerce.number().int().positive().optional(),
    ownerId: z.coerce.number().int().positive().optional(),
    sort: sortQuery(['createdAt', 'startDate', 'status', 'title'] as const),
    ...pagingQuery,
  })
  .strict();

export const submitBody = z.object({ version, comment: z.string().trim().max(1000).nullable().optional() }).strict();

export const splitBody = z
  .object({
    tasks: z
      .array(
        z
          .object({
            title: text(200),
            description: z.string().trim().max(2000).nullable().optional(),
            assigneeId: z.number().int().positive(),
            customerId: z.number().int().positive().nullable().optional(),
            dueDate: dateString.nullable().optional(),
            workingDays: z.number().int().min(1).max(250).nullable().optional(),
          })
          .strict(),
      )
      .min(1, 'validation.required')
      .max(100),
  })
  .strict();

export const recordBody = z
  .object({
    planTaskId: z.number().int().positive().nullable().optional(),
    customerId: z.number().int().positive().nullable().optional(),
    content: text(4000),
    feedback: text(4000),
    at: z.iso.datetime({ offset: true }).nullable().optional(),
    completeTask: z.boolean().optional(),
  })
  .strict();

export const expenseBody = z.object({ amount: yuan, spentOn: dateString, item: text(200) }).strict();

export const closeBody = z
  .object({ version, assessment: z.string().max(8000).nullable().optional(), optimisation: z.string().max(8000).nullable().optional() })
  .strict();

const person = z.object({ id: z.number(), name: z.string() });
const customerRef = z.object({ id: z.number(), name: z.string(), archiveNo: z.string() });
const budget = z.object({ budget: z.number(), spent: z.number(), remaining: z.number(), usedPercent: z.number().nullable(), overBudget: z.boolean() });

export const planSummaryOut = z.object({
  id: z.number(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  customers: z.array(customerRef),
  startDate: z.string(),
  endDate: z.string(),
  ...budget.shape,
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const planOut = planSummaryOut.extend({
  goals: z.string(),
  method: z.string(),
  measures: z.string(),
  staff: z.array(person),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  report: z.object({ assessment: z.string(), optimisation: z.string(), closedAt: z.string().nullable(), closedByName: z.string().nullable() }).nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), split: z.boolean(), close: z.boolean(), record: z.boolean() }),
});

export const taskOut = z.object({
  id: z.number(),
  taskId: z.number(),
  title: z.string(),
  assigneeId: z.number(),
  assigneeName: z.string(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  dueDate: z.string(),
  status: z.string(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const recordOut = z.object({
  id: z.number(),
  planId: z.number(),
  planTitle: z.string(),
  planTaskId: z.number().nullable(),
  taskTitle: z.string().nullable(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  content: z.string(),
  feedback: z.string(),
  at: z.string(),
  authorId: z.number(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const expenseOut = z.object({ id: z.number(), amount: z.number(), spentOn: z.string(), item: z.string(), authorName: z.string(), createdAt: z.string() });
export const budgetOut = budget;
