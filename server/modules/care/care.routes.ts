import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import type { Occasion } from './care.rules';
import * as s from './care.schemas';
import type { CareService } from './care.service';

type Attendance = (typeof s.ATTENDANCE)[number];

/** Care calendar, greetings, care actions and events (docs/regulations.md §12). */
export async function careRoutes(root: FastifyInstance, deps: { care: CareService }) {
  const { care } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['care 客户关怀'];
  const read = { capability: 'care.read' };
  const act = { capability: 'care.act' };
  const templates = { capability: 'care.templates' };
  // Templates and events are the company's (no owner); the service limits an event's invitees to the caller's scope.
  const shared = (policy: { capability: string }) => ({ ...policy, companyWide: true as const });
  const events = { capability: 'care.events' };

  const occasion = (o: Occasion): z.infer<typeof s.occasionOut> => ({ ...o, label: care.occasionLabel(o) });
  const template = (r: Awaited<ReturnType<CareService['getTemplate']>>): z.infer<typeof s.templateOut> => ({
    id: r.id,
    name: r.name,
    channel: r.channel as z.infer<typeof s.templateOut>['channel'],
    occasion: r.occasion,
    subject: r.subject,
    body: r.body,
    version: r.version,
    updatedAt: String(r.updated_at),
  });
  const action = (r: Awaited<ReturnType<CareService['recordAction']>>): z.infer<typeof s.actionOut> => ({
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    contactId: r.contact_id,
    occasion: r.occasion,
    occasionDate: r.occasion_date,
    channel: r.channel,
    templateId: r.template_id,
    doneOn: r.done_on,
    note: r.note,
    actorId: r.actor_id,
    actorName: r.actor_name ?? null,
  });
  type EventRow = Awaited<ReturnType<CareService['listEvents']>>[number];
  const event = (e: EventRow): z.infer<typeof s.eventOut> => ({
    id: e.id,
    kind: e.kind as z.infer<typeof s.eventOut>['kind'],
    title: e.title,
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    location: e.location,
    description: e.description,
    organizerName: e.organizer_name ?? null,
    version: e.version,
  });
  const eventDetail = (e: Awaited<ReturnType<CareService['getEvent']>>): z.infer<typeof s.eventDetailOut> => {
    const invites = e.invites.map((i) => ({ customerId: i.customer_id, customerName: i.customer_name, status: i.status as Attendance }));
    const count = (st: Attendance) => invites.filter((i) => i.status === st).length;
    return { ...event(e), invites, counts: { invited: invites.length, attended: count('attended'), absent: count('absent') } };
  };

  app.get('/api/care/calendar', {
    config: { policy: read },
    schema: { tags, summary: 'Occasions of the customers in scope between two dates (month view)', querystring: s.calendarQuery, response: { 200: s.calendarOut } },
    handler: async (req) => ({ from: req.query.from, to: req.query.to, items: (await care.calendar(requestContext(req), req.query.from, req.query.to)).map(occasion) }),
  });
  app.get('/api/care/upcoming', {
    config: { policy: read },
    schema: { tags, summary: 'Occasions of the next N days', querystring: s.upcomingQuery, response: { 200: s.calendarOut } },
    handler: async (req) => {
      const r = await care.upcoming(requestContext(req), req.query.days);
      return { from: r.from, to: r.to, items: r.items.map(occasion) };
    },
  });

  app.get('/api/care/templates', {
    config: { policy: read },
    schema: { tags, response: { 200: s.templateOut.array() } },
    handler: async () => (await care.listTemplates()).map(template),
  });
  app.post('/api/care/templates', {
    config: { policy: templates },
    schema: { tags, body: s.templateBody, response: { 201: s.templateOut } },
    handler: async (req, reply) => reply.status(201).send(template(await care.createTemplate(requestContext(req), req.body))),
  });
  app.put('/api/care/templates/:id', {
    config: { policy: shared(templates) },
    schema: { tags, params: idParams, body: s.templateUpdate, response: { 200: s.templateOut } },
    handler: async (req) => template(await care.updateTemplate(requestContext(req), req.params.id, req.body)),
  });
  app.post('/api/care/templates/:id/render', {
    config: { policy: shared(read) },
    schema: { tags, summary: 'The greeting filled for a customer and contact (e-mail, SMS text or the A4 card)', params: idParams, body: s.renderBody, response: { 200: s.renderOut } },
    handler: async (req) => (await care.render(requestContext(req), req.params.id, req.body)) as z.infer<typeof s.renderOut>,
  });

  app.get('/api/care/actions', {
    config: { policy: read },
    schema: { tags, querystring: s.actionQuery, response: { 200: s.actionOut.array() } },
    handler: async (req) => (await care.listActions(requestContext(req), req.query)).map(action),
  });
  app.post('/api/care/actions', {
    config: { policy: act },
    schema: { tags, summary: 'Record a care action (greeting, gift, call …)', body: s.actionBody, response: { 201: s.actionOut } },
    handler: async (req, reply) => reply.status(201).send(action(await care.recordAction(requestContext(req), req.body))),
  });

  app.get('/api/care/events', {
    config: { policy: read },
    schema: { tags, response: { 200: s.eventOut.array() } },
    handler: async () => (await care.listEvents()).map(event),
  });
  app.post('/api/care/events', {
    config: { policy: events },
    schema: { tags, body: s.eventBody, response: { 201: s.eventDetailOut } },
    handler: async (req, reply) => reply.status(201).send(eventDetail(await care.createEvent(requestContext(req), req.body))),
  });
  app.get('/api/care/events/:id', {
    config: { policy: shared(read) },
    schema: { tags, summary: 'The event with the invited customers the caller may see', params: idParams, response: { 200: s.eventDetailOut } },
    handler: async (req) => eventDetail(await care.getEvent(requestContext(req), req.params.id)),
  });
  app.post('/api/care/events/:id/invites', {
    config: { policy: shared(act) },
    schema: { tags, params: idParams, body: s.inviteBody, response: { 200: s.eventDetailOut } },
    handler: async (req) => eventDetail(await care.invite(requestContext(req), req.params.id, req.body.customerIds)),
  });
  app.put('/api/care/events/:id/invites/:customerId', {
    config: { policy: shared(act) },
    schema: { tags, summary: 'Attendance: invited, attended or absent', params: s.attendanceParams, body: s.attendanceBody, response: { 200: s.eventDetailOut } },
    handler: async (req) => eventDetail(await care.setAttendance(requestContext(req), req.params.id, req.params.customerId, req.body.status)),
  });
}
