import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { MembershipService } from '../membership/membership.service';
import type { StayService } from '../stays/stays.service';
import type { WorkflowServices } from '../workflow/workflow.module';
import { cadenceDemo } from './cadence.demo';
import { startCadenceJobs } from './cadence.jobs';
import { CADENCE_MESSAGES } from './cadence.messages';
import { cadenceQueries } from './cadence.queries';
import { cadenceRoutes } from './cadence.routes';
import { type ContactSource, createCadenceService } from './cadence.service';
import { CADENCE_SETTING_GROUPS, CADENCE_SETTINGS, cadenceSettingsCheck } from './cadence.settings';
import { cadence20261208 } from './migrations/20261208_90_cadence';
import './cadence.tables';

const leads: Role[] = ['director', 'manager', 'supervisor'];

/** Visit cadence 回访频率 by grade and membership tier (docs/regulations.md §8): overdue customers become tasks, escalate, show on the home page. */
export const cadenceModule = defineModule({
  name: 'cadence',
  dependsOn: ['customers', 'visits', 'workflow', 'membership', 'stays', 'care'],
  migrations: (kind) => [cadence20261208(kind)],
  capabilities: {
    'cadence.read': [...leads, 'specialist', 'sales', 'qa'], // the compliance view and a customer's cadence, within the customer's scope
    'cadence.exempt': leads, // record the reason that exempts a customer from the one-month cap
    'cadence.run': ['director', 'manager'], // run the nightly check now
  },
  settingGroups: CADENCE_SETTING_GROUPS,
  settings: CADENCE_SETTINGS,
  settingsCheck: cadenceSettingsCheck,
  messages: CADENCE_MESSAGES,
  build: (ctx) => {
    const { tasks, notifications } = ctx.use<WorkflowServices>('workflow');
    const { visits } = ctx.use<{ visits: ContactSource }>('visits');
    const { membership } = ctx.use<{ membership: MembershipService }>('membership');
    const { stays } = ctx.use<{ stays: StayService }>('stays');
    const { care } = ctx.use<{ care: ContactSource }>('care');
    // A care action counts as a contact when care.countsAsContact is on (docs/regulations.md §12); care answers nothing otherwise.
    const contacts: ContactSource = {
      async lastContactDates(ids) {
        const [v, c] = await Promise.all([visits.lastContactDates(ids), care.lastContactDates(ids)]);
        for (const [id, at] of c) if (!v.has(id) || v.get(id)! < at) v.set(id, at);
        return v;
      },
    };
    return { cadence: createCadenceService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, calendar: ctx.calendar, tasks, notifications, contacts, members: membership, guestContacts: stays }) };
  },
  routes: (app, s) => cadenceRoutes(app, { cadence: s.cadence }),
  demo: (s, _ctx, demo) => cadenceDemo(s.cadence, demo),
  jobs: (s, ctx) => startCadenceJobs({ cadence: s.cadence, leases: ctx.leases }, ctx.log),
  contributes: {
    todoProviders: (s) => [s.cadence.todoProvider],
    visitPlanSuggestions: (s) => [s.cadence.planSuggestions],
    customerMerge: () => [{ columns: ['cadence_tasks.customer_id', 'cadence_exemptions.customer_id'], move: cadenceQueries.moveCustomer }],
  },
});
