/** KPIs, tallies and routines (docs/regulations.md §17, §19): the answers of the KPI routes, inferred from the server's service. */
import type { KpiService } from '../../../../server/modules/kpi/kpi.service';

export type KpiTargets = Awaited<ReturnType<KpiService['targets']>>;
export type KpiTally = Awaited<ReturnType<KpiService['monthly']>>[number];
export type KpiRanking = Awaited<ReturnType<KpiService['yearly']>>;
export type KpiReport = Awaited<ReturnType<KpiService['myReports']>>[number];
export type KpiMeeting = Awaited<ReturnType<KpiService['meetings']>>[number];
