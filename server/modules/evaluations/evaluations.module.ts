import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { WorkflowServices } from '../workflow/workflow.module';
import { EVALUATION_MESSAGES } from './evaluations.messages';
import { evaluationQueries } from './evaluations.queries';
import { evaluationRoutes } from './evaluations.routes';
import { createEvaluationService } from './evaluations.service';
import { EVALUATION_SETTING_GROUPS, EVALUATION_SETTINGS, evaluationSettingsCheck } from './evaluations.settings';
import { evaluations20261207 } from './migrations/20261207_82_evaluations';
import './evaluations.tables';

function build(ctx: BuildContext) {
  const { notifications } = ctx.use<WorkflowServices>('workflow');
  return { evaluations: createEvaluationService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, notifications }) };
}

/** Relationship evaluation 客户关系评估 (docs/regulations.md §4): weighted scorecards, the supervisor's confirmation, the 强化表. */
export const evaluationsModule = defineModule({
  name: 'evaluations',
  dependsOn: ['customers', 'workflow'],
  migrations: (kind) => [evaluations20261207(kind)],
  resources: {
    // An evaluation follows its customer's owner / team / department, copied when it is made (docs/regulations.md §1).
    evaluation: { table: 'evaluations', id: 'evaluations.id', owner: 'evaluations.owner_id', team: 'evaluations.team_id', department: 'evaluations.department_id' },
  },
  capabilities: {
    'evaluations.read': ['director', 'manager', 'supervisor', 'specialist', 'sales'],
    'evaluations.write': ['director', 'manager', 'supervisor', 'specialist'], // fill in and submit
    'evaluations.review': ['director', 'manager', 'supervisor'], // confirm or return (000 五: the supervisor grades)
    'evaluations.templates': ['director', 'manager'], // scorecards and their weights
  },
  settingGroups: EVALUATION_SETTING_GROUPS,
  settings: EVALUATION_SETTINGS,
  settingsCheck: evaluationSettingsCheck,
  messages: EVALUATION_MESSAGES,
  build,
  routes: (app, s) => evaluationRoutes(app, { evaluations: s.evaluations }),
  contributes: {
    customerMerge: () => [{ columns: ['evaluations.customer_id'], move: evaluationQueries.moveCustomer }],
  },
});
