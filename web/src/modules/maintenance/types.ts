/** Shapes of the maintenance-plan answers (docs/api.md "Maintenance plans"). */

export type PlanStatus = 'draft' | 'pending' | 'returned' | 'approved' | 'closed' | 'rejected';
export const PLAN_STATUSES: PlanStatus[] = ['draft', 'pending', 'returned', 'approved', 'closed', 'rejected'];

/** Amounts are yuan (two decimals at most); `remaining` is negative once spending went beyond the budget. */
export interface Budget {
  budget: number;
  spent: number;
  remaining: number;
  usedPercent: number | null;
  overBudget: boolean;
}

export interface PlanCustomer {
  id: number;
  name: string;
  archiveNo: string;
}

export interface PlanSummary extends Budget {
  id: number;
  title: string;
  status: PlanStatus;
  ownerId: number;
  ownerName: string | null;
  customers: PlanCustomer[];
  startDate: string;
  endDate: string;
  submittedAt: string | null;
  approvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface MaintenancePlan extends PlanSummary {
  goals: string;
  method: string;
  measures: string;
  staff: { id: number; name: string }[];
  teamId: number | null;
  teamName: string | null;
  /** 客户关系维护报告, once the plan is closed. */
  report: { assessment: string; optimisation: string; closedAt: string | null; closedByName: string | null } | null;
  /** What the signed-in user may do with the plan now. */
  can: { edit: boolean; submit: boolean; split: boolean; close: boolean; record: boolean };
}

export interface PlanTask {
  id: number;
  taskId: number;
  title: string;
  assigneeId: number;
  assigneeName: string;
  customerId: number | null;
  customerName: string | null;
  dueDate: string;
  status: 'open' | 'done' | 'cancelled' | string;
  overdue: boolean;
  completedAt: string | null;
  createdAt: string;
}

/** One line of the 客服工作记录表. */
export interface PlanRecord {
  id: number;
  planId: number;
  planTitle: string;
  planTaskId: number | null;
  taskTitle: string | null;
  customerId: number | null;
  customerName: string | null;
  content: string;
  feedback: string;
  at: string;
  authorId: number;
  authorName: string;
  createdAt: string;
}

export interface PlanExpense {
  id: number;
  amount: number;
  spentOn: string;
  item: string;
  authorName: string;
  createdAt: string;
}

export interface PlanInput {
  title?: string;
  customerIds?: number[];
  goals?: string;
  method?: string;
  measures?: string;
  staffIds?: number[];
  budget?: number;
  startDate?: string;
  endDate?: string;
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
  completeTask?: boolean;
}
