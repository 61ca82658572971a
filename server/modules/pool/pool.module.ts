import type { Role } from '../../platform/permissions/roles';
import { poolDemo } from './pool.demo';
import { defineModule } from '../../platform/modules/manifest';
import type { ComplaintService } from '../complaints/complaints.service';
import type { ContractServices } from '../contracts/contracts.module';
import type { CustomerServices } from '../customers/customers.module';
import type { MaintenanceService } from '../maintenance/maintenance.service';
import type { TransactionServices } from '../transactions/transactions.module';
import type { VisitService } from '../visits/visits.service';
import type { WorkflowServices } from '../workflow/workflow.module';
import { pool20261209 } from './migrations/20261209_10_pool';
import { startPoolJobs } from './pool.jobs';
import { POOL_MESSAGES } from './pool.messages';
import { poolQueries } from './pool.queries';
import { poolRoutes } from './pool.routes';
import { createPoolService } from './pool.service';
import { POOL_SETTING_GROUPS, POOL_SETTINGS, poolSettingsCheck } from './pool.settings';
import './pool.tables';

// The front line claims from the pools of its department; directors and managers see and manage every pool (docs/regulations.md §8).
const claimers: Role[] = ['director', 'manager', 'supervisor', 'specialist', 'sales'];

export const poolModule = defineModule({
  name: 'pool',
  dependsOn: ['customers', 'workflow', 'contracts', 'transactions', 'maintenance', 'complaints', 'visits'],
  migrations: (kind) => [pool20261209(kind)],
  resources: {
    // A pool belongs to a department: with no owner or team level, narrower scopes fall back to the department.
    pool: { table: 'pools', id: 'pools.id', department: 'pools.department_id' },
  },
  capabilities: {
    'pool.read': [...claimers, 'qa'], // the pools of one's department and the customers in them
    'pool.claim': claimers, // take a customer from the pool, within the caps
    'pool.manage': ['director', 'manager'], // further pools per department and their keepers
  },
  settingGroups: POOL_SETTING_GROUPS,
  settings: POOL_SETTINGS,
  settingsCheck: poolSettingsCheck,
  messages: POOL_MESSAGES,
  build: (ctx) => {
    const { notifications } = ctx.use<WorkflowServices>('workflow');
    const { customers } = ctx.use<CustomerServices>('customers');
    const { contracts } = ctx.use<ContractServices>('contracts');
    const { transactions } = ctx.use<TransactionServices>('transactions');
    const { maintenance } = ctx.use<{ maintenance: MaintenanceService }>('maintenance');
    const { complaints } = ctx.use<{ complaints: ComplaintService }>('complaints');
    const { visits } = ctx.use<{ visits: VisitService }>('visits');
    return { pool: createPoolService({ db: ctx.db, clock: ctx.clock, settings: ctx.settings, notifications, customers, contracts, transactions, maintenance, complaints, visits }) };
  },
  routes: (app, s) => poolRoutes(app, { pool: s.pool }),
  demo: (s, _ctx, demo) => poolDemo(s.pool, demo),
  demoLast: true, // moves customers away from the owners other modules' demos pick them by
  jobs: (s, ctx) => startPoolJobs({ pool: s.pool, leases: ctx.leases }, ctx.log),
  contributes: {
    customerMerge: () => [{ columns: ['pool_entries.customer_id', 'pool_watch.customer_id', 'pool_events.customer_id'], move: poolQueries.moveCustomer }],
  },
});
