import { describe, expect, it } from 'vitest';
import { budgetSummary, canSubmit, isEditable, isExecuting, statusAfterOutcome, submissionProblems, toFen, toYuan } from './maintenance.rules';

describe('maintenance plan life cycle (docs/regulations.md §7, seed 000 §6–8)', () => {
  it('lets the supervisor revise and submit only a draft or a plan the manager returned', () => {
    expect(['draft', 'returned'].filter(isEditable)).toEqual(['draft', 'returned']);
    for (const s of ['pending', 'approved', 'closed', 'rejected']) {
      expect(isEditable(s)).toBe(false);
      expect(canSubmit(s)).toBe(false);
    }
  });

  it('executes (tasks, records, spending, closing) only an approved plan', () => {
    expect(['draft', 'pending', 'returned', 'approved', 'closed', 'rejected'].filter(isExecuting)).toEqual(['approved']);
  });

  it('follows the approval engine: a return reopens the plan, a withdrawal makes it a draft again', () => {
    expect(statusAfterOutcome('pending')).toBe('pending');
    expect(statusAfterOutcome('returned')).toBe('returned');
    expect(statusAfterOutcome('approved')).toBe('approved');
    expect(statusAfterOutcome('rejected')).toBe('rejected');
    expect(statusAfterOutcome('withdrawn')).toBe('draft');
  });

  it('refuses to submit a plan without customers or staff, or with the period reversed', () => {
    expect(submissionProblems({ customerCount: 1, staffCount: 2, startDate: '2026-12-01', endDate: '2026-12-01' })).toEqual([]);
    expect(submissionProblems({ customerCount: 0, staffCount: 0, startDate: '2026-12-02', endDate: '2026-12-01' }).map((p) => p.field)).toEqual([
      'customerIds',
      'staffIds',
      'endDate',
    ]);
  });
});

describe('money in fen', () => {
  it('stores yuan with up to two decimals exactly', () => {
    expect(toFen(0)).toBe(0);
    expect(toFen(12000)).toBe(1_200_000);
    expect(toFen(0.1)).toBe(10);
    expect(toFen(1234.56)).toBe(123_456);
    expect(toFen(9_999_999_999.99)).toBe(999_999_999_999);
    expect(toYuan(123_456)).toBe(1234.56);
  });

  it('refuses a third decimal, negative amounts and noise from binary arithmetic', () => {
    expect(toFen(1.234)).toBeNull();
    expect(toFen(-1)).toBeNull();
    expect(toFen(0.1 + 0.2)).toBeNull();
    expect(toFen(1e-7)).toBeNull();
    expect(toFen(Number.NaN)).toBeNull();
  });
});

describe('spending against the budget', () => {
  it('shows what remains and the share used', () => {
    expect(budgetSummary(1_000_000, 250_050)).toEqual({ budgetFen: 1_000_000, spentFen: 250_050, remainingFen: 749_950, usedPercent: 25, overBudget: false });
  });

  it('flags spending beyond the budget with a negative remainder; exactly the budget is not over', () => {
    expect(budgetSummary(100_000, 100_000).overBudget).toBe(false);
    const over = budgetSummary(100_000, 100_001);
    expect(over.overBudget).toBe(true);
    expect(over.remainingFen).toBe(-1);
    expect(budgetSummary(0, 0).usedPercent).toBeNull();
    expect(budgetSummary(0, 1).overBudget).toBe(true);
  });
});
