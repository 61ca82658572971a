/**
 * The rules of proposals 提案 (docs/regulations.md §14): the six criteria of the 提案评定表 and their weights,
 * a reviewer's weighted total and the proposal's score, and the order of its states.
 */
export const CRITERIA = ['economicBenefit', 'completeness', 'creativity', 'scope', 'researchTime', 'cost'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Weights = Record<Criterion, number>;
export type Scores = Record<Criterion, number>;

/** 003 第三章第四节: economic benefit 50 %, the other five 10 % each. */
export const DEFAULT_WEIGHTS: Weights = { economicBenefit: 50, completeness: 10, creativity: 10, scope: 10, researchTime: 10, cost: 10 };

export const weightSum = (w: Weights) => CRITERIA.reduce((s, c) => s + w[c], 0);

/** Σ score × weight, in tenths of a point (scores 0–100, weights in whole per cent: exact in integers, then rounded half up). */
export function reviewTotalTenths(scores: Scores, weights: Weights): number {
  const hundredths = CRITERIA.reduce((s, c) => s + scores[c] * weights[c], 0); // points × 100
  return Math.round(hundredths / 10);
}

/** The proposal's score: the average of its reviewers' totals, to one decimal; null before the first review. */
export function averageTenths(totals: number[]): number | null {
  if (!totals.length) return null;
  return Math.round(totals.reduce((a, b) => a + b, 0) / totals.length);
}

export const tenthsText = (t: number | null) => (t === null ? null : (t / 10).toFixed(1));

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'under_review', 'approved', 'rejected', 'implementing', 'implemented', 'rewarded'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_SOURCES = ['staff', 'customer'] as const;
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];

/** Reviewers score while the proposal is submitted (before it goes to approval). */
export const canScore = (s: ProposalStatus) => s === 'submitted';
export const canEdit = (s: ProposalStatus) => s === 'draft';
