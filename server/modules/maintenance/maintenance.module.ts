import { maintenanceAuditTypes } from './maintenance.audit';
import { maintenanceDemo } from './maintenance.demo';
import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { MAINTENANCE_MESSAGES } from './maintenance.messages';
import { maintenanceRoutes } from './maintenance.routes';
import { createMaintenanceService, moveMaintenanceCustomer } from './maintenance.service';
import { maintenancePlans20261124 } from './migrations/20261124_50_maintenance_plans';
import './maintenance.tables';

// 客户关系维护: supervisors draft plans, the manager reviews, the director approves, specialists execute (docs/regulations.md §7).
const leads: Role[] = ['director', 'manager', 'supervisor'];
const all: Role[] = [...leads, 'specialist'];

export const maintenanceModule = defineModule({
  name: 'maintenance',
  dependsOn: ['workflow', 'approvals'],
  migrations: (kind) => [maintenancePlans20261124(kind)],
  resources: {
    // A plan is its drafter's (team, department); its staff, task assignees and the owners of its customers see it too.
    maintenance_plan: {
      table: 'maintenance_plans',
      id: 'maintenance_plans.id',
      owner: 'maintenance_plans.owner_id',
      team: 'maintenance_plans.team_id',
      department: 'maintenance_plans.department_id',
      members: { table: 'maintenance_plan_viewers', record: 'maintenance_plan_viewers.plan_id', user: 'maintenance_plan_viewers.user_id' },
    },
  },
  capabilities: {
    'maintenance.read': all,
    'maintenance.manage': leads, // draft, split into tasks and close plans
    'maintenance.record': all, // record the work done, the customer's feedback and spending on an approved plan
  },
  messages: MAINTENANCE_MESSAGES,
  auditTypes: maintenanceAuditTypes,
  build: (ctx) => {
    const { approvals } = ctx.use<ApprovalServices>('approvals');
    const { tasks } = ctx.use<WorkflowServices>('workflow');
    const maintenance = createMaintenanceService({
      db: ctx.db,
      audit: ctx.audit,
      clock: ctx.clock,
      calendar: ctx.calendar,
      approvals,
      tasks,
      completeTask: async (trx, rctx, taskId, note) => {
        await tasks.complete(rctx, taskId, { note, version: (await tasks.get(taskId, trx)).version }, trx);
      },
    });
    return { maintenance };
  },
  demo: (s, ctx, demo) => maintenanceDemo(s.maintenance, ctx.use<ApprovalServices>('approvals').approvals, demo),
  routes: (app, s, ctx) => maintenanceRoutes(app, { maintenance: s.maintenance, clock: ctx.clock }),
  contributes: {
    approvalTypes: (s) => [s.maintenance.approvalHandler],
    customerMerge: () => [
      { columns: ['maintenance_plan_customers.customer_id', 'maintenance_plan_tasks.customer_id', 'maintenance_plan_records.customer_id'], move: moveMaintenanceCustomer },
    ],
  },
});
