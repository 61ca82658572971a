import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { projectsDemo } from './projects.demo';
import { startProjectJobs } from './projects.jobs';
import { PROJECT_MESSAGES } from './projects.messages';
import { projectRoutes } from './projects.routes';
import { createProjectService } from './projects.service';
import { projects20261211 } from './migrations/20261211_30_projects';
import './projects.tables';

const staff: Role[] = ['director', 'manager', 'supervisor', 'specialist', 'sales'];

/** Cooperation projects 合作项目 (docs/regulations.md §15). */
export const projectsModule = defineModule({
  name: 'projects',
  dependsOn: ['customers', 'workflow', 'approvals'],
  migrations: (kind) => [projects20261211(kind)],
  resources: {
    // A project is its lead's (team, department); its members see it too.
    project: {
      table: 'projects',
      id: 'projects.id',
      owner: 'projects.lead_id',
      team: 'projects.team_id',
      department: 'projects.department_id',
      members: { table: 'project_members', record: 'project_members.project_id', user: 'project_members.user_id' },
    },
  },
  capabilities: {
    'projects.read': staff,
    'projects.manage': staff, // within the project's scope: milestones, confirmations, meetings, change requests, acceptance
  },
  messages: PROJECT_MESSAGES,
  build: (ctx) => {
    const { approvals } = ctx.use<ApprovalServices>('approvals');
    const { notifications } = ctx.use<WorkflowServices>('workflow');
    return { projects: createProjectService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, approvals, notifications }) };
  },
  demo: (s, ctx, demo) => projectsDemo(s.projects, ctx.use<ApprovalServices>('approvals').approvals, demo),
  routes: (app, s) => projectRoutes(app, { projects: s.projects }),
  jobs: (s, ctx) => startProjectJobs({ projects: s.projects, leases: ctx.leases }, ctx.log),
  contributes: {
    approvalTypes: (s) => [s.projects.handler],
    todoProviders: (s) => [s.projects.todoProvider],
    customerMerge: (s) => [{ columns: ['projects.customer_id'], move: s.projects.moveCustomer }],
  },
});
