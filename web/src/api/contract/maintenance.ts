/** Maintenance-plan answers and request bodies, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/maintenance/maintenance.schemas';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type PlanStatus = NonNullable<In<typeof s.listQuery>['status']>;
/** Amounts are yuan (two decimals at most); `remaining` is negative once spending went beyond the budget. */
export type Budget = Out<typeof s.budgetOut>;
export type PlanSummary = Out<typeof s.planSummaryOut>;
export type PlanCustomer = PlanSummary['customers'][number];
export type MaintenancePlan = Out<typeof s.planOut>;
export type PlanTask = Out<typeof s.taskOut>;
/** One line of the 客服工作记录表. */
export type PlanRecord = Out<typeof s.recordOut>;
export type PlanExpense = Out<typeof s.expenseOut>;
/** The plan form's fields; an edit sends the changed ones plus `version`. */
export type PlanInput = Omit<In<typeof s.updatePlanBody>, 'version'>;
export type TaskSplitInput = In<typeof s.splitBody>['tasks'][number];
export type RecordInput = In<typeof s.recordBody>;

export const PLAN_STATUSES = ['draft', 'pending', 'returned', 'approved', 'closed', 'rejected'] as const satisfies readonly PlanStatus[];
