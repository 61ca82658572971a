import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { CustomerServices } from '../customers/customers.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { loyalty20261210 } from './migrations/20261210_40_loyalty';
import { loyaltyDemo } from './loyalty.demo';
import { startLoyaltyJobs } from './loyalty.jobs';
import { LOYALTY_MESSAGES } from './loyalty.messages';
import { loyaltyQueries } from './loyalty.queries';
import { loyaltyRoutes } from './loyalty.routes';
import { type ContactSource, createLoyaltyService } from './loyalty.service';
import { LOYALTY_SETTING_GROUPS, LOYALTY_SETTINGS } from './loyalty.settings';
import './loyalty.tables';

const leads: Role[] = ['director', 'manager', 'supervisor'];

/** Churn and loyalty 客户流失与忠诚度 (docs/regulations.md §16): churn risks, lost customers, RFM segments and value ranking. */
export const loyaltyModule = defineModule({
  name: 'loyalty',
  // Purchases are read through the transactions module's exported purchaseTotals query.
  dependsOn: ['customers', 'workflow', 'transactions', 'visits'],
  migrations: (kind) => [loyalty20261210(kind)],
  capabilities: {
    'loyalty.read': [...leads, 'specialist', 'sales', 'qa'], // the lists and a customer's loyalty, within the customer's scope
    'loyalty.manage': [...leads, 'specialist', 'sales'], // the owner records the churn reason; a loss with its reason
    'loyalty.run': ['director', 'manager'], // run the churn-risk check now
  },
  settingGroups: LOYALTY_SETTING_GROUPS,
  settings: LOYALTY_SETTINGS,
  messages: LOYALTY_MESSAGES,
  build: (ctx) => {
    const { tasks } = ctx.use<WorkflowServices>('workflow');
    const { customers } = ctx.use<CustomerServices>('customers');
    const { visits } = ctx.use<{ visits: ContactSource }>('visits');
    return { loyalty: createLoyaltyService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, tasks, customers, contacts: visits }) };
  },
  routes: (app, s) => loyaltyRoutes(app, { loyalty: s.loyalty }),
  jobs: (s, ctx) => startLoyaltyJobs({ loyalty: s.loyalty, leases: ctx.leases }, ctx.log),
  demo: (s, _ctx, demo) => loyaltyDemo(s.loyalty, demo),
  contributes: {
    customerMerge: () => [{ columns: ['loyalty_churn_risks.customer_id'], move: loyaltyQueries.moveCustomer }],
  },
});
