/** Visits, the scored report, territories and routes, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as p from '../../../../server/modules/visits/visits.plans.schemas';
import type * as s from '../../../../server/modules/visits/visits.schemas';

export type Visit = z.output<typeof s.visitOut>;
export type VisitInput = z.input<typeof s.visitBody>;
export type DailyReport = z.output<typeof s.dailyOut>;
export type VisitReport = z.output<typeof s.reportOut>;
export type VisitReportInput = z.input<typeof s.reportBody>;
export type ReportAverages = z.output<typeof s.averagesOut>;
export type Territory = z.output<typeof s.territoryOut>;
export type TerritoryInput = z.input<typeof s.territoryBody>;
export type TerritoryCustomers = z.output<typeof s.territoryCustomersOut>;
export type CustomerLocation = z.output<typeof s.locationOut>;
export type DayRoute = z.output<typeof s.routeOut>;
export type ReportScales = z.output<typeof s.scalesOut>;

export type VisitPlan = z.output<typeof p.planOut>;
export type VisitPlanSummary = z.output<typeof p.planSummaryOut>;
export type VisitPlanLine = z.output<typeof p.planLineOut>;
export type VisitPlanLineInput = z.input<typeof p.planLineBody>;
export type PlanSuggestion = z.output<typeof p.suggestionsOut>['items'][number];
export type OpenPlanLine = z.output<typeof p.openLinesOut>['items'][number];
