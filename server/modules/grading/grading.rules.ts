/** Pure rules of the grade 等级 (docs/regulations.md §3): the grading standard applied to a customer's classes and evaluation. */

export const AMOUNT = ['large', 'medium', 'small'] as const;
export const INDUSTRY = ['A', 'B', 'C'] as const;
export const COOPERATION = ['long', 'medium', 'short'] as const;

/** One row of the grading standard: every condition given must hold; the first row that holds decides. */
export interface StandardRow {
  amountClass?: (typeof AMOUNT)[number];
  industryClass?: (typeof INDUSTRY)[number];
  cooperationClass?: (typeof COOPERATION)[number];
  /** The latest confirmed evaluation's total must reach this (0–100); no evaluation does not reach it. */
  minScore?: number;
  grade: string;
}

export interface GradingStandard {
  rows: StandardRow[];
  defaultGrade: string;
}

export interface GradingInput {
  amountClass: string | null;
  industryClass: string | null;
  cooperationClass: string | null;
  score: number | null;
}

export interface Proposal {
  grade: string;
  /** 1-based row of the standard that matched; null: the default grade. */
  rowNo: number | null;
}

export function rowMatches(row: StandardRow, x: GradingInput): boolean {
  if (row.amountClass && row.amountClass !== x.amountClass) return false;
  if (row.industryClass && row.industryClass !== x.industryClass) return false;
  if (row.cooperationClass && row.cooperationClass !== x.cooperationClass) return false;
  if (row.minScore !== undefined && (x.score === null || x.score < row.minScore)) return false;
  return true;
}

/** The first row of the standard that holds gives the grade; none holds: the default grade. */
export function proposeGrade(standard: GradingStandard, x: GradingInput): Proposal {
  const i = standard.rows.findIndex((r) => rowMatches(r, x));
  return i < 0 ? { grade: standard.defaultGrade, rowNo: null } : { grade: standard.rows[i].grade, rowNo: i + 1 };
}

/**
 * The reason of a proposal in words, from labels the caller supplies in its language:
 * "标准第 1 条：大客户、A 类行业、最近评估 85 分 ≥ 80 分 → A" or "不符合分级标准任何一条 → 默认 C".
 */
export function proposalReason(
  standard: GradingStandard,
  p: Proposal,
  x: GradingInput,
  words: {
    amount(c: string): string;
    industry(c: string): string;
    cooperation(c: string): string;
    score(score: number, min: number): string;
    row(no: number, conditions: string, grade: string): string;
    any(no: number, grade: string): string;
    fallback(grade: string): string;
    separator: string;
  },
): string {
  if (p.rowNo === null) return words.fallback(p.grade);
  const row = standard.rows[p.rowNo - 1];
  const parts: string[] = [];
  if (row.amountClass) parts.push(words.amount(row.amountClass));
  if (row.industryClass) parts.push(words.industry(row.industryClass));
  if (row.cooperationClass) parts.push(words.cooperation(row.cooperationClass));
  if (row.minScore !== undefined && x.score !== null) parts.push(words.score(x.score, row.minScore));
  return parts.length ? words.row(p.rowNo, parts.join(words.separator), p.grade) : words.any(p.rowNo, p.grade);
}

/** A supervisor's grade other than the proposed one needs a reason; so does a grade with no proposal. */
export function overrideNeedsReason(proposed: string | null, chosen: string, reason: string | undefined): boolean {
  return proposed !== chosen && !(reason && reason.trim().length >= 2);
}

/** Rows naming a grade that is not one of the archive's grades (their 1-based numbers). */
export function unknownGrades(standard: GradingStandard, codes: readonly string[]): number[] {
  const out = standard.rows.flatMap((r, i) => (codes.includes(r.grade) ? [] : [i + 1]));
  if (!codes.includes(standard.defaultGrade)) out.push(0);
  return out;
}
