import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { DevelopmentService } from '../development/development.service';
import type { LoyaltyService } from '../loyalty/loyalty.service';
import type { TransactionServices } from '../transactions/transactions.module';
import { ANALYSIS_MESSAGES } from './analysis.messages';
import { analysisRoutes } from './analysis.routes';
import { createAnalysisService } from './analysis.service';

function build(ctx: BuildContext) {
  const { transactions } = ctx.use<TransactionServices>('transactions');
  const { development } = ctx.use<{ development: DevelopmentService }>('development');
  const { loyalty } = ctx.use<{ loyalty: LoyaltyService }>('loyalty');
  return { analysis: createAnalysisService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, transactions, development, loyalty }) };
}
export type AnalysisServices = ReturnType<typeof build>;

/** The seeds' analysis tables (docs/regulations.md §16), read from the directory and the transactions service. */
export const analysisModule = defineModule({
  name: 'analysis',
  // A卡 reads the prospects of development, C卡 the RFM scores of loyalty (their exported services).
  dependsOn: ['customers', 'transactions', 'development', 'loyalty'],
  capabilities: {
    // Within the caller's data scope: a specialist's tables count only their own customers (docs/regulations.md §1).
    'analysis.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'],
  },
  messages: ANALYSIS_MESSAGES,
  build,
  routes: async (app, s) => analysisRoutes(app, { analysis: s.analysis }),
});
