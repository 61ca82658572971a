import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { CustomerServices } from '../customers/customers.module';
import { developmentAuditTypes } from './development.audit';
import { developmentDemo } from './development.demo';
import { DEVELOPMENT_MESSAGES } from './development.messages';
import { developmentRoutes } from './development.routes';
import { createDevelopmentService } from './development.service';
import { DEVELOPMENT_SETTING_GROUPS, DEVELOPMENT_SETTINGS } from './development.settings';
import { moveDevelopmentCustomer } from './records.service';
import { development20261124 } from './migrations/20261124_40_development';
import './development.tables';

// Specialists and sales develop prospects; supervisors and above also assign and instruct (docs/regulations.md §6).
const workers: Role[] = ['director', 'manager', 'supervisor', 'specialist', 'sales'];
const leads: Role[] = ['director', 'manager', 'supervisor'];
const scoped = (table: string) => ({ table, id: `${table}.id`, owner: `${table}.owner_id`, team: `${table}.team_id`, department: `${table}.department_id` });

/** Customer development: prospects, research plans and reports, development plans (department head → 经理办公会), records. */
export const developmentModule = defineModule({
  name: 'development',
  dependsOn: ['customers', 'approvals'],
  migrations: (kind) => [development20261124(kind)],
  resources: {
    prospect: scoped('prospects'),
    research_plan: scoped('research_plans'),
    research_report: scoped('research_reports'),
    development_plan: scoped('development_plans'),
    development_record: scoped('development_records'),
  },
  capabilities: {
    'development.read': workers,
    'development.write': workers,
    'development.assign': leads, // give a prospect or record to another owner
    'development.instruct': leads, // write the 批示 on a 客户开发记录表
  },
  settingGroups: DEVELOPMENT_SETTING_GROUPS,
  settings: DEVELOPMENT_SETTINGS,
  messages: DEVELOPMENT_MESSAGES,
  auditTypes: developmentAuditTypes,
  build: (ctx) => {
    const { customers } = ctx.use<CustomerServices>('customers');
    const { approvals } = ctx.use<ApprovalServices>('approvals');
    return { development: createDevelopmentService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, customers, approvals }) };
  },
  routes: (app, s) => developmentRoutes(app, s.development),
  demo: (s, ctx, demo) => developmentDemo(s.development, ctx.use<ApprovalServices>('approvals').approvals, demo),
  contributes: {
    approvalTypes: (s) => [s.development.plans.handler],
    customerMerge: () => [{ columns: ['prospects.customer_id', 'development_records.customer_id'], move: moveDevelopmentCustomer }],
  },
});
