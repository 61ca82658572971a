import { createVisitCore, type VisitDeps } from './visits.core';
import { createPlanUseCases, type PlanSuggestionSource } from './visits.plans';
import { createRecordUseCases } from './visits.records';
import { createReportUseCases } from './visits.reports';
import { createTerritoryUseCases } from './visits.territories';

/** Visits (docs/regulations.md §8): records and calls, visit plans, scored reports, territories and day routes. */
export function createVisitService(deps: VisitDeps) {
  const core = createVisitCore(deps);
  // filled once all modules are built (the cadence module contributes)
  const suggestionSources: PlanSuggestionSource[] = [];
  const plans = createPlanUseCases({ ...core, suggestionSources });
  return {
    ...createRecordUseCases(core, plans),
    plans,
    suggestionSources,
    reports: createReportUseCases(core),
    territories: createTerritoryUseCases(core),
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
