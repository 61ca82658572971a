import type { ApprovalOutcome } from '../approvals/approvals.types';

/**
 * Pure rules of maintenance plans 客户关系维护方案 (docs/regulations.md §7, seed 000 §6–8): the life cycle,
 * what each status allows, money in fen, and the budget check. No I/O.
 */

export const PLAN_STATUSES = ['draft', 'pending', 'returned', 'approved', 'closed', 'rejected'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The supervisor revises a draft, or a plan the manager sent back with comments (seed 000 §6(二)2). */
export function isEditable(status: string): boolean {
  return status === 'draft' || status === 'returned';
}

/** Submitting and resubmitting start from the same two states as editing. */
export function canSubmit(status: string): boolean {
  return isEditable(status);
}

/** Once the director approved it, the plan is carried out (执行中): tasks, records, spending, closing (§7). */
export function isExecuting(status: string): boolean {
  return status === 'approved';
}

/** The plan's status after the approval engine reports an outcome. */
export function statusAfterOutcome(outcome: ApprovalOutcome): PlanStatus {
  switch (outcome) {
    case 'pending':
      return 'pending';
    case 'returned':
      return 'returned';
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'withdrawn':
      return 'draft';
  }
}

/** What a plan must hold before it goes to the manager: the 方案 names customers, staff and a sound period. */
export function submissionProblems(plan: { customerCount: number; staffCount: number; startDate: string; endDate: string }): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (plan.customerCount === 0) out.push({ field: 'customerIds', message: 'maintenance.customers_required' });
  if (plan.staffCount === 0) out.push({ field: 'staffIds', message: 'maintenance.staff_required' });
  if (plan.endDate < plan.startDate) out.push({ field: 'endDate', message: 'maintenance.period_reversed' });
  return out;
}

export const MAX_YUAN = 9_999_999_999.99;

/** Yuan (at most two decimals) → integer fen, or null when it has more decimals or is out of range. */
export function toFen(yuan: number): number | null {
  if (!Number.isFinite(yuan) || yuan < 0 || yuan > MAX_YUAN) return null;
  // The shortest decimal form of the number tells its decimals exactly (1e-7 and 0.30000000000000004 fail).
  const text = String(yuan);
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function toYuan(fen: number): number {
  return Number(fen) / 100;
}

export interface BudgetSummary {
  budgetFen: number;
  spentFen: number;
  /** Negative once spending went beyond the budget. */
  remainingFen: number;
  /** Spent as a share of the budget, in whole percent (null without a budget). */
  usedPercent: number | null;
  overBudget: boolean;
}

/**
 * Spending against the budget (维护费用预算, seed 000 §6.3). Spending beyond the budget is still
 * recorded (the money is gone) but flagged, so the supervisor sees it and explains it in the report.
 */
export function budgetSummary(budgetFen: number, spentFen: number): BudgetSummary {
  return {
    budgetFen,
    spentFen,
    remainingFen: budgetFen - spentFen,
    usedPercent: budgetFen > 0 ? Math.floor((spentFen * 100) / budgetFen) : null,
    overBudget: spentFen > budgetFen,
  };
}
