import { describe, expect, it } from 'vitest';
import { overrideNeedsReason, proposalReason, proposeGrade, unknownGrades } from './grading.rules';
import { DEFAULT_STANDARD } from './grading.settings';

// The default standard of docs/regulations.md §3 (grading.standard) with default grade C.
const STANDARD = { rows: DEFAULT_STANDARD, defaultGrade: 'C' };
const x = (amountClass: string | null, industryClass: string | null, cooperationClass: string | null, score: number | null) => ({ amountClass, industryClass, cooperationClass, score });
const words = {
  amount: (c: string) => ({ large: '大客户', medium: '中客户', small: '小客户' })[c]!,
  industry: (c: string) => `${c} 类行业`,
  cooperation: (c: string) => ({ long: '长期合作', medium: '中期合作', short: '短期合作' })[c]!,
  score: (s: number, m: number) => `最近评估 ${s} 分 ≥ ${m} 分`,
  row: (no: number, c: string, g: string) => `分级标准第 ${no} 条：${c} → ${g}`,
  any: (no: number, g: string) => `分级标准第 ${no} 条（无条件）→ ${g}`,
  fallback: (g: string) => `默认 ${g}`,
  separator: '、',
};

describe('the grading standard (docs/regulations.md §3)', () => {
  it('proposes the top grade for a large customer of an A-class industry with an evaluation at the line, and says why', () => {
    const input = x('large', 'A', 'short', 80);
    const p = proposeGrade(STANDARD, input);
    expect(p).toEqual({ grade: 'A', rowNo: 1 });
    expect(proposalReason(STANDARD, p, input, words)).toBe('分级标准第 1 条：大客户、A 类行业、最近评估 80 分 ≥ 80 分 → A');
  });

  it('takes the first row that holds: the same customer at 79.99 falls to row 3 (large → B)', () => {
    expect(proposeGrade(STANDARD, x('large', 'A', 'short', 79.99))).toEqual({ grade: 'B', rowNo: 3 });
    expect(proposeGrade(STANDARD, x('large', 'B', 'long', 60))).toEqual({ grade: 'A', rowNo: 2 });
  });

  it('does not count a missing evaluation as reaching a score line', () => {
    expect(proposeGrade(STANDARD, x('large', 'A', 'long', null))).toEqual({ grade: 'B', rowNo: 3 });
  });

  it('gives the default grade when no row holds, and says so', () => {
    const p = proposeGrade(STANDARD, x('small', 'A', 'long', 95));
    expect(p).toEqual({ grade: 'C', rowNo: null });
    expect(proposalReason(STANDARD, p, x('small', 'A', 'long', 95), words)).toBe('默认 C');
    expect(proposeGrade(STANDARD, x(null, null, null, null)).grade).toBe('C');
  });

  it('names the row of a catch-all row without conditions below the others', () => {
    const s = { rows: [{ amountClass: 'large' as const, grade: 'A' }, { grade: 'B' }], defaultGrade: 'C' };
    const input = x('small', 'C', 'short', null);
    const p = proposeGrade(s, input);
    expect(p).toEqual({ grade: 'B', rowNo: 2 });
    expect(proposalReason(s, p, input, words)).toBe('分级标准第 2 条（无条件）→ B');
  });

  it('asks for a reason only when the supervisor departs from the proposal', () => {
    expect(overrideNeedsReason('A', 'A', undefined)).toBe(false);
    expect(overrideNeedsReason('A', 'B', undefined)).toBe(true);
    expect(overrideNeedsReason('A', 'B', ' ')).toBe(true);
    expect(overrideNeedsReason('A', 'B', '客户明年缩减采购')).toBe(false);
    expect(overrideNeedsReason(null, 'B', undefined)).toBe(true);
  });

  it('finds rows naming a grade the archive does not define', () => {
    expect(unknownGrades(STANDARD, ['A', 'B', 'C'])).toEqual([]);
    expect(unknownGrades({ rows: [...DEFAULT_STANDARD, { grade: 'S' }], defaultGrade: 'D' }, ['A', 'B', 'C'])).toEqual([6, 0]);
  });
});
