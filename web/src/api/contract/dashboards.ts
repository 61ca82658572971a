/** The dashboards (docs/regulations.md §16), inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/dashboards/dashboards.schemas';

export type Dashboard = z.output<typeof s.pageOut>;
export type DashboardRefresh = z.output<typeof s.refreshOut>;
