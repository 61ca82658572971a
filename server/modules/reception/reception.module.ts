import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { EXPORT_MESSAGES, RECEPTION_MESSAGES } from './reception.messages';
import { receptionDemo } from './reception.demo';
import { receptionQueries } from './reception.queries';
import { receptionRoutes } from './reception.routes';
import { createReceptionService } from './reception.service';
import { RECEPTION_SETTING_GROUPS, RECEPTION_SETTINGS } from './reception.settings';
import { reception20261208 } from './migrations/20261208_50_reception';
import './reception.tables';

// Front-line staff log visitors, record receptions and apply for tours and banquets; leads also reveal masked values.
const leads: Role[] = ['director', 'manager', 'supervisor'];
const staff: Role[] = [...leads, 'specialist', 'sales'];

const scoped = (view: string) => ({
  table: view,
  id: `${view}.id`,
  owner: `${view}.owner_id`,
  team: `${view}.team_id`,
  department: `${view}.department_id`,
  coOwners: [`${view}.staff_id`],
});

/** 接待: visitor log, reception records, tours with their permit, banquets (docs/regulations.md §9). */
export const receptionModule = defineModule({
  name: 'reception',
  dependsOn: ['customers', 'workflow', 'approvals'],
  migrations: (kind) => [reception20261208(kind)],
  resources: {
    // Through views joining the customer when there is one (docs/regulations.md §1), else the entering staff member's team.
    reception_visit: scoped('reception_visit_scope'),
    reception_record: scoped('reception_record_scope'),
    reception_tour: scoped('reception_tour_scope'),
    reception_banquet: scoped('reception_banquet_scope'),
  },
  capabilities: {
    'reception.read': [...staff, 'qa'],
    'reception.write': staff, // log visitors, record receptions, apply for tours and banquets
    'reception.reveal': leads, // one unmasked phone / ID number of a visitor, audit-logged
  },
  settingGroups: RECEPTION_SETTING_GROUPS,
  settings: RECEPTION_SETTINGS,
  messages: { ...RECEPTION_MESSAGES, ...EXPORT_MESSAGES },
  build: (ctx) => {
    const { approvals } = ctx.use<ApprovalServices>('approvals');
    const { tasks } = ctx.use<WorkflowServices>('workflow');
    return { reception: createReceptionService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, tasks, approvals }) };
  },
  routes: (app, s) => receptionRoutes(app, { reception: s.reception }),
  demo: (s, ctx, demo) => receptionDemo(s.reception, ctx.use<ApprovalServices>('approvals').approvals, demo),
  contributes: {
    approvalTypes: (s) => [s.reception.tourHandler, s.reception.banquetHandler],
    customerMerge: () => [
      {
        columns: ['reception_visits.customer_id', 'reception_records.customer_id', 'reception_tours.customer_id', 'reception_banquets.customer_id'],
        move: receptionQueries.moveCustomer,
      },
    ],
  },
});
