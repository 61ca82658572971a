import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../../platform/http/guard';
import * as s from './dashboards.schemas';
import type { DashboardService } from './dashboards.service';

/** The dashboard (docs/regulations.md §16): one request per page, within the caller's scope. */
export async function dashboardRoutes(root: FastifyInstance, deps: { dashboards: DashboardService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboards'];

  app.get('/api/dashboards/mine', {
    config: { policy: { capability: 'dashboards.read' } },
    schema: { tags, summary: 'The caller’s dashboard: every card within their data scope', response: { 200: s.pageOut } },
    handler: async (req) => deps.dashboards.page(requestContext(req)),
  });
  app.post('/api/dashboards/refresh', {
    config: { policy: { capability: 'dashboards.run' } },
    schema: { tags, summary: 'Recompute the nightly all-customer figures now', response: { 200: s.refreshOut } },
    handler: async () => ({ computedAt: await deps.dashboards.refresh() }),
  });
}
