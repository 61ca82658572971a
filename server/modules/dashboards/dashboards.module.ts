import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { CadenceService } from '../cadence/cadence.service';
import type { ComplaintAnalysis } from '../complaints/complaints.analysis';
import type { PoolService } from '../pool/pool.service';
import type { SurveyService } from '../surveys/surveys.service';
import type { TransactionServices } from '../transactions/transactions.module';
import { startDashboardJobs } from './dashboards.jobs';
import { dashboardRoutes } from './dashboards.routes';
import { createDashboardService } from './dashboards.service';
import { dashboards20261211 } from './migrations/20261211_20_dashboards';
import './dashboards.tables';

function build(ctx: BuildContext) {
  const { transactions } = ctx.use<TransactionServices>('transactions');
  const { complaintAnalysis } = ctx.use<{ complaintAnalysis: ComplaintAnalysis }>('complaints');
  const { surveys } = ctx.use<{ surveys: SurveyService }>('surveys');
  const { cadence } = ctx.use<{ cadence: CadenceService }>('cadence');
  const { pool } = ctx.use<{ pool: PoolService }>('pool');
  return { dashboards: createDashboardService({ db: ctx.db, clock: ctx.clock, transactions, complaintAnalysis, surveys, cadence, pool }) };
}
export type DashboardServices = ReturnType<typeof build>;

/** Dashboards 仪表盘 (docs/regulations.md §16): the director's, a supervisor's and a specialist's page, one component by scope. */
export const dashboardsModule = defineModule({
  name: 'dashboards',
  dependsOn: ['customers', 'transactions', 'complaints', 'surveys', 'cadence', 'pool'],
  migrations: (kind) => [dashboards20261211(kind)],
  capabilities: {
    // Within the caller's data scope: a specialist's page counts only their own customers (docs/regulations.md §1).
    'dashboards.read': ['director', 'manager', 'supervisor', 'specialist', 'sales'],
    'dashboards.run': ['director', 'manager'], // recompute the nightly figures now
  },
  build,
  routes: async (app, s) => dashboardRoutes(app, { dashboards: s.dashboards }),
  jobs: (s, ctx) => startDashboardJobs({ dashboards: s.dashboards, leases: ctx.leases }, ctx.log),
});
