import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { CustomerServices } from '../customers/customers.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { contractAuditTypes } from './contracts.audit';
import { startContractJobs } from './contracts.jobs';
import { contractsDemo } from './contracts.demo';
import { CONTRACT_MESSAGES } from './contracts.messages';
import { contractQueries } from './contracts.queries';
import { contractRoutes } from './contracts.routes';
import { createContractService } from './contracts.service';
import { CONTRACT_SETTING_GROUPS, CONTRACT_SETTINGS } from './contracts.settings';
import { contracts20261124 } from './migrations/20261124_30_contracts';
import { contractSizeCapacity20261212 } from './migrations/20261212_30_contract_size_capacity';
import './contracts.tables';

function build(ctx: BuildContext) {
  const { attachments } = ctx.use<CustomerServices>('customers');
  const { approvals } = ctx.use<ApprovalServices>('approvals');
  const { notifications, reminders } = ctx.use<WorkflowServices>('workflow');
  return { contracts: createContractService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, attachments, approvals, notifications, reminders, settings: ctx.settings }) };
}
export type ContractServices = ReturnType<typeof build>;

/** Contracts by authority limit: above the signer's limit or term a contract goes to the director's approval. */
export const contractsModule = defineModule({
  name: 'contracts',
  dependsOn: ['customers', 'workflow', 'approvals'],
  migrations: (kind) => [contracts20261124(kind), contractSizeCapacity20261212(kind)],
  resources: {
    // A contract follows its customer's owner / team / department, copied when it is drafted (docs/regulations.md §13).
    contract: { table: 'contracts', id: 'contracts.id', owner: 'contracts.owner_id', team: 'contracts.team_id', department: 'contracts.department_id', widerFor: { finance: 'all' } },
    // A group stay or order follows its customer's owner / team / department like the contract it names.
    contractBooking: { table: 'contract_bookings', id: 'contract_bookings.id', owner: 'contract_bookings.owner_id', team: 'contract_bookings.team_id', department: 'contract_bookings.department_id', widerFor: { finance: 'all' } },
  },
  capabilities: {
    'contracts.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'], // finance reads all
    'contracts.manage': ['director', 'manager', 'supervisor', 'specialist', 'sales'], // draft, edit, sign as the named signer, file signed copies
    'contracts.terminate': ['director', 'manager'], // end an effective contract early, with a reason
    'contracts.capacity': ['director', 'manager'], // set the capacity per resource and day (docs/regulations.md §13)
  },
  settingGroups: CONTRACT_SETTING_GROUPS,
  settings: CONTRACT_SETTINGS,
  messages: CONTRACT_MESSAGES,
  auditTypes: contractAuditTypes,
  build,
  routes: (app, s, ctx) => contractRoutes(app, { contracts: s.contracts, approvals: ctx.use<ApprovalServices>('approvals').approvals }),
  demo: (s, ctx, demo) => contractsDemo(s, ctx.use<ApprovalServices>('approvals').approvals, demo),
  jobs: (s, ctx) => startContractJobs({ contracts: s.contracts, leases: ctx.leases }, ctx.log),
  contributes: {
    approvalTypes: (s) => [s.contracts.approvalHandler],
    customerMerge: () => [{ columns: ['contracts.customer_id', 'contract_bookings.customer_id'], move: contractQueries.moveCustomer }],
  },
});
