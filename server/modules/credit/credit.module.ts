import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { WorkflowServices } from '../workflow/workflow.module';
import { startCreditJobs } from './credit.jobs';
import { CREDIT_MESSAGES } from './credit.messages';
import { creditQueries } from './credit.queries';
import { creditRoutes } from './credit.routes';
import { createCreditService } from './credit.service';
import { CREDIT_SETTING_GROUPS, CREDIT_SETTINGS, creditSettingsCheck } from './credit.settings';
import { credit20261207 } from './migrations/20261207_90_credit';
import './credit.tables';

function build(ctx: BuildContext) {
  const { tasks } = ctx.use<WorkflowServices>('workflow');
  return { credit: createCreditService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, tasks }) };
}

/** Credit surveys and rating by the company's rule table, and the risk register by likelihood × impact (docs/regulations.md §5). */
export const creditModule = defineModule({
  name: 'credit',
  dependsOn: ['customers', 'workflow'],
  migrations: (kind) => [credit20261207(kind)],
  resources: {
    // Through views joining the customer (docs/regulations.md §1): whoever sees the customer sees its credit.
    credit_survey: { table: 'credit_survey_scope', id: 'credit_survey_scope.id', owner: 'credit_survey_scope.owner_id', team: 'credit_survey_scope.team_id', department: 'credit_survey_scope.department_id', widerFor: { finance: 'all' } },
    credit_risk: { table: 'credit_risk_scope', id: 'credit_risk_scope.id', owner: 'credit_risk_scope.owner_id', team: 'credit_risk_scope.team_id', department: 'credit_risk_scope.department_id', widerFor: { finance: 'all' } },
  },
  capabilities: {
    'credit.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'], // within the customer's scope; finance reads all
    'credit.manage': ['director', 'manager', 'supervisor', 'specialist', 'finance'], // fill in credit surveys, record, re-assess and close risks
  },
  settingGroups: CREDIT_SETTING_GROUPS,
  settings: CREDIT_SETTINGS,
  settingsCheck: creditSettingsCheck,
  messages: CREDIT_MESSAGES,
  build,
  routes: (app, s) => creditRoutes(app, { credit: s.credit }),
  jobs: (s, ctx) => startCreditJobs({ credit: s.credit, leases: ctx.leases }, ctx.log),
  contributes: {
    customerMerge: () => [{ columns: ['credit_surveys.customer_id', 'credit_risks.customer_id'], move: creditQueries.moveCustomer }],
  },
});
