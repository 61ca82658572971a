import { defineModule } from '../../platform/modules/manifest';
import type { Role } from '../../platform/permissions/roles';
import type { CadenceService } from '../cadence/cadence.service';
import type { ComplaintAnalysis } from '../complaints/complaints.analysis';
import type { DevelopmentService } from '../development/development.service';
import type { SurveyService } from '../surveys/surveys.service';
import type { VisitService } from '../visits/visits.service';
import { kpiDemo } from './kpi.demo';
import { KPI_MESSAGES } from './kpi.messages';
import { kpiRoutes } from './kpi.routes';
import { createKpiService, type KpiSources } from './kpi.service';
import { KPI_SETTING_GROUPS, KPI_SETTINGS, kpiSettingsCheck } from './kpi.settings';
import { kpi20261211 } from './migrations/20261211_10_kpi';
import './kpi.tables';

const leads: Role[] = ['director', 'manager', 'supervisor'];
const staff: Role[] = [...leads, 'specialist', 'sales'];

/** KPIs, point schemes and routines (docs/regulations.md §17, §19). Each actual is read from the module that owns it. */
export const kpiModule = defineModule({
  name: 'kpi',
  dependsOn: ['workflow', 'development', 'surveys', 'complaints', 'visits', 'cadence'],
  migrations: (kind) => [kpi20261211(kind)],
  capabilities: {
    'kpi.read': staff, // targets, tallies and the ranking within one's scope (a specialist: their own)
    'kpi.targets': leads, // set targets for people and teams in scope
    'kpi.annul': leads, // annul a deduction with a reason
    'kpi.meetings': staff, // the department's meetings and minutes
    'kpi.minutes': leads, // schedule meetings and record minutes
  },
  settingGroups: KPI_SETTING_GROUPS,
  settings: KPI_SETTINGS,
  settingsCheck: kpiSettingsCheck,
  messages: KPI_MESSAGES,
  build: (ctx) => {
    const { visits } = ctx.use<{ visits: VisitService }>('visits');
    const { development } = ctx.use<{ development: DevelopmentService }>('development');
    const { complaintAnalysis } = ctx.use<{ complaintAnalysis: ComplaintAnalysis }>('complaints');
    const { surveys } = ctx.use<{ surveys: SurveyService }>('surveys');
    const { cadence } = ctx.use<{ cadence: CadenceService }>('cadence');
    const sources: KpiSources = {
      latePlans: (f) => visits.plans.latePlans(f),
      plansDue: (f) => visits.plans.plansDue(f),
      async newProspects(rc, ownerId, month) {
        const r = await development.progress.monthly(rc, { from: month, to: month, ownerId });
        return r.totals.find((x) => x.ownerId === ownerId)?.newProspects ?? 0;
      },
      async complaintsByHandler(rc, from, to) {
        return (await complaintAnalysis.analyse(rc, { from, to })).byHandler;
      },
      async surveyScores(rc, ownerId, from, to) {
        return (await surveys.scores(rc, { ownerId, from, to }, { page: 1, pageSize: 200 })).rows.map((r) => r.satisfaction_index);
      },
      async cadenceByPerson(rc) {
        return (await cadence.compliance(rc, {})).byPerson.map((p) => ({ ownerId: p.ownerId, inTime: p.inTime, total: p.total }));
      },
    };
    return { kpi: createKpiService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, sources }) };
  },
  routes: (app, s) => kpiRoutes(app, s.kpi),
  demo: (s, _ctx, demo) => kpiDemo(s.kpi, demo),
  contributes: {
    todoProviders: (s) => [s.kpi.todoProvider],
  },
});
