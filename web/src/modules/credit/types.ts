import type { CreditSurvey, Risk } from '../../api/contract/credit';

export type { AccuracyReport, CreditSurvey, CustomerCredit, RatingChange, Receivable, ReceivablePushAnswer, Risk, RiskMatrixAnswer } from '../../api/contract/credit';
export type RiskLevel = Risk['level'];
export type RiskCategory = Risk['category'];
export const RISK_CATEGORIES: RiskCategory[] = ['credit', 'market', 'cooperation'];
export const PAYMENT_RECORDS: CreditSurvey['paymentRecord'][] = ['good', 'late_sometimes', 'late_often', 'defaulted'];
export const BANK_RATINGS: CreditSurvey['bankRating'][] = ['AAA', 'AA', 'A', 'B', 'C', 'none'];
export const LEVEL_COLOR: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };
export const RECEIVABLE_COLOR: Record<'overdue' | 'open' | 'paid', string> = { overdue: 'red', open: 'blue', paid: 'green' };
