import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../http/guard';
import { dateString, idParams } from '../http/schemas';
import type { CalendarService } from './calendar.service';
import { calendarStatusOut, companyDayBody, companyDayOut, dayInfoOut, officialYearBody, officialYearOut } from './calendar.schemas';

const present = (r: { id: number; day: string; kind: 'holiday' | 'workday'; name: string }) => ({ id: r.id, date: r.day, kind: r.kind, name: r.name });

export async function calendarRoutes(root: FastifyInstance, calendar: CalendarService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar 工作日历'];

  app.get('/api/calendar/status', {
    config: { policy: { capability: 'calendar.read' } },
    schema: {
      tags,
      response: {
        200: calendarStatusOut,
      },
    },
    handler: () => calendar.status(),
  });

  app.get('/api/calendar/month', {
    config: { policy: { capability: 'calendar.read' } },
    schema: { tags, querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }), response: { 200: z.object({ days: z.array(dayInfoOut) }) } },
    handler: async (req) => ({ days: await calendar.month(req.query.month) }),
  });

  app.get('/api/calendar/add', {
    config: { policy: { capability: 'calendar.read' } },
    schema: {
      tags,
      summary: 'The n-th working day after a date (Asia/Shanghai)',
      querystring: z.object({ date: dateString, days: z.coerce.number().int().min(0).max(3650) }),
      response: { 200: z.object({ date: z.string(), provisional: z.boolean() }) },
    },
    handler: (req) => calendar.addWorkingDays(req.query.date, req.query.days),
  });

  app.get('/api/calendar/between', {
    config: { policy: { capability: 'calendar.read' } },
    schema: {
      tags,
      summary: 'Working days d with from < d ≤ to',
      querystring: z.object({ from: dateString, to: dateString }),
      response: { 200: z.object({ days: z.number(), provisional: z.boolean() }) },
    },
    handler: (req) => calendar.workingDaysBetween(req.query.from, req.query.to),
  });

  app.get('/api/calendar/years', {
    config: { policy: { capability: 'calendar.read' } },
    schema: {
      tags,
      response: {
        200: z.object({ items: z.array(officialYearOut) }),
      },
    },
    handler: async () => ({ items: await calendar.years() }),
  });

  app.put('/api/calendar/years/:year', {
    config: { policy: { capability: 'calendar.manage' } },
    schema: {
      tags,
      summary: 'Enter a newly published official holiday schedule',
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: officialYearBody,
    },
    handler: async (req, reply) => {
      await calendar.importYear(requestContext(req), { year: req.params.year, ...req.body });
      return reply.status(204).send();
    },
  });

  app.get('/api/calendar/company-days', {
    config: { policy: { capability: 'calendar.read' } },
    schema: { tags, response: { 200: z.object({ items: z.array(companyDayOut) }) } },
    handler: async () => ({ items: (await calendar.listCompanyDays()).map(present) }),
  });

  app.post('/api/calendar/company-days', {
    config: { policy: { capability: 'calendar.manage' } },
    schema: {
      tags,
      body: companyDayBody,
      response: { 201: companyDayOut },
    },
    handler: async (req, reply) => reply.status(201).send(present(await calendar.addCompanyDay(requestContext(req), req.body))),
  });

  app.delete('/api/calendar/company-days/:id', {
    config: { policy: { capability: 'calendar.manage', companyWide: true } },
    schema: { tags, params: idParams },
    handler: async (req, reply) => {
      await calendar.deleteCompanyDay(requestContext(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
