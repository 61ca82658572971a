import { defineModule } from '../../platform/modules/manifest';
import type { WorkflowServices } from '../workflow/workflow.module';
import { approvalAuditTypes } from './approvals.audit';
import { APPROVAL_MESSAGES } from './approvals.messages';
import { approvalsDemo } from './approvals.demo';
import { approvalRoutes } from './approvals.routes';
import { createApprovalService } from './approvals.service';
import { approvals20261124 } from './migrations/20261124_10_approvals';
import './approvals.tables';

/** The approval engine: versioned chains, groups such as 经理办公会, queues; document modules contribute their types. */
export const approvalsModule = defineModule({
  name: 'approvals',
  dependsOn: ['workflow'],
  migrations: (kind) => [approvals20261124(kind)],
  capabilities: {
    // Every role may apply or be an approver; what a request shows is checked per request (applicant, approvers, document's scope).
    'approvals.use': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead'],
    'approvals.configure': [], // approval chains and groups (docs/regulations.md §18); administrators only
  },
  messages: APPROVAL_MESSAGES,
  auditTypes: approvalAuditTypes,
  build: (ctx) => {
    const { notifications } = ctx.use<WorkflowServices>('workflow');
    return { approvals: createApprovalService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, notifications }) };
  },
  routes: (app, s) => approvalRoutes(app, s.approvals),
  demo: (s, _ctx, demo) => approvalsDemo(s, demo),
  contributes: {
    todoProviders: (s) => [s.approvals.todoProvider],
  },
  collects: {
    approvalTypes: (s, handlers) => {
      for (const h of handlers) s.approvals.registerType(h);
    },
  },
});
export type ApprovalServices = { approvals: ReturnType<typeof createApprovalService> };
