import type { Role } from '../../platform/permissions/roles';
import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { CadenceService } from '../cadence/cadence.service';
import type { ComplaintService } from '../complaints/complaints.service';
import type { VisitService } from '../visits/visits.service';
import type { WorkflowServices } from '../workflow/workflow.module';
import { callcentreDemo } from './callcentre.demo';
import { CALLCENTRE_MESSAGES } from './callcentre.messages';
import { createQaService } from './callcentre.qa';
import { callQueries } from './callcentre.queries';
import { callcentreRoutes } from './callcentre.routes';
import { createCallcentreService } from './callcentre.service';
import { CALLCENTRE_SETTING_GROUPS, CALLCENTRE_SETTINGS, callcentreSettingsCheck } from './callcentre.settings';
import { callcentre20261211 } from './migrations/20261211_40_callcentre';
import './callcentre.tables';

function build(ctx: BuildContext) {
  const { tasks } = ctx.use<WorkflowServices>('workflow');
  const { complaints } = ctx.use<{ complaints: ComplaintService }>('complaints');
  const { visits } = ctx.use<{ visits: VisitService }>('visits');
  const { cadence } = ctx.use<{ cadence: CadenceService }>('cadence');
  const base = { db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings };
  return {
    calls: createCallcentreService({ ...base, tasks, complaints, visits, cadence, hookSecret: () => process.env.CALLCENTRE_HOOK_SECRET }),
    callQa: createQaService({ ...base, complaints }),
  };
}
export type CallcentreServices = ReturnType<typeof build>;

// 呼叫中心 (docs/regulations.md §1): agents handle calls, team leads their team's, QA and the call-centre manager the department's.
const centre: Role[] = ['callcentre_manager', 'team_lead', 'agent', 'qa'];
const leads: Role[] = ['director', 'manager', 'callcentre_manager', 'team_lead'];

export const callcentreModule = defineModule({
  name: 'callcentre',
  dependsOn: ['customers', 'workflow', 'complaints', 'visits', 'cadence'],
  migrations: (kind) => [callcentre20261211(kind)],
  resources: {
    // A call is its agent's, with the agent's team and department at the time of the call.
    callcentre_call: { table: 'callcentre_calls', id: 'callcentre_calls.id', owner: 'callcentre_calls.agent_id', team: 'callcentre_calls.team_id', department: 'callcentre_calls.department_id' },
    callcentre_qa: { table: 'callcentre_qa_scores', id: 'callcentre_qa_scores.id', owner: 'callcentre_qa_scores.agent_id', team: 'callcentre_qa_scores.team_id', department: 'callcentre_qa_scores.department_id' },
  },
  capabilities: {
    'callcentre.use': ['director', 'manager', ...centre], // calls in scope, record them, the screen-pop, one's outbound lines, one's QA scores and disputes
    'callcentre.reveal': ['director', 'manager', 'callcentre_manager', 'team_lead', 'qa'], // the unmasked number, audit-logged
    'callcentre.lists': leads, // outbound call lists and their assignment to agents
    'callcentre.qa': ['callcentre_manager', 'qa'], // the monthly sample, scoring, answering disputes
    'callcentre.report': [...leads, 'qa'], // the monthly QA report with the service targets
  },
  settingGroups: CALLCENTRE_SETTING_GROUPS,
  settings: CALLCENTRE_SETTINGS,
  settingsCheck: callcentreSettingsCheck,
  messages: CALLCENTRE_MESSAGES,
  build,
  demo: (s, _ctx, demo) => callcentreDemo(s, demo),
  routes: (app, s) => callcentreRoutes(app, { calls: s.calls, qa: s.callQa, pollMs: Number(process.env.CALLCENTRE_POLL_MS) || 1000 }),
  contributes: {
    customerMerge: () => [{ columns: ['callcentre_calls.customer_id', 'callcentre_list_items.customer_id'], move: callQueries.moveCustomer }],
  },
});
