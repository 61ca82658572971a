import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams } from '../../platform/http/schemas';
import type { Clock } from '../../platform/time';
import type { StayRow } from './stays.queries';
import * as s from './stays.schemas';
import type { StayService } from './stays.service';

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

/** Whitelisted output; instants in UTC (the web shows them in Asia/Shanghai). */
function present(r: StayRow, now: Date): z.infer<typeof s.stayOut> {
  const meetBy = iso(r.meet_by);
  const metAt = iso(r.met_at);
  const meeting = !meetBy ? 'none' : metAt ? (metAt > meetBy ? 'met_late' : 'met') : now.toISOString() > meetBy ? 'late' : 'open';
  return {
    id: r.id,
    individualId: r.individual_id,
    checkedInAt: iso(r.checked_in_at)!,
    checkedOutAt: iso(r.checked_out_at),
    room: r.room,
    bookingRef: r.booking_ref,
    notes: r.notes,
    source: r.source,
    meetBy,
    keeperName: r.keeper_name ?? null,
    taskId: r.task_id,
    metAt,
    metByName: r.met_by_name ?? null,
    meetingNote: r.meeting_note,
    meeting,
  };
}

/** Guest stays and the meeting rule (docs/regulations.md §9). */
export async function stayRoutes(root: FastifyInstance, deps: { stays: StayService; clock: Clock }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { stays, clock } = deps;
  const tags = ['guest stays 宾客入住'];
  const resource = { type: 'individual' as const };

  app.get('/api/individual-customers/:id/stays', {
    config: { policy: { capability: 'customers.read', resource } },
    schema: { tags, summary: "The guest's stays, newest first, with the meeting state", params: idParams, response: { 200: s.stayListOut } },
    handler: async (req) => ({ items: (await stays.list(req.params.id)).map((r) => present(r, clock.now())) }),
  });

  app.post('/api/individual-customers/:id/stays', {
    config: { policy: { capability: 'stays.record', resource } },
    schema: { tags, summary: 'Record a stay; a guest of the configured kind gives the keeper a meeting task', params: idParams, body: s.stayBody, response: { 201: s.stayOut } },
    handler: async (req, reply) => reply.status(201).send(present(await stays.record(requestContext(req), req.params.id, req.body), clock.now())),
  });

  app.post('/api/individual-customers/:id/stays/:stayId/meeting', {
    config: { policy: { capability: 'stays.record', resource } },
    schema: { tags, summary: 'Record that the guest was met: completes the meeting task', params: s.stayParams, body: s.meetBody, response: { 200: s.stayOut } },
    handler: async (req) => present(await stays.meet(requestContext(req), req.params.id, req.params.stayId, req.body.note ?? null), clock.now()),
  });

  app.put('/api/pms/stays', {
    config: { policy: { capability: 'stays.pms' } },
    schema: {
      tags,
      summary: 'For a hotel PMS: record or update a stay by its booking reference (idempotent: 201 when new, 200 when known)',
      body: s.pmsStayBody,
      response: { 200: s.stayOut, 201: s.stayOut },
    },
    handler: async (req, reply) => {
      const { stay, created } = await stays.upsertFromPms(requestContext(req), req.body);
      return reply.status(created ? 201 : 200).send(present(stay, clock.now()));
    },
  });
}
