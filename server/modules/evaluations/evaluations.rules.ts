/**
 * Pure rules of the relationship evaluation 客户关系评估 (docs/regulations.md §4; 003 第三章第三节).
 * Weights are whole percent; scores are whole points 0–100. The weighted total is kept exactly as
 * Σ score × weight (0–10,000 = hundredths of a point) so no rounding happens before the bands are applied.
 */

export const RECOMMENDATIONS = ['maintain', 'improve', 'terminate'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const EVALUATION_STATUSES = ['draft', 'submitted', 'confirmed', 'returned'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Our levels in the 客户关系强化表, in the seed's order (003 第三章第三节 四). */
export const OUR_LEVELS = ['general_manager', 'deputy_general_manager', 'department_manager', 'department_supervisor', 'department_staff', 'other'] as const;
export type OurLevel = (typeof OUR_LEVELS)[number];

export interface IndicatorWeight {
  weight: number;
}

export interface Bands {
  /** total ≥ this → 维持关系 */
  maintainMin: number;
  /** total < this → 终止关系; between the two → 改进关系 */
  terminateBelow: number;
}

export const weightSum = (indicators: readonly IndicatorWeight[]) => indicators.reduce((s, i) => s + i.weight, 0);

/** A scorecard is usable only when its weights add up to exactly 100 %. */
export const weightsComplete = (indicators: readonly IndicatorWeight[]) => indicators.length > 0 && weightSum(indicators) === 100;

/** Σ score × weight: the weighted total in hundredths of a point (100 % × 100 points = 10,000). */
export function weightedTotalHundredths(rows: readonly { weight: number; score: number }[]): number {
  return rows.reduce((s, r) => s + r.score * r.weight, 0);
}

/** The total as shown: points with up to two decimals. */
export const totalPoints = (hundredths: number) => hundredths / 100;

/** The recommendation of a total by the configured bands (docs/regulations.md §4). */
export function recommend(totalHundredths: number, bands: Bands): Recommendation {
  if (totalHundredths >= bands.maintainMin * 100) return 'maintain';
  if (totalHundredths < bands.terminateBelow * 100) return 'terminate';
  return 'improve';
}

/** 改进 and 终止 call for action: the product offers a maintenance plan for them. */
export const needsAction = (r: Recommendation) => r !== 'maintain';

/** Which actions an evaluation allows in its status. */
export function canEdit(status: EvaluationStatus) {
  return status === 'draft' || status === 'returned';
}
export const canSubmit = canEdit;
export const canReview = (status: EvaluationStatus) => status === 'submitted';
