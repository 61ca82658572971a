import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors, type FieldError } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import type { RequestContext } from '../../platform/permissions/actor';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { NotificationService, TodoItem, TodoProvider } from '../workflow/workflow.types';
import { type ProjectFilters, projectQueries as q } from './projects.queries';
import { type AcceptanceConclusion, type ChangeStatus, changeImpact, monitoring, planChanged, toFen } from './projects.rules';

export const CHANGE_TYPE = 'project_change';
const ENTITY = 'project';
const LANG = 'zh-CN' as const;
const projectPath = (id: number) => `/projects/${id}`;

export interface MemberInput {
  userId: number;
  role: string;
}
export interface ContactInput {
  name: string;
  position?: string | null;
  role: string;
}
export interface ProjectInput {
  customerId: number;
  title: string;
  goals: string;
  members: MemberInput[];
  contacts: ContactInput[];
}
export interface MilestoneInput {
  title: string;
  plannedStart: string;
  plannedEnd: string;
  /** Yuan, at most two decimals. */
  costPlanned: number;
}
export interface MilestoneUpdate extends Partial<MilestoneInput> {
  actualStart?: string | null;
  actualEnd?: string | null;
  costActual?: number;
  qualityNote?: string | null;
  version: number;
}
export interface ChangeInput {
  title: string;
  reason: string;
  milestones: { milestoneId: number; plannedStart: string; plannedEnd: string; costPlanned: number }[];
}

export interface ProjectDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  approvals: Pick<ApprovalService, 'submit'>;
  notifications: NotificationService;
}

function fen(field: string, yuan: number): number {
  const v = toFen(yuan);
  if (v === null) throw errors.field(field, 'projects.money');
  return v;
}
const notActive = () => new AppError('conflict', 'projects.not_active');

/**
 * Cooperation projects 合作项目 (docs/regulations.md §15): team and the customer's contacts, milestones the
 * customer confirms, tasks, progress meetings, monitoring, change requests through the approval engine,
 * the customer's acceptance and the closing review.
 */
export function createProjectService(deps: ProjectDeps) {
  const { db, audit, clock, approvals, notifications } = deps;
  const now = () => clock.now().toISOString();
  const today = () => shanghaiDate(clock.now());

  async function load(id: number, conn: Kysely<Database> = db) {
    const row = await q.get(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }
  async function loadActive(id: number, conn: Kysely<Database> = db) {
    const p = await load(id, conn);
    if (p.status !== 'active') throw notActive();
    return p;
  }

  async function checkMembers(conn: Kysely<Database>, members: MemberInput[]) {
    const active = await q.activeUserIds(conn, members.map((m) => m.userId));
    const problems: FieldError[] = [];
    members.forEach((m, i) => {
      if (!active.has(m.userId)) problems.push({ field: `members.${i}.userId`, message: 'projects.user_unknown' });
    });
    if (problems.length) throw errors.validation(problems);
  }

  function checkPeriod(start: string, end: string, field = 'plannedEnd') {
    if (end < start) throw errors.field(field, 'projects.period_reversed');
  }

  async function view(id: number, conn: Kysely<Database> = db) {
    const project = await load(id, conn);
    const [members, contacts, milestonesRaw, confirmations, tasks, meetings, changes, versions] = await Promise.all([
      q.members(conn, id),
      q.contacts(conn, id),
      q.milestones(conn, id),
      q.confirmations(conn, id),
      q.tasks(conn, id),
      q.meetings(conn, id),
      q.changes(conn, id),
      q.planVersions(conn, id),
    ]);
    const milestones = milestonesRaw.map((m) => ({ ...m, cost_planned_fen: Number(m.cost_planned_fen), cost_actual_fen: Number(m.cost_actual_fen) }));
    const day = today();
    return {
      project,
      members,
      contacts,
      milestones,
      confirmations,
      tasks,
      meetings,
      changes: changes.map((c) => ({ ...c, cost_fen: Number(c.cost_fen) })),
      planVersions: versions,
      monitoring: monitoring(milestones, day),
      today: day,
    };
  }

  const handler: DocumentTypeHandler = {
    type: CHANGE_TYPE,
    label: { 'zh-CN': '项目变更申请', 'zh-TW': '專案變更申請', en: 'Project change request' },
    // Approved by the applicant's department manager (docs/regulations.md §15, §18) until an administrator sets another chain.
    defaultChain: [
      { key: 'manager_approval', name: { 'zh-CN': '经理审批', 'zh-TW': '經理審批', en: 'Manager approval' }, approver: { kind: 'role', role: 'manager', within: 'department' } },
    ],
    async load(trx, id) {
      const c = await q.change(trx, id);
      if (!c) return undefined;
      return {
        applicantId: c.requested_by,
        departmentId: c.department_id,
        teamId: c.team_id,
        title: `${c.project_title}：${c.title}`,
        fields: { scheduleDays: c.schedule_days, cost: Number(c.cost_fen) / 100 },
        link: projectPath(c.project_id),
      };
    },
    async canView(conn, actor, id) {
      const c = await q.change(conn, id);
      return !!c && (await q.visible(conn, actor, c.project_id));
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const c = await q.change(trx, id);
      if (!c) return;
      const status: ChangeStatus = outcome === 'pending' ? 'pending' : outcome;
      const t0 = now();
      if (outcome !== 'approved') {
        await q.updateChange(trx, id, { status, updated_at: t0, ...(outcome === 'rejected' || outcome === 'withdrawn' ? { decided_at: t0 } : {}) });
        return;
      }
      // An approved change moves the schedule; the plan as it stood is kept as a version (§15).
      const project = await load(c.project_id, trx);
      const before = await q.milestones(trx, c.project_id);
      await q.insertPlanVersion(trx, {
        project_id: c.project_id,
        version_no: project.plan_version,
        change_id: id,
        milestones: JSON.stringify(
          before.map((m) => ({
            id: m.id,
            title: m.title,
            plannedStart: m.planned_start,
            plannedEnd: m.planned_end,
            costPlannedFen: Number(m.cost_planned_fen),
            confirmed: m.confirmation_id !== null,
          })),
        ),
        created_at: t0,
      });
      const impact = JSON.parse(c.impact) as { milestoneId: number; plannedStart: string; plannedEnd: string; costPlannedFen: number }[];
      for (const m of impact) {
        const old = before.find((b) => b.id === m.milestoneId);
        if (!old) continue;
        const next = { planned_start: m.plannedStart, planned_end: m.plannedEnd, cost_planned_fen: m.costPlannedFen };
        if (!planChanged({ ...old, cost_planned_fen: Number(old.cost_planned_fen) }, next)) continue;
        // the customer confirmed the old plan, not this one: it needs confirming again
        await q.updateMilestone(trx, m.milestoneId, { ...next, confirmation_id: null, version: old.version + 1, updated_at: t0 });
      }
      const planVersion = project.plan_version + 1;
      await q.updateProject(trx, c.project_id, { plan_version: planVersion, updated_at: t0 });
      await q.updateChange(trx, id, { status: 'approved', plan_version: planVersion, decided_at: t0, updated_at: t0 });
      await audit.record(trx, actorInfo(ctx), {
        action: 'change_applied',
        entityType: ENTITY,
        entityId: c.project_id,
        summary: c.title,
        changes: { planVersion: [project.plan_version, planVersion] },
      });
    },
  };

  const todoProvider: TodoProvider = {
    key: 'projects',
    async items(conn, actor, day): Promise<TodoItem[]> {
      return (await q.leadOverdue(conn, actor.id, day)).map((m) => ({
        kind: 'project_milestone_overdue',
        title: t(LANG, 'projects.todo.overdue', { project: m.project_title, milestone: m.title }),
        dueDate: m.planned_end,
        overdue: true,
        link: { type: ENTITY, id: m.project_id, path: projectPath(m.project_id) },
      }));
    },
  };

  return {
    handler,
    todoProvider,
    view,
    today,

    async list(ctx: RequestContext, f: ProjectFilters, p: { page: number; pageSize: number }) {
      const { rows, total } = await q.list(db, ctx.actor, f, p);
      return { total, items: rows };
    },

    async create(ctx: RequestContext, input: ProjectInput) {
      if (!(await q.visibleCustomer(db, ctx.actor, input.customerId))) throw errors.field('customerId', 'projects.customer_unknown');
      const members = dedupeMembers(input.members.filter((m) => m.userId !== ctx.actor.id));
      await checkMembers(db, members);
      const lead = await q.placement(db, ctx.actor.id);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const projectId = await q.insertProject(trx, {
          customer_id: input.customerId,
          title: input.title,
          goals: input.goals,
          status: 'active',
          lead_id: ctx.actor.id,
          team_id: lead?.team_id ?? null,
          department_id: lead?.department_id ?? null,
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await q.replaceMembers(trx, projectId, members);
        await q.replaceContacts(trx, projectId, input.contacts);
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: ENTITY, entityId: projectId, changes: { title: [null, input.title], customerId: [null, input.customerId] } });
        return projectId;
      });
      return view(id);
    },

    async update(ctx: RequestContext, id: number, input: { title?: string; goals?: string; members?: MemberInput[]; contacts?: ContactInput[]; version: number }) {
      const before = await load(id);
      if (before.status === 'closed') throw notActive();
      const members = input.members ? dedupeMembers(input.members.filter((m) => m.userId !== before.lead_id)) : undefined;
      if (members) await checkMembers(db, members);
      await db.transaction().execute(async (trx) => {
        const patch: Record<string, unknown> = {};
        if (input.title !== undefined) patch.title = input.title;
        if (input.goals !== undefined) patch.goals = input.goals;
        await updateVersioned(trx, 'projects', id, input.version, patch, now());
        if (members) await q.replaceMembers(trx, id, members);
        if (input.contacts) await q.replaceContacts(trx, id, input.contacts);
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: ENTITY, entityId: id, changes: { title: [before.title, input.title ?? before.title] } });
      });
      return view(id);
    },

    async addMilestone(ctx: RequestContext, id: number, input: MilestoneInput) {
      await loadActive(id);
      checkPeriod(input.plannedStart, input.plannedEnd);
      const cost = fen('costPlanned', input.costPlanned);
      const t0 = now();
      await db.transaction().execute(async (trx) => {
        const existing = await q.milestones(trx, id);
        const mid = await q.insertMilestone(trx, {
          project_id: id,
          title: input.title,
          planned_start: input.plannedStart,
          planned_end: input.plannedEnd,
          cost_planned_fen: cost,
          sort_order: existing.length,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'milestone_add', entityType: ENTITY, entityId: id, summary: input.title, changes: { milestoneId: [null, mid] } });
      });
      return view(id);
    },

    /**
     * Plan fields (title, planned dates, planned cost) changed after the customer's confirmation leave the
     * milestone unconfirmed until confirmed again (§15); progress (actuals, quality) does not.
     */
    async updateMilestone(ctx: RequestContext, id: number, milestoneId: number, input: MilestoneUpdate) {
      await loadActive(id);
      const before = await q.milestone(db, id, milestoneId);
      if (!before) throw errors.notFound();
      const plan = {
        title: input.title,
        planned_start: input.plannedStart,
        planned_end: input.plannedEnd,
        cost_planned_fen: input.costPlanned === undefined ? undefined : fen('costPlanned', input.costPlanned),
      };
      checkPeriod(plan.planned_start ?? before.planned_start, plan.planned_end ?? before.planned_end);
      if (input.actualStart && input.actualEnd) checkPeriod(input.actualStart, input.actualEnd, 'actualEnd');
      const day = today();
      if (input.actualEnd && input.actualEnd > day) throw errors.field('actualEnd', 'projects.in_future');
      if (input.actualStart && input.actualStart > day) throw errors.field('actualStart', 'projects.in_future');
      const replanned = planChanged({ ...before, cost_planned_fen: Number(before.cost_planned_fen) }, plan);
      const patch: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(plan)) if (v !== undefined) patch[k] = v;
      if (input.actualStart !== undefined) patch.actual_start = input.actualStart;
      if (input.actualEnd !== undefined) patch.actual_end = input.actualEnd;
      if (input.costActual !== undefined) patch.cost_actual_fen = fen('costActual', input.costActual);
      if (input.qualityNote !== undefined) patch.quality_note = input.qualityNote;
      if (replanned) patch.confirmation_id = null;
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'project_milestones', milestoneId, input.version, patch, now());
        await audit.record(trx, actorInfo(ctx), {
          action: 'milestone_update',
          entityType: ENTITY,
          entityId: id,
          summary: before.title,
          changes: {
            ...(replanned && before.confirmation_id !== null ? { confirmed: [true, false] } : {}),
            ...(plan.planned_end !== undefined ? { plannedEnd: [before.planned_end, plan.planned_end] } : {}),
          },
        });
      });
      return view(id);
    },

    /** The customer's confirmation of a milestone as it now stands: who on their side, when, how (§15). */
    async confirmMilestone(ctx: RequestContext, id: number, milestoneId: number, input: { confirmedBy: string; confirmedOn: string; method: string; note?: string | null; version: number }) {
      await loadActive(id);
      const m = await q.milestone(db, id, milestoneId);
      if (!m) throw errors.notFound();
      if (input.confirmedOn > today()) throw errors.field('confirmedOn', 'projects.in_future');
      await db.transaction().execute(async (trx) => {
        const cid = await q.insertConfirmation(trx, {
          milestone_id: milestoneId,
          confirmed_by: input.confirmedBy,
          confirmed_on: input.confirmedOn,
          method: input.method,
          note: input.note ?? null,
          planned_start: m.planned_start,
          planned_end: m.planned_end,
          recorded_by: ctx.actor.id,
          created_at: now(),
        });
        await updateVersioned(trx, 'project_milestones', milestoneId, input.version, { confirmation_id: cid }, now());
        await audit.record(trx, actorInfo(ctx), { action: 'milestone_confirm', entityType: ENTITY, entityId: id, summary: m.title, changes: { confirmedBy: [null, input.confirmedBy] } });
      });
      return view(id);
    },

    async addTask(ctx: RequestContext, id: number, input: { title: string; milestoneId?: number | null; assigneeId?: number | null; dueDate?: string | null }) {
      await loadActive(id);
      if (input.milestoneId && !(await q.milestone(db, id, input.milestoneId))) throw errors.field('milestoneId', 'projects.milestone_unknown');
      if (input.assigneeId && !(await q.activeUserIds(db, [input.assigneeId])).has(input.assigneeId)) throw errors.field('assigneeId', 'projects.user_unknown');
      const t0 = now();
      await db.transaction().execute(async (trx) => {
        await q.insertTask(trx, { project_id: id, milestone_id: input.milestoneId ?? null, title: input.title, assignee_id: input.assigneeId ?? null, due_date: input.dueDate ?? null, status: 'open', created_at: t0, updated_at: t0 });
        await audit.record(trx, actorInfo(ctx), { action: 'task_add', entityType: ENTITY, entityId: id, summary: input.title });
      });
      return view(id);
    },

    async setTaskStatus(ctx: RequestContext, id: number, taskId: number, input: { status: 'open' | 'done'; version: number }) {
      await loadActive(id);
      const task = await q.task(db, id, taskId);
      if (!task) throw errors.notFound();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'project_tasks', taskId, input.version, { status: input.status, done_at: input.status === 'done' ? now() : null }, now());
        await audit.record(trx, actorInfo(ctx), { action: 'task_status', entityType: ENTITY, entityId: id, summary: task.title, changes: { status: [task.status, input.status] } });
      });
      return view(id);
    },

    async addMeeting(ctx: RequestContext, id: number, input: { heldOn: string; attendees: string; minutes: string; decisions?: string | null }) {
      await load(id);
      if (input.heldOn > today()) throw errors.field('heldOn', 'projects.in_future');
      await db.transaction().execute(async (trx) => {
        await q.insertMeeting(trx, { project_id: id, held_on: input.heldOn, attendees: input.attendees, minutes: input.minutes, decisions: input.decisions ?? null, created_by: ctx.actor.id, created_at: now() });
        await audit.record(trx, actorInfo(ctx), { action: 'meeting_add', entityType: ENTITY, entityId: id, summary: input.heldOn });
      });
      return view(id);
    },

    /** A change request with its impact on schedule and cost, sent for approval at once (§15, §18). */
    async requestChange(ctx: RequestContext, id: number, input: ChangeInput) {
      await loadActive(id);
      const current = (await q.milestones(db, id)).map((m) => ({ ...m, cost_planned_fen: Number(m.cost_planned_fen) }));
      const problems: FieldError[] = [];
      const proposed = input.milestones.map((m, i) => {
        if (!current.some((c) => c.id === m.milestoneId)) problems.push({ field: `milestones.${i}.milestoneId`, message: 'projects.milestone_unknown' });
        if (m.plannedEnd < m.plannedStart) problems.push({ field: `milestones.${i}.plannedEnd`, message: 'projects.period_reversed' });
        const cost = toFen(m.costPlanned);
        if (cost === null) problems.push({ field: `milestones.${i}.costPlanned`, message: 'projects.money' });
        return { milestoneId: m.milestoneId, plannedStart: m.plannedStart, plannedEnd: m.plannedEnd, costPlannedFen: cost ?? 0 };
      });
      if (!proposed.length) problems.push({ field: 'milestones', message: 'projects.change_empty' });
      if (problems.length) throw errors.validation(problems);
      const impact = changeImpact(current, proposed);
      const me = await q.placement(db, ctx.actor.id);
      const t0 = now();
      const changeId = await db.transaction().execute(async (trx) => {
        const cid = await q.insertChange(trx, {
          project_id: id,
          title: input.title,
          reason: input.reason,
          impact: JSON.stringify(proposed),
          schedule_days: impact.scheduleDays,
          cost_fen: impact.costFen,
          status: 'pending',
          requested_by: ctx.actor.id,
          team_id: me?.team_id ?? null,
          department_id: me?.department_id ?? null,
          created_at: t0,
          updated_at: t0,
        });
        await approvals.submit(trx, ctx, CHANGE_TYPE, cid, null);
        await audit.record(trx, actorInfo(ctx), { action: 'change_request', entityType: ENTITY, entityId: id, summary: input.title, changes: { scheduleDays: [null, impact.scheduleDays], cost: [null, impact.costFen / 100] } });
        return cid;
      });
      return { changeId, view: await view(id) };
    },

    /** The customer's sign-off of the acceptance report (§15); a failed acceptance keeps the project running. */
    async accept(ctx: RequestContext, id: number, input: { signedBy: string; signedOn: string; conclusion: AcceptanceConclusion; note?: string | null; version: number }) {
      const p = await loadActive(id);
      if (input.signedOn > today()) throw errors.field('signedOn', 'projects.in_future');
      const status = input.conclusion === 'failed' ? 'active' : 'accepted';
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'projects', id, input.version, {
          status,
          acceptance_signed_by: input.signedBy,
          acceptance_signed_on: input.signedOn,
          acceptance_conclusion: input.conclusion,
          acceptance_note: input.note ?? null,
          acceptance_recorded_by: ctx.actor.id,
        }, now());
        await audit.record(trx, actorInfo(ctx), { action: 'accept', entityType: ENTITY, entityId: id, summary: input.conclusion, changes: { status: [p.status, status] } });
      });
      return view(id);
    },

    /** The closing review, only after the customer's acceptance (§15). */
    async close(ctx: RequestContext, id: number, input: { summary: string; lessons?: string | null; version: number }) {
      const p = await load(id);
      if (p.status !== 'accepted') throw new AppError('conflict', 'projects.not_accepted');
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'projects', id, input.version, { status: 'closed', review_summary: input.summary, review_lessons: input.lessons ?? null, closed_at: now(), closed_by: ctx.actor.id }, now());
        await audit.record(trx, actorInfo(ctx), { action: 'close', entityType: ENTITY, entityId: id, changes: { status: [p.status, 'closed'] } });
      });
      return view(id);
    },

    /**
     * Notifies the lead of each milestone past its planned end (§15): under a lease, and each notice claimed in
     * its own transaction, so two processes send it once; a milestone moved by a change is noticed again when late again.
     */
    async runOverdue(leases: Leases, leaseMs: number): Promise<number | null> {
      if (!(await leases.acquire('projects.overdue', leaseMs))) return null;
      let sent = 0;
      for (const m of await q.overdueToNotify(db, today())) {
        const ok = await db.transaction().execute(async (trx) => {
          if (!(await q.claimOverdue(trx, m.id, m.planned_end))) return false;
          await notifications.notify(trx, {
            userIds: [m.lead_id],
            kind: 'project.milestone_overdue',
            titleKey: 'projects.notice.overdue',
            params: { project: m.project_title, milestone: m.title, date: m.planned_end },
            link: { type: ENTITY, id: m.project_id, path: projectPath(m.project_id) },
          });
          return true;
        });
        if (ok) sent++;
      }
      return sent;
    },

    moveCustomer: (trx: Kysely<Database>, fromId: number, toId: number) => q.moveCustomer(trx, fromId, toId),
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;

function dedupeMembers(ms: MemberInput[]) {
  const seen = new Set<number>();
  return ms.filter((m) => (seen.has(m.userId) ? false : (seen.add(m.userId), true)));
}
