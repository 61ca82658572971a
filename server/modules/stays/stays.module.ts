import { defineModule } from '../../platform/modules/manifest';
import type { IndividualService } from '../individuals/individuals.service';
import type { MembershipService } from '../membership/membership.service';
import type { WorkflowServices } from '../workflow/workflow.module';
import { guestStays20261210 } from './migrations/20261210_20_guest_stays';
import { staysDemo } from './stays.demo';
import { STAY_MESSAGES } from './stays.messages';
import { stayRoutes } from './stays.routes';
import { createStayService } from './stays.service';
import { STAY_SETTING_GROUPS, STAY_SETTINGS } from './stays.settings';
import './stays.tables';

/** Stays of individual guests and the hotel's 12-hour meeting rule (docs/regulations.md §9). */
export const staysModule = defineModule({
  name: 'stays',
  dependsOn: ['individuals', 'membership', 'workflow'],
  migrations: (kind) => [guestStays20261210(kind)],
  capabilities: {
    'stays.record': ['director', 'manager', 'supervisor', 'specialist', 'sales'], // record a stay or a meeting, within the guest's scope
    'stays.pms': ['director'], // the PMS integration account: record stays by booking reference for any guest
  },
  settingGroups: STAY_SETTING_GROUPS,
  settings: STAY_SETTINGS,
  messages: STAY_MESSAGES,
  build: (ctx) => {
    const { tasks } = ctx.use<WorkflowServices>('workflow');
    const { individuals } = ctx.use<{ individuals: IndividualService }>('individuals');
    const { membership } = ctx.use<{ membership: MembershipService }>('membership');
    return { stays: createStayService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, tasks, individuals, membership }) };
  },
  routes: (app, s, ctx) => stayRoutes(app, { stays: s.stays, clock: ctx.clock }),
  demo: (s, ctx, demo) => staysDemo(s.stays, ctx.use<{ individuals: IndividualService }>('individuals').individuals, demo),
});
