import { evaluationsDemo } from './evaluations.demo';
import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { CreditServices } from '../credit/credit.module';
import type { CustomerServices } from '../customers/customers.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { endingQueries } from './ending.queries';
import { endingRoutes } from './ending.routes';
import { createEndingService } from './ending.service';
import { EVALUATION_MESSAGES } from './evaluations.messages';
import { evaluationQueries } from './evaluations.queries';
import { evaluationRoutes } from './evaluations.routes';
import { createEvaluationService } from './evaluations.service';
import { EVALUATION_SETTING_GROUPS, EVALUATION_SETTINGS, evaluationSettingsCheck } from './evaluations.settings';
import { evaluations20261207 } from './migrations/20261207_82_evaluations';
import { endCooperation20261208 } from './migrations/20261208_81_end_cooperation';
import './evaluations.tables';

function build(ctx: BuildContext) {
  const { notifications } = ctx.use<WorkflowServices>('workflow');
  const { approvals } = ctx.use<ApprovalServices>('approvals');
  const { customers } = ctx.use<CustomerServices>('customers');
  const { credit } = ctx.use<CreditServices>('credit');
  return {
    evaluations: createEvaluationService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, notifications }),
    ending: createEndingService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, approvals, customers, credit }),
  };
}

/** Relationship evaluation 客户关系评估 (docs/regulations.md §4): weighted scorecards, the supervisor's confirmation, the 强化表. */
export const evaluationsModule = defineModule({
  name: 'evaluations',
  // Credit comes first: a high risk may start the request to end cooperation, whose decision this module owns.
  dependsOn: ['customers', 'workflow', 'approvals', 'credit'],
  migrations: (kind) => [evaluations20261207(kind), endCooperation20261208(kind)],
  resources: {
    // An evaluation follows its customer's owner / team / department, copied when it is made (docs/regulations.md §1).
    evaluation: { table: 'evaluations', id: 'evaluations.id', owner: 'evaluations.owner_id', team: 'evaluations.team_id', department: 'evaluations.department_id' },
    end_cooperation: {
      table: 'end_cooperation_requests',
      id: 'end_cooperation_requests.id',
      owner: 'end_cooperation_requests.owner_id',
      team: 'end_cooperation_requests.team_id',
      department: 'end_cooperation_requests.department_id',
    },
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
  demo: (s, _ctx, demo) => evaluationsDemo(s.evaluations, demo, s.ending),
  routes: async (app, s) => {
    await evaluationRoutes(app, { evaluations: s.evaluations });
    await endingRoutes(app, { ending: s.ending });
  },
  contributes: {
    approvalTypes: (s) => [s.ending.handler],
    customerMerge: () => [
      {
        columns: ['evaluations.customer_id', 'end_cooperation_requests.customer_id'],
        move: async (db, fromId, toId) => {
          await evaluationQueries.moveCustomer(db, fromId, toId);
          await endingQueries.moveCustomer(db, fromId, toId);
        },
      },
    ],
  },
});
