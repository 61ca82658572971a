import { creditDemo } from './credit.demo';
import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { WorkflowServices } from '../workflow/workflow.module';
import { startCreditJobs } from './credit.jobs';
import { CREDIT_MESSAGES } from './credit.messages';
import { creditQueries } from './credit.queries';
import { creditRoutes } from './credit.routes';
import { createCreditService } from './credit.service';
import { CREDIT_SETTING_GROUPS, CREDIT_SETTINGS, creditSettingsCheck } from './credit.settings';
import { credit20261207 } from './migrations/20261207_90_credit';
import { creditReceivables20261208 } from './migrations/20261208_80_credit_receivables';
import { receivableRoutes } from './receivables.routes';
import { createReceivableService } from './receivables.service';
import './credit.tables';

function build(ctx: BuildContext) {
  const { tasks, notifications } = ctx.use<WorkflowServices>('workflow');
  const receivables = createReceivableService({ db: ctx.db, kind: ctx.kind, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, notifications });
  return { credit: createCreditService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, tasks, receivables }), receivables };
}
export type CreditServices = ReturnType<typeof build>;

/** Credit surveys and rating by the company's rule table, and the risk register by likelihood × impact (docs/regulations.md §5). */
export const creditModule = defineModule({
  name: 'credit',
  dependsOn: ['customers', 'workflow'],
  migrations: (kind) => [credit20261207(kind), creditReceivables20261208(kind)],
  resources: {
    // Through views joining the customer (docs/regulations.md §1): whoever sees the customer sees its credit.
    credit_survey: { table: 'credit_survey_scope', id: 'credit_survey_scope.id', owner: 'credit_survey_scope.owner_id', team: 'credit_survey_scope.team_id', department: 'credit_survey_scope.department_id', widerFor: { finance: 'all' } },
    credit_risk: { table: 'credit_risk_scope', id: 'credit_risk_scope.id', owner: 'credit_risk_scope.owner_id', team: 'credit_risk_scope.team_id', department: 'credit_risk_scope.department_id', widerFor: { finance: 'all' } },
    credit_receivable: {
      table: 'credit_receivable_scope',
      id: 'credit_receivable_scope.id',
      owner: 'credit_receivable_scope.owner_id',
      team: 'credit_receivable_scope.team_id',
      department: 'credit_receivable_scope.department_id',
      widerFor: { finance: 'all' }, // finance keeps the accounts of every customer (docs/regulations.md §5)
    },
  },
  capabilities: {
    'credit.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'], // within the customer's scope; finance reads all
    'credit.manage': ['director', 'manager', 'supervisor', 'specialist', 'finance'], // fill in credit surveys, record, re-assess and close risks
    'credit.receivables': ['finance'], // enter receivables and payments by hand; the ERP's account pushes them
  },
  settingGroups: CREDIT_SETTING_GROUPS,
  settings: CREDIT_SETTINGS,
  settingsCheck: creditSettingsCheck,
  messages: CREDIT_MESSAGES,
  build,
  demo: (s, _ctx, demo) => creditDemo(s, demo),
  routes: async (app, s) => {
    await creditRoutes(app, { credit: s.credit });
    await receivableRoutes(app, { receivables: s.receivables });
  },
  jobs: (s, ctx) => startCreditJobs({ credit: s.credit, receivables: s.receivables, leases: ctx.leases }, ctx.log),
  contributes: {
    customerMerge: (s) => [
      {
        columns: ['credit_surveys.customer_id', 'credit_risks.customer_id', 'credit_receivables.customer_id', 'credit_rating_states.customer_id', 'credit_rating_changes.customer_id'],
        move: async (db, fromId, toId) => {
          await creditQueries.moveCustomer(db, fromId, toId);
          await s.receivables.moveCustomer(db, fromId, toId);
        },
      },
    ],
  },
});
