/** Credit surveys, ratings and the risk register, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/credit/credit.schemas';

export type CreditSurvey = z.output<typeof s.surveyOut>;
export type Risk = z.output<typeof s.riskOut>;
export type CustomerCredit = z.output<typeof s.customerCreditOut>;
export type RiskMatrixAnswer = z.output<typeof s.matrixOut>;
export type AccuracyReport = z.output<typeof s.accuracyOut>;
export type Receivable = z.output<typeof s.receivableOut>;
export type ReceivablePushAnswer = z.output<typeof s.receivablePushOut>;
export type RatingChange = z.output<typeof s.ratingChangeOut>;
