import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { createIndividualService } from '../individuals/individuals.service';
import type { TransactionServices } from '../transactions/transactions.module';
import { membershipDemo } from './membership.demo';
import { startMembershipJobs } from './membership.jobs';
import { MEMBERSHIP_MESSAGES } from './membership.messages';
import { membershipRoutes } from './membership.routes';
import { createMembershipService } from './membership.service';
import { MEMBERSHIP_SETTING_GROUPS, MEMBERSHIP_SETTINGS, membershipSettingsCheck } from './membership.settings';
import { membership20261208 } from './migrations/20261208_30_membership';
import { membershipSwitchSettings20261211 } from './migrations/20261211_70_membership_switch_settings';
import './membership.tables';

function build(ctx: BuildContext) {
  return { membership: createMembershipService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings }) };
}

/**
 * Membership tiers and the points ledger (docs/regulations.md §3) for company customers and VIP guests.
 *
 * How points reach the ledger: membership reads transactions and returns through the transactions module's
 * exported `pointSources` query (a job every 10 minutes, on enrolment and on demand), and transactions knows
 * nothing of membership. The transactions table is the record: a transaction is acknowledged once it is
 * committed there, and the next run finds every one not yet in the ledger (unique per transaction and per
 * return, so reruns and two processes earn nothing twice). A "transaction recorded" hook would add a second
 * write path to keep in every entry route (form, ERP push, import) and fail the sale when membership fails.
 */
export const membershipModule = defineModule({
  name: 'membership',
  dependsOn: ['customers', 'individuals', 'transactions'],
  migrations: (kind) => [membership20261208(kind), membershipSwitchSettings20261211(kind)],
  resources: {
    // Through a view joining the holder (docs/regulations.md §1): the customer's or the guest's scope.
    member: { table: 'member_scope', id: 'member_scope.id', owner: 'member_scope.owner_id', team: 'member_scope.team_id', department: 'member_scope.department_id', widerFor: { finance: 'all' } },
  },
  capabilities: {
    'membership.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'], // within the holder's scope
    'membership.manage': ['director', 'manager', 'supervisor', 'specialist'], // enrol members, enter points now
    'membership.redeem': ['director', 'manager', 'supervisor', 'specialist'], // year-end gift redemption
    'membership.adjust': ['director', 'manager', 'supervisor'], // correct points, with a reason
  },
  settingGroups: MEMBERSHIP_SETTING_GROUPS,
  settings: MEMBERSHIP_SETTINGS,
  settingsCheck: membershipSettingsCheck,
  messages: MEMBERSHIP_MESSAGES,
  build,
  demo: (s, ctx, demo) =>
    membershipDemo(s.membership, ctx.use<{ individuals: ReturnType<typeof createIndividualService> }>('individuals').individuals, ctx.use<TransactionServices>('transactions').transactions, demo),
  routes: (app, s) => membershipRoutes(app, { membership: s.membership }),
  jobs: (s, ctx) => startMembershipJobs({ membership: s.membership, leases: ctx.leases }, ctx.log),
  contributes: {
    customerMerge: (s) => [{ columns: ['memberships.customer_id'], move: (db, fromId, toId) => s.membership.moveCustomer(db, fromId, toId) }],
  },
});
