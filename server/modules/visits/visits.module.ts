import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { ComplaintService } from '../complaints/complaints.service';
import type { CustomerServices } from '../customers/customers.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { visits20261208 } from './migrations/20261208_70_visits';
import { visitPlans20261210 } from './migrations/20261210_10_visit_plans';
import { visitsDemo } from './visits.demo';
import { VISIT_MESSAGES } from './visits.messages';
import { planRoutes } from './visits.plans.routes';
import { planQueries } from './visits.plans.queries';
import { visitQueries } from './visits.queries';
import { visitRoutes } from './visits.routes';
import { createVisitService } from './visits.service';
import { VISIT_SETTINGS } from './visits.settings';
import './visits.tables';

// 回访与走访 (docs/regulations.md §8): the front line records visits and calls; supervisors comment and draw territories.
const leads: Role[] = ['director', 'manager', 'supervisor'];
const field: Role[] = [...leads, 'specialist', 'sales'];

export const visitsModule = defineModule({
  name: 'visits',
  dependsOn: ['customers', 'workflow', 'complaints', 'approvals'],
  migrations: (kind) => [visits20261208(kind), visitPlans20261210(kind)],
  resources: {
    // Through views joining the customer (docs/regulations.md §1): whoever sees the customer sees its visits; the visitor sees their own.
    visit: { table: 'visit_scope', id: 'visit_scope.id', owner: 'visit_scope.owner_id', coOwners: ['visit_scope.visitor_id'], team: 'visit_scope.team_id', department: 'visit_scope.department_id' },
    visit_report: {
      table: 'visit_report_scope',
      id: 'visit_report_scope.id',
      owner: 'visit_report_scope.owner_id',
      coOwners: ['visit_report_scope.visitor_id'],
      team: 'visit_report_scope.team_id',
      department: 'visit_report_scope.department_id',
    },
    // A plan is its author's record: the author, the author's supervisor (team) and the department's leads see it.
    visit_plan: { table: 'visit_plans', id: 'visit_plans.id', owner: 'visit_plans.author_id', team: 'visit_plans.team_id', department: 'visit_plans.department_id' },
  },
  capabilities: {
    'visits.read': [...field, 'qa'], // visit records, calls, reports and their averages, territories and routes, within the customer's scope
    'visits.record': field, // record visits and calls, the scored report, signatures, check-in and customer coordinates; one's own visit plans
    'visits.review': leads, // the supervisor's comment on a visit record
    'visits.territories': leads, // draw territories, name their owners, mark invalid customers for removal
  },
  settings: VISIT_SETTINGS,
  messages: VISIT_MESSAGES,
  build: (ctx) => {
    const { tasks } = ctx.use<WorkflowServices>('workflow');
    const { attachments } = ctx.use<CustomerServices>('customers');
    const { complaints } = ctx.use<{ complaints: ComplaintService }>('complaints');
    const { approvals } = ctx.use<ApprovalServices>('approvals');
    return { visits: createVisitService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, tasks, complaints, attachments, approvals }) };
  },
  routes: async (app, s) => {
    await visitRoutes(app, { visits: s.visits });
    await planRoutes(app, { visits: s.visits });
  },
  demo: (s, ctx, demo) => visitsDemo(s.visits, demo, ctx.use<ApprovalServices>('approvals').approvals),
  contributes: {
    approvalTypes: (s) => [s.visits.plans.handler],
    customerMerge: () => [
      { columns: ['visits.customer_id', 'visit_reports.customer_id', 'visit_territory_removals.customer_id', 'visit_customer_locations.customer_id'], move: visitQueries.moveCustomer },
      { columns: ['visit_plan_lines.customer_id'], move: planQueries.moveCustomer },
    ],
  },
  collects: {
    visitPlanSuggestions: (s, sources) => {
      s.visits.suggestionSources.push(...sources);
    },
  },
});
