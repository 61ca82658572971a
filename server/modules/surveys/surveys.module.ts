import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { CustomerServices } from '../customers/customers.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { surveys20261124 } from './migrations/20261124_70_surveys';
import { surveySeedTemplates20261124 } from './migrations/20261124_71_survey_seed_templates';
import { createSurveyExportService } from './surveys.export';
import { SURVEY_MESSAGES } from './surveys.messages';
import { surveysDemo } from './surveys.demo';
import { surveyRoutes } from './surveys.routes';
import { createSurveyService, moveSurveyCustomer } from './surveys.service';
import { SURVEY_SETTING_GROUPS, SURVEY_SETTINGS } from './surveys.settings';
import './surveys.tables';

// 满意度调查 (docs/regulations.md §11): specialists ask their customers; supervisors and above run campaigns and plans.
const leads: Role[] = ['director', 'manager', 'supervisor'];
const all: Role[] = [...leads, 'specialist'];

export const surveysModule = defineModule({
  name: 'surveys',
  dependsOn: ['customers', 'workflow', 'approvals'],
  migrations: (kind) => [surveys20261124(kind), surveySeedTemplates20261124(kind)],
  capabilities: {
    'surveys.read': all, // templates, campaigns, results and improvement plans (company documents)
    'surveys.respond': all, // enter answers and issue personal links for target customers in one's own scope
    'surveys.manage': leads, // questionnaires, campaigns and improvement plans
  },
  settingGroups: SURVEY_SETTING_GROUPS,
  settings: SURVEY_SETTINGS,
  messages: SURVEY_MESSAGES,
  build: (ctx) => {
    const { customers } = ctx.use<CustomerServices>('customers');
    const { approvals } = ctx.use<ApprovalServices>('approvals');
    const { tasks } = ctx.use<WorkflowServices>('workflow');
    const surveys = createSurveyService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, customers, approvals, tasks, rateLimiter: ctx.rateLimiter });
    const surveyExports = createSurveyExportService({ surveys, audit: ctx.audit, clock: ctx.clock, db: ctx.db });
    return { surveys, surveyExports };
  },
  demo: (s, _ctx, demo) => surveysDemo(s.surveys, demo),
  routes: (app, s, ctx) => surveyRoutes(app, { surveys: s.surveys, exports: s.surveyExports, settings: ctx.settings }),
  contributes: {
    approvalTypes: (s) => [s.surveys.approvalHandler],
    todoProviders: (s) => [s.surveys.todoProvider],
    customerMerge: () => [{ columns: ['survey_targets.customer_id', 'survey_responses.customer_id', 'survey_scores.customer_id'], move: moveSurveyCustomer }],
  },
});
