import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { TransactionServices } from '../transactions/transactions.module';
import { ANALYSIS_MESSAGES } from './analysis.messages';
import { analysisRoutes } from './analysis.routes';
import { createAnalysisService } from './analysis.service';

function build(ctx: BuildContext) {
  const { transactions } = ctx.use<TransactionServices>('transactions');
  return { analysis: createAnalysisService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, transactions }) };
}
export type AnalysisServices = ReturnType<typeof build>;

/** The seeds' analysis tables (docs/regulations.md §16), read from the directory and the transactions service. */
export const analysisModule = defineModule({
  name: 'analysis',
  dependsOn: ['customers', 'transactions'],
  capabilities: {
    // Within the caller's data scope: a specialist's tables count only their own customers (docs/regulations.md §1).
    'analysis.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'],
  },
  messages: ANALYSIS_MESSAGES,
  build,
  routes: async (app, s) => analysisRoutes(app, { analysis: s.analysis }),
});
