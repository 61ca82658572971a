import { createVisitCore, type VisitDeps } from './visits.core';
import { createRecordUseCases } from './visits.records';
import { createReportUseCases } from './visits.reports';
import { createTerritoryUseCases } from './visits.territories';

/** Visits (docs/regulations.md §8): records and calls, scored reports, territories and day routes. */
export function createVisitService(deps: VisitDeps) {
  const core = createVisitCore(deps);
  return {
    ...createRecordUseCases(core),
    reports: createReportUseCases(core),
    territories: createTerritoryUseCases(core),
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
