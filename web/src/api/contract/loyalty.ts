/** Churn and loyalty 客户流失与忠诚度: churn risks, lost proposals, RFM, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/loyalty/loyalty.schemas';

export type ChurnList = z.output<typeof s.churnListOut>;
export type ChurnRisk = z.output<typeof s.churnRiskOut>;
export type LostList = z.output<typeof s.lostListOut>;
export type LostRow = z.output<typeof s.lostRowOut>;
export type LostAnswer = z.output<typeof s.lostOut>;
export type RfmList = z.output<typeof s.rfmListOut>;
export type RfmRow = z.output<typeof s.rfmRowOut>;
export type RfmSegment = z.output<typeof s.segment>;
export type CustomerLoyalty = z.output<typeof s.customerLoyaltyOut>;
export type LoyaltyRun = z.output<typeof s.runOut>;
