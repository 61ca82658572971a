import type { TFunction } from 'i18next';
import type { EvaluationStatus, Recommendation } from './types';

export const RECOMMENDATION_COLOR: Record<Recommendation, string> = { maintain: 'green', improve: 'gold', terminate: 'red' };
export const STATUS_COLOR: Record<EvaluationStatus, string> = { draft: 'default', submitted: 'processing', confirmed: 'success', returned: 'warning' };

export const recommendationLabel = (t: TFunction, r: Recommendation) => t(`evaluations.recommendation.${r}`);
export const statusLabel = (t: TFunction, s: EvaluationStatus) => t(`evaluations.status.${s}`);
export const evaluationPath = (id: number) => `/evaluations/${id}`;

/** Points with at most two decimals, as the server computes them. */
export const formatTotal = (n: number) => (Math.round(n * 100) / 100).toString();

/** The same bands as the server's rules (server/modules/evaluations/evaluations.rules.ts), for the live total in the form. */
export function recommendFor(total: number, bands: { maintainMin: number; terminateBelow: number }): Recommendation {
  if (total >= bands.maintainMin) return 'maintain';
  if (total < bands.terminateBelow) return 'terminate';
  return 'improve';
}
