import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import { isOverdue, slipDays, toYuan } from './projects.rules';
import {
  acceptBody,
  changeBody,
  closeBody,
  confirmBody,
  createProjectBody,
  itemParams,
  listQuery,
  meetingBody,
  milestoneBody,
  milestoneUpdateBody,
  projectOut,
  projectSummaryOut,
  taskBody,
  taskStatusBody,
  updateProjectBody,
} from './projects.schemas';
import type { ProjectService } from './projects.service';

type Svc = ProjectService;
type View = Awaited<ReturnType<Svc['view']>>;
type Row = Awaited<ReturnType<Svc['list']>>['items'][number];

const presentSummary = (p: Row | View['project']): z.infer<typeof projectSummaryOut> => ({
  id: p.id,
  title: p.title,
  status: p.status,
  customerId: p.customer_id,
  customerName: p.customer_name ?? null,
  leadId: p.lead_id,
  leadName: p.lead_name ?? null,
  planVersion: p.plan_version,
  createdAt: p.created_at,
  version: p.version,
});

type PlanItem = { milestoneId: number; plannedStart: string; plannedEnd: string; costPlannedFen: number };
type SnapItem = { id: number; title: string; plannedStart: string; plannedEnd: string; costPlannedFen: number; confirmed: boolean };

function present(v: View): z.infer<typeof projectOut> {
  const p = v.project;
  const confirmedOnce = new Set(v.confirmations.map((c) => c.milestone_id));
  return {
    ...presentSummary(p),
    goals: p.goals,
    teamId: p.team_id,
    members: v.members.map((m) => ({ userId: m.user_id, name: m.display_name, role: m.role })),
    contacts: v.contacts.map((c) => ({ name: c.name, position: c.position, role: c.role })),
    milestones: v.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      plannedStart: m.planned_start,
      plannedEnd: m.planned_end,
      actualStart: m.actual_start,
      actualEnd: m.actual_end,
      costPlanned: toYuan(m.cost_planned_fen),
      costActual: toYuan(m.cost_actual_fen),
      qualityNote: m.quality_note,
      confirmed: m.confirmation_id !== null,
      reconfirmNeeded: m.confirmation_id === null && confirmedOnce.has(m.id),
      confirmation: m.confirmation_id !== null && m.confirmed_by ? { confirmedBy: m.confirmed_by, confirmedOn: m.confirmed_on!, method: m.confirm_method! } : null,
      overdue: p.status === 'active' && isOverdue(m, v.today),
      slipDays: slipDays(m, v.today),
      version: m.version,
    })),
    confirmations: v.confirmations.map((c) => ({
      milestoneId: c.milestone_id,
      confirmedBy: c.confirmed_by,
      confirmedOn: c.confirmed_on,
      method: c.method,
      plannedStart: c.planned_start,
      plannedEnd: c.planned_end,
      recordedByName: c.recorded_by_name ?? null,
    })),
    tasks: v.tasks.map((t) => ({ id: t.id, milestoneId: t.milestone_id, title: t.title, assigneeId: t.assignee_id, assigneeName: t.assignee_name ?? null, dueDate: t.due_date, status: t.status, version: t.version })),
    meetings: v.meetings.map((m) => ({ id: m.id, heldOn: m.held_on, attendees: m.attendees, minutes: m.minutes, decisions: m.decisions, authorName: m.author_name ?? null })),
    changes: v.changes.map((c) => ({
      id: c.id,
      title: c.title,
      reason: c.reason,
      status: c.status,
      scheduleDays: c.schedule_days,
      cost: toYuan(c.cost_fen),
      milestones: (JSON.parse(c.impact) as PlanItem[]).map((i) => ({ milestoneId: i.milestoneId, plannedStart: i.plannedStart, plannedEnd: i.plannedEnd, costPlanned: toYuan(i.costPlannedFen) })),
      requestedByName: c.requested_by_name ?? null,
      planVersion: c.plan_version,
      createdAt: c.created_at,
      decidedAt: c.decided_at,
    })),
    planVersions: v.planVersions.map((pv) => ({
      versionNo: pv.version_no,
      changeId: pv.change_id,
      createdAt: pv.created_at,
      milestones: (JSON.parse(pv.milestones) as SnapItem[]).map((s) => ({ id: s.id, title: s.title, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, costPlanned: toYuan(s.costPlannedFen), confirmed: s.confirmed })),
    })),
    monitoring: {
      milestones: v.monitoring.milestones,
      done: v.monitoring.done,
      overdue: p.status === 'active' ? v.monitoring.overdue : 0,
      unconfirmed: v.monitoring.unconfirmed,
      costPlanned: toYuan(v.monitoring.costPlannedFen),
      costActual: toYuan(v.monitoring.costActualFen),
      costVariance: toYuan(v.monitoring.costVarianceFen),
      maxSlipDays: v.monitoring.maxSlipDays,
    },
    acceptance: p.acceptance_signed_by
      ? { signedBy: p.acceptance_signed_by, signedOn: p.acceptance_signed_on ?? '', conclusion: p.acceptance_conclusion ?? '', note: p.acceptance_note }
      : null,
    review: p.review_summary ? { summary: p.review_summary, lessons: p.review_lessons, closedAt: p.closed_at, closedByName: p.closed_by_name ?? null } : null,
    today: v.today,
  };
}

/** Cooperation projects 合作项目 (docs/regulations.md §15); change-request decisions go through /api/approvals. */
export async function projectRoutes(root: FastifyInstance, deps: { projects: Svc }) {
  const { projects: svc } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['cooperation projects 合作项目'];
  const resource = { type: 'project' as const };
  const read = { capability: 'projects.read', resource };
  const manage = { capability: 'projects.manage', resource };
  const out = { 200: projectOut };

  app.get('/api/projects', {
    config: { policy: { capability: 'projects.read' } },
    schema: { tags, querystring: listQuery, response: { 200: page(projectSummaryOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const { items, total } = await svc.list(requestContext(req), f, { page: p, pageSize });
      return { items: items.map(presentSummary), total, page: p, pageSize };
    },
  });
  app.post('/api/projects', {
    config: { policy: { capability: 'projects.manage' } },
    schema: { tags, body: createProjectBody, response: { 201: projectOut } },
    handler: async (req, reply) => reply.status(201).send(present(await svc.create(requestContext(req), req.body))),
  });
  app.get('/api/projects/:id', {
    config: { policy: read },
    schema: { tags, params: idParams, response: out },
    handler: async (req) => present(await svc.view(req.params.id)),
  });
  app.put('/api/projects/:id', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: updateProjectBody, response: out },
    handler: async (req) => present(await svc.update(requestContext(req), req.params.id, req.body)),
  });
  app.post('/api/projects/:id/milestones', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: milestoneBody, response: { 201: projectOut } },
    handler: async (req, reply) => reply.status(201).send(present(await svc.addMilestone(requestContext(req), req.params.id, req.body))),
  });
  app.put('/api/projects/:id/milestones/:itemId', {
    config: { policy: manage },
    schema: { tags, params: itemParams, body: milestoneUpdateBody, response: out },
    handler: async (req) => present(await svc.updateMilestone(requestContext(req), req.params.id, req.params.itemId, req.body)),
  });
  app.post('/api/projects/:id/milestones/:itemId/confirm', {
    config: { policy: manage },
    schema: { tags, params: itemParams, body: confirmBody, response: out },
    handler: async (req) => present(await svc.confirmMilestone(requestContext(req), req.params.id, req.params.itemId, req.body)),
  });
  app.post('/api/projects/:id/tasks', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: taskBody, response: { 201: projectOut } },
    handler: async (req, reply) => reply.status(201).send(present(await svc.addTask(requestContext(req), req.params.id, req.body))),
  });
  app.put('/api/projects/:id/tasks/:itemId', {
    config: { policy: manage },
    schema: { tags, params: itemParams, body: taskStatusBody, response: out },
    handler: async (req) => present(await svc.setTaskStatus(requestContext(req), req.params.id, req.params.itemId, req.body)),
  });
  app.post('/api/projects/:id/meetings', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: meetingBody, response: { 201: projectOut } },
    handler: async (req, reply) => reply.status(201).send(present(await svc.addMeeting(requestContext(req), req.params.id, req.body))),
  });
  app.post('/api/projects/:id/changes', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: changeBody, response: { 201: z.object({ changeId: z.number(), project: projectOut }) } },
    handler: async (req, reply) => {
      const { changeId, view } = await svc.requestChange(requestContext(req), req.params.id, req.body);
      return reply.status(201).send({ changeId, project: present(view) });
    },
  });
  app.post('/api/projects/:id/acceptance', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: acceptBody, response: out },
    handler: async (req) => present(await svc.accept(requestContext(req), req.params.id, req.body)),
  });
  app.post('/api/projects/:id/close', {
    config: { policy: manage },
    schema: { tags, params: idParams, body: closeBody, response: out },
    handler: async (req) => present(await svc.close(requestContext(req), req.params.id, req.body)),
  });
}
