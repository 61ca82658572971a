import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { t } from '../../platform/http/i18n';
import { idParams } from '../../platform/http/schemas';
import type { PlanView } from './visits.plans';
import type { PlanLineRow, PlanRow } from './visits.plans.queries';
import { onSiteDays, type PlanKind, type PlanStatus } from './visits.plans.rules';
import type { Method } from './visits.rules';
import * as s from './visits.plans.schemas';
import type { VisitService } from './visits.service';

const fen = (v: number | string | null) => (v == null ? null : Number(v) / 100);

function presentLine(l: PlanLineRow): z.infer<typeof s.planLineOut> {
  const visitId = l.visit_id == null ? null : Number(l.visit_id);
  return {
    id: l.id,
    customerId: l.customer_id,
    customerName: l.customer_name,
    customerArchiveNo: l.customer_archive_no,
    plannedOn: l.planned_on,
    purpose: l.purpose,
    method: l.method as Method,
    place: l.place,
    expectedCost: fen(l.expected_cost_fen),
    done: visitId != null,
    visitId,
  };
}

function base(p: PlanRow) {
  return {
    id: p.id,
    authorId: p.author_id,
    authorName: p.author_name ?? null,
    kind: p.kind as PlanKind,
    period: p.period,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    dueDate: p.due_date,
    status: p.status as PlanStatus,
    notes: p.notes,
    submittedAt: p.submitted_at,
    late: Number(p.late) === 1,
    approvedAt: p.approved_at,
    version: p.version,
  };
}

function presentPlan(p: PlanView, lang: Parameters<typeof t>[0]): z.infer<typeof s.planOut> {
  const totalFen = p.lines.reduce((sum, l) => sum + Number(l.expected_cost_fen ?? 0), 0);
  return {
    ...base(p),
    lines: p.lines.map(presentLine),
    totalExpectedCost: totalFen / 100,
    onSiteDays: onSiteDays(p.lines),
    warnings: p.warnings.map((w) => t(lang, w.key, w.params)),
  };
}

/** Visit plans 回访计划表 (docs/regulations.md §8). Every plan `:id` is checked against the author's scope (404). */
export async function planRoutes(root: FastifyInstance, deps: { visits: VisitService }) {
  const { plans } = deps.visits;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['visits 回访计划'];
  const read = { capability: 'visits.read' };
  const record = { capability: 'visits.record' };
  const plan = { type: 'visit_plan' };

  app.get('/api/visit-plans', {
    config: { policy: read },
    schema: { tags, summary: 'Visit plans within scope (one’s own; a supervisor’s team)', querystring: s.planListQuery, response: { 200: s.planListOut } },
    handler: async (req) => {
      const ctx = requestContext(req);
      const { mine, ...f } = req.query;
      const rows = await plans.listPlans(ctx, { ...f, authorId: mine === '1' ? ctx.actor.id : f.authorId });
      const counts = await plans.lineCounts(rows.map((r) => r.id));
      return { items: rows.map((r) => ({ ...base(r), lineCount: counts.get(r.id)?.lines ?? 0, doneCount: counts.get(r.id)?.done ?? 0 })) };
    },
  });

  app.post('/api/visit-plans', {
    config: { policy: record },
    schema: { tags, summary: 'Start one’s plan for a month (YYYY-MM) or a week (its Monday)', body: s.planCreateBody, response: { 201: s.planOut } },
    handler: async (req, reply) => {
      const ctx = requestContext(req);
      return reply.status(201).send(presentPlan(await plans.createPlan(ctx, req.body), ctx.lang));
    },
  });

  app.get('/api/visit-plans/suggestions', {
    config: { policy: record },
    schema: { tags, summary: 'Suggested targets: one’s customers due / overdue by cadence first (with days), then the rest', response: { 200: s.suggestionsOut } },
    handler: async (req) => ({ items: await plans.suggestions(requestContext(req)) }),
  });

  app.get('/api/visit-plans/open-lines', {
    config: { policy: record },
    schema: { tags, summary: 'One’s open plan lines for a customer (the visit form’s plan line)', querystring: s.openLinesQuery, response: { 200: s.openLinesOut } },
    handler: async (req) => ({
      items: (await plans.openLines(requestContext(req), req.query.customerId)).map((l) => ({ ...presentLine(l), planKind: l.plan_kind as PlanKind, planPeriod: l.plan_period })),
    }),
  });

  app.get('/api/visit-plans/:id', {
    config: { policy: { ...read, resource: plan } },
    schema: { tags, params: idParams, response: { 200: s.planOut } },
    handler: async (req) => presentPlan(await plans.getPlan(req.params.id), requestContext(req).lang),
  });

  app.put('/api/visit-plans/:id', {
    config: { policy: { ...record, resource: plan } },
    schema: { tags, summary: 'The lines (and notes) of a draft or returned plan; the author only', params: idParams, body: s.planUpdateBody, response: { 200: s.planOut } },
    handler: async (req) => presentPlan(await plans.updatePlan(requestContext(req), req.params.id, req.body), requestContext(req).lang),
  });

  app.post('/api/visit-plans/:id/submit', {
    config: { policy: { ...record, resource: plan } },
    schema: { tags, summary: 'Submit (or resubmit after a return) to the supervisor; after the due day it is marked late', params: idParams, body: s.planSubmitBody, response: { 200: s.planOut } },
    handler: async (req) => presentPlan(await plans.submitPlan(requestContext(req), req.params.id, req.body), requestContext(req).lang),
  });
}
