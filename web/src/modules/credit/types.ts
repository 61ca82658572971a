import type { CreditSurvey, Risk } from '../../api/contract/credit';

export type { AccuracyReport, CreditSurvey, CustomerCredit, Risk, RiskMatrixAnswer } from '../../api/contract/credit';
export type RiskLevel = Risk['level'];
export type RiskCategory = Risk['category'];
export const RISK_CATEGORIES: RiskCategory[] = ['credit', 'market', 'cooperation'];
export const PAYMENT_RECORDS: CreditSurvey['paymentRecord'][] = ['good', 'late_sometimes', 'late_often', 'defaulted'];
export const BANK_RATINGS: CreditSurvey['bankRating'][] = ['AAA', 'AA', 'A', 'B', 'C', 'none'];
export const LEVEL_COLOR: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };
