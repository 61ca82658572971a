import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, version } from '../../platform/http/schemas';
import { METRICS, REPORT_KINDS } from './kpi.rules';
import type { KpiService } from './kpi.service';

// Business months of this century: earlier years have no calendar (working days, holidays) to count in.
const month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'validation.month');
const id = z.coerce.number().int().positive();

/** KPIs, point tallies and routines (docs/regulations.md §17, §19). */
export async function kpiRoutes(root: FastifyInstance, kpi: KpiService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['kpi 绩效'];
  const read = { capability: 'kpi.read' };

  app.get('/api/kpi/targets', {
    config: { policy: read },
    schema: { tags, summary: 'Targets of a month with their actuals, within scope', querystring: z.object({ period: month }) },
    handler: async (req) => kpi.targets(requestContext(req), req.query.period),
  });
  app.put('/api/kpi/targets', {
    config: { policy: { capability: 'kpi.targets' } },
    schema: { tags, summary: 'Set a target of a person or team for a month', body: z.object({ subjectType: z.enum(['user', 'team']), subjectId: id, metric: z.enum(METRICS), period: month, target: z.number().min(0).max(1e6) }).strict() },
    handler: async (req, reply) => {
      await kpi.setTarget(requestContext(req), req.body);
      return reply.status(204).send();
    },
  });
  app.get('/api/kpi/tally', {
    config: { policy: read },
    schema: { tags, summary: 'The monthly tally per person with each deduction traced to its record', querystring: z.object({ month, teamId: id.optional(), userId: id.optional() }) },
    handler: async (req) => ({ items: await kpi.monthly(requestContext(req), req.query.month, { teamId: req.query.teamId, userId: req.query.userId }) }),
  });
  app.get('/api/kpi/ranking', {
    config: { policy: read },
    schema: { tags, summary: 'Yearly totals and ranking within scope', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), teamId: id.optional() }) },
    handler: async (req) => kpi.yearly(requestContext(req), req.query.year, { teamId: req.query.teamId }),
  });
  app.post('/api/kpi/annulments', {
    config: { policy: { capability: 'kpi.annul' } },
    schema: { tags, summary: 'Annul a deduction with a reason (audited)', body: z.object({ userId: id, month, key: z.string().min(1).max(200), reason: z.string().max(500) }).strict() },
    handler: async (req) => kpi.annul(requestContext(req), req.body),
  });
  app.get('/api/kpi/reports', {
    config: { policy: { capability: 'kpi.read' } }, // one's own reports only
    schema: { tags, summary: "One's own routine reports of a month", querystring: z.object({ month }) },
    handler: async (req) => ({ items: await kpi.myReports(requestContext(req), req.query.month) }),
  });
  app.post('/api/kpi/reports', {
    config: { policy: { capability: 'kpi.read' } }, // one's own reports only
    schema: { tags, summary: 'Submit a routine report (late after its due day)', body: z.object({ kind: z.enum(REPORT_KINDS), period: z.string().min(7).max(10), content: z.string().trim().min(1, 'validation.required').max(20000) }).strict() },
    handler: async (req, reply) => reply.status(201).send(await kpi.submitReport(requestContext(req), req.body)),
  });
  app.get('/api/kpi/meetings', {
    config: { policy: { capability: 'kpi.meetings' } },
    schema: { tags, summary: "The department's meetings, newest first" },
    handler: async (req) => ({ items: await kpi.meetings(requestContext(req)) }),
  });
  app.post('/api/kpi/meetings', {
    config: { policy: { capability: 'kpi.minutes' } },
    schema: { tags, summary: 'Schedule a meeting (default: the next slot of the setting)', body: z.object({ startsAt: z.string().datetime({ offset: true }).optional(), departmentId: id.optional() }).strict() },
    handler: async (req, reply) => reply.status(201).send({ id: await kpi.schedule(requestContext(req), req.body) }),
  });
  app.put('/api/kpi/meetings/:id/minutes', {
    // Meetings are the department's: the service answers 404 for another department's meeting.
    config: { policy: { capability: 'kpi.minutes', companyWide: true } },
    schema: { tags, summary: 'Record the minutes; the next meeting is scheduled', params: idParams, body: z.object({ attendeeIds: z.array(id).max(200), decisions: z.string().trim().min(1, 'validation.required').max(20000), notes: z.string().max(20000).nullish(), version }).strict() },
    handler: async (req) => kpi.recordMinutes(requestContext(req), req.params.id, req.body),
  });
}
