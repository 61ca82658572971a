import type { Role } from '../../platform/permissions/roles';
import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { IndividualService } from '../individuals/individuals.service';
import type { MembershipService } from '../membership/membership.service';
import type { TransactionServices } from '../transactions/transactions.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { careDemo } from './care.demo';
import { startCareJobs } from './care.jobs';
import { CARE_MESSAGES } from './care.messages';
import { careQueries } from './care.queries';
import { careRoutes } from './care.routes';
import { createCareService } from './care.service';
import { CARE_SETTING_GROUPS, CARE_SETTINGS, careSettingsCheck } from './care.settings';
import { care20261210 } from './migrations/20261210_50_care';
import { careSwitchSettings20261211 } from './migrations/20261211_70_care_switch_settings';
import './care.tables';

const leads: Role[] = ['director', 'manager', 'supervisor'];
const field: Role[] = [...leads, 'specialist', 'sales'];

function build(ctx: BuildContext) {
  const { notifications } = ctx.use<WorkflowServices>('workflow');
  const { transactions } = ctx.use<TransactionServices>('transactions');
  const { membership } = ctx.use<{ membership: MembershipService }>('membership');
  const { individuals } = ctx.use<{ individuals: IndividualService }>('individuals');
  return { care: createCareService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, notifications, transactions, membership, guests: individuals }) };
}
export type CareServices = ReturnType<typeof build>;

/** Care 客户关怀 (docs/regulations.md §12): the care calendar, reminders, greetings, care actions, promotions and events. */
export const careModule = defineModule({
  name: 'care',
  dependsOn: ['customers', 'workflow', 'transactions', 'membership', 'individuals'],
  migrations: (kind) => [care20261210(kind), careSwitchSettings20261211(kind)],
  resources: {
    // Through a view joining the customer (docs/regulations.md §1): whoever sees the customer sees its care.
    care_action: { table: 'care_action_scope', id: 'care_action_scope.id', owner: 'care_action_scope.owner_id', team: 'care_action_scope.team_id', department: 'care_action_scope.department_id' },
  },
  capabilities: {
    'care.read': field, // the care calendar of the customers in scope, templates, care actions and events
    'care.act': field, // record care actions, invite customers and mark attendance
    'care.templates': ['director', 'manager'], // greeting templates are the company's wording
    'care.events': leads, // create promotions and events
  },
  settingGroups: CARE_SETTING_GROUPS,
  settings: CARE_SETTINGS,
  settingsCheck: careSettingsCheck,
  messages: CARE_MESSAGES,
  build,
  demo: (s, ctx, demo) => careDemo(s.care, ctx, demo),
  routes: (app, s) => careRoutes(app, { care: s.care }),
  jobs: (s, ctx) => startCareJobs({ care: s.care, leases: ctx.leases }, ctx.log),
  contributes: {
    customerMerge: () => [{ columns: ['care_actions.customer_id', 'care_event_invites.customer_id'], move: careQueries.moveCustomer }],
    todoProviders: (s) => [s.care.todoProvider],
  },
});
