import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { CustomerServices } from '../customers/customers.module';
import type { EvaluationService } from '../evaluations/evaluations.service';
import type { TransactionServices } from '../transactions/transactions.module';
import { gradingDemo } from './grading.demo';
import { startGradingJobs } from './grading.jobs';
import { GRADING_MESSAGES } from './grading.messages';
import { gradingQueries } from './grading.queries';
import { gradingRoutes } from './grading.routes';
import { createGradingService } from './grading.service';
import { GRADING_SETTING_GROUPS, GRADING_SETTINGS, gradingSettingsCheck } from './grading.settings';
import { grading20261208 } from './migrations/20261208_12_grading';
import './grading.tables';

function build(ctx: BuildContext) {
  const { customers } = ctx.use<CustomerServices>('customers');
  const { transactions } = ctx.use<TransactionServices>('transactions');
  const { evaluations } = ctx.use<{ evaluations: EvaluationService }>('evaluations');
  return { grading: createGradingService({ db: ctx.db, clock: ctx.clock, settings: ctx.settings, customers, transactions, evaluations }) };
}

/** The grade 等级 (docs/regulations.md §3): proposed by the standard from the classes and the evaluation, confirmed by the supervisor. */
export const gradingModule = defineModule({
  name: 'grading',
  dependsOn: ['customers', 'transactions', 'evaluations'],
  migrations: (kind) => [grading20261208(kind)],
  capabilities: {
    'grading.read': ['director', 'manager', 'supervisor', 'specialist', 'sales'], // within the customer's scope
    'grading.confirm': ['director', 'manager', 'supervisor'], // 000 五 (三): the supervisor grades
  },
  settingGroups: GRADING_SETTING_GROUPS,
  settings: GRADING_SETTINGS,
  settingsCheck: gradingSettingsCheck,
  messages: GRADING_MESSAGES,
  build,
  demo: (s, _ctx, demo) => gradingDemo(s.grading, demo),
  routes: (app, s) => gradingRoutes(app, { grading: s.grading }),
  jobs: (s, ctx) => startGradingJobs({ grading: s.grading, leases: ctx.leases }, ctx.log),
  contributes: {
    customerMerge: () => [{ columns: ['grade_proposals.customer_id', 'grade_changes.customer_id'], move: gradingQueries.moveCustomer }],
  },
});
