import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditActorInfo, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import type { RateLimiter } from '../../platform/auth/rate-limit';
import { addWorkingDays, type CalendarData } from '../../platform/calendar/calendar.rules';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import { AppError, errors } from '../../platform/http/errors';
import { LANGS, type Lang, t } from '../../platform/http/i18n';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { roleCapabilities, type Capability } from '../../platform/permissions/roles';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { NotificationService, ReminderService, TodoItem, TodoProvider } from '../workflow/workflow.types';
import { type ComplaintFilters, type ComplaintRow, type ComplaintSort, type Q, asQ, complaintQueries as q } from './complaints.queries';
import {
  type ComplaintAction,
  type ComplaintState,
  type ComplaintStatus,
  type Severity,
  MAX_TOTAL_WORKING_DAYS,
  allowedByState,
  checkExtension,
  closeRefusal,
  dueDate,
  formatComplaintNo,
  normaliseComplaintNo,
  parseCategories,
  phoneDigits,
  phoneMatches,
  reminderPlan,
  resolutionDays,
  resolutionDue,
} from './complaints.rules';
import type { IntakeBody, UpdateBody } from './complaints.schemas';

export interface ComplaintDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  calendar: CalendarService;
  approvals: ApprovalService;
  notifications: NotificationService;
  reminders: ReminderService;
  rateLimiter: RateLimiter;
}

/** Who did something: a signed-in person, the customer on the public page, or the system (jobs). */
interface Who {
  id: number | null;
  name: string | null;
  audit: AuditActorInfo;
}
const whoOf = (ctx: RequestContext): Who => ({ id: ctx.actor.id, name: ctx.actor.displayName, audit: actorInfo(ctx) });
const customerWho = (ip: string | null, requestId: string | null): Who => ({ id: null, name: null, audit: { actorId: null, actorName: null, ip, requestId } });

const OPEN: readonly ComplaintStatus[] = ['received', 'processing', 'opinion_pending', 'opinion_approved'];
const DEADLINES = ['contact', 'resolve'] as const;
const STAGES = ['remind', 'breach', 'escalate'] as const;
const langOf = (locale: string | null | undefined): Lang => ((LANGS as string[]).includes(locale ?? '') ? (locale as Lang) : 'zh-CN');
const link = (id: number) => ({ type: 'complaint', id, path: `/complaints/${id}` });
const reminderKey = (id: number, deadline: string, stage: string, lang: Lang) => `complaint:${id}:${deadline}:${stage}:${lang}`;
const rectificationKey = (id: number, lang: Lang) => `complaint-rectification:${id}:due:${lang}`;
/** Rate-limit keys carry no phone number in clear. */
const phoneKey = (digits: string) => `complaint-public-phone:${crypto.createHash('sha256').update(`gx-complaint:${digits}`).digest('hex').slice(0, 32)}`;
const HOUR = 3600;

/** The recipient, anyone of the department at fault who handles complaints, or a complaint lead may reply to a notice. */
function mayReply(actor: Actor, r: { recipient_id: number | null; department_id: number | null; status: string }): boolean {
  if (r.status !== 'open') return false;
  const ofDepartment = actor.capabilities.has('complaints.handle') && actor.departmentId !== null && actor.departmentId === r.department_id;
  return r.recipient_id === actor.id || ofDepartment || actor.capabilities.has('complaints.assign');
}

export function createComplaintService(deps: ComplaintDeps) {
  const { audit, clock, settings, calendar, approvals, notifications, reminders, rateLimiter } = deps;
  const db = asQ(deps.db);
  const now = () => clock.now();

  async function cfg(conn: Q) {
    const v = await settings.values(conn as unknown as Kysely<Database>);
    return {
      firstContactDays: Number(v['complaints.firstContactWorkingDays']),
      seriousDays: Number(v['complaints.seriousResolutionWorkingDays']),
      categories: parseCategories(String(v['complaints.categories'] ?? '')),
      escalateDays: Number(v['complaints.managerEscalationWorkingDays']),
      rectificationDays: Number(v['complaints.rectificationWorkingDays']),
      reminderHour: Number(v['notifications.reminderHour']),
      perIp: Number(v['complaints.publicPerIpPerHour']),
      perPhone: Number(v['complaints.publicPerPhonePerHour']),
    };
  }
  const cal = (conn: Q): Promise<CalendarData> => calendar.data(conn as unknown as Kysely<Database>);

  async function get(id: number, conn: Q = db): Promise<ComplaintRow> {
    const row = await q.get(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  async function stateOf(conn: Q, c: ComplaintRow): Promise<ComplaintState> {
    const [opinion, pendingExt, meeting] = await Promise.all([q.latestOpinion(conn, c.id, c.cycle), q.hasPendingExtension(conn, c.id), q.meeting(conn, c.id)]);
    return {
      status: c.status as ComplaintStatus,
      severity: c.severity as Severity,
      firstContacted: !!c.first_contacted_at,
      hasHandler: c.handler_id !== null,
      opinionStatus: (opinion && opinion.status !== 'draft' ? opinion.status : null) as ComplaintState['opinionStatus'],
      extensionPending: pendingExt,
      meetingDecided: meeting?.status === 'decided',
    };
  }

  function statusLabel(lang: Lang, status: string) {
    return t(lang, `complaint.status.${status}`);
  }
  function wrongStatus(lang: Lang, status: string) {
    const label = statusLabel(lang, status);
    return new AppError('conflict', 'complaint.wrong_status', [{ field: 'status', message: 'complaint.wrong_status', params: { status: label } }], { status: label });
  }

  /** What the caller may do with this complaint now: the state's options narrowed by role and by being its handler. */
  function permitted(actor: Actor, c: ComplaintRow, state: ComplaintState): Record<ComplaintAction, boolean> {
    const allowed = allowedByState(state);
    const has = (cap: Capability) => actor.capabilities.has(cap);
    const isHandler = c.handler_id === actor.id;
    const lead = has('complaints.assign');
    const handles = has('complaints.handle') && (isHandler || lead);
    const out = {} as Record<ComplaintAction, boolean>;
    for (const a of ['edit', 'contact', 'note', 'tell', 'confirm', 'reopen', 'extend', 'rectify'] as const) out[a] = allowed.has(a) && handles;
    out.assign = allowed.has('assign') && lead;
    out.opinion = allowed.has('opinion') && isHandler && has('complaints.handle');
    out.meeting = allowed.has('meeting') && has('complaints.meeting');
    return out;
  }

  /** Refuses an action the state does not allow (409) or the caller may not take on this complaint (403). */
  async function require(conn: Q, ctx: RequestContext, c: ComplaintRow, action: ComplaintAction) {
    const state = await stateOf(conn, c);
    if (!allowedByState(state).has(action)) {
      if (action === 'confirm') {
        const why = closeRefusal(state);
        if (why === 'complaint.meeting_required') throw errors.conflict(why, 'meeting');
      }
      if (action === 'extend' && state.extensionPending) throw errors.conflict('complaint.extension_pending', 'days');
      if (action === 'opinion' && !state.hasHandler) throw errors.field('handlerId', 'complaint.not_handler');
      throw wrongStatus(ctx.lang, c.status);
    }
    if (!permitted(ctx.actor, c, state)[action]) throw errors.forbidden(action === 'opinion' ? 'complaint.not_handler' : 'complaint.not_handling');
    return state;
  }

  async function event(conn: Q, c: { id: number; cycle: number }, kind: string, who: Who | null, note: string | null = null, pub = false) {
    await q.insertEvent(conn, { complaint_id: c.id, cycle: c.cycle, kind, note, public: pub ? 1 : 0, actor_id: who?.id ?? null, actor_name: who?.name ?? null, at: now().toISOString() });
  }

  /** Sends one notification per interface language of the recipients (inactive users are skipped by notify). */
  async function notifyUsers(conn: Q, userIds: (number | null | undefined)[], kind: string, text: (lang: Lang) => string, target = link(0)) {
    const ids = [...new Set(userIds.filter((x): x is number => typeof x === 'number'))];
    if (!ids.length) return;
    const people = await q.users(conn, ids);
    for (const lang of LANGS) {
      const to = people.filter((p) => p.active && langOf(p.locale) === lang).map((p) => p.id);
      if (to.length) await notifications.notify(conn as unknown as Kysely<Database>, { userIds: to, kind, title: text(lang), link: target });
    }
  }

  async function managers(conn: Q) {
    return (await q.roleHolders(conn, 'manager')).map((m) => m.id);
  }

  /**
   * (Re)schedules the reminders of a complaint's open deadlines (issue 5 §5): the handler on the due day,
   * the team's supervisor when the deadline passes, the managers some working days later. Called after
   * every change of state, handler or deadline; met deadlines lose their reminders.
   */
  async function arm(conn: Q, id: number) {
    for (const d of DEADLINES) for (const s of STAGES) for (const l of LANGS) await reminders.cancel(conn as unknown as Kysely<Database>, reminderKey(id, d, s, l));
    const c = await q.get(conn, id);
    if (!c || c.status === 'closed') return;
    const [s, calendarData] = await Promise.all([cfg(conn), cal(conn)]);
    const plan = reminderPlan({
      status: c.status as ComplaintStatus,
      firstContacted: !!c.first_contacted_at,
      firstContactDue: c.first_contact_due,
      firstContactEscalateDue: dueDate(calendarData, c.first_contact_due, s.escalateDays),
      resolutionDue: c.resolution_due,
      resolutionEscalateDue: dueDate(calendarData, c.resolution_due, s.escalateDays),
      reminderHour: s.reminderHour,
      now: now(),
    });
    if (!plan.length) return;
    const mgrs = await managers(conn);
    const supervisor = await q.teamSupervisor(conn, c.team_id);
    const audienceOf = (a: 'handler' | 'supervisor' | 'manager') =>
      a === 'handler' ? (c.handler_id ? [c.handler_id] : mgrs) : a === 'supervisor' ? (supervisor ? [supervisor, c.handler_id] : [...mgrs, c.handler_id]) : mgrs;
    for (const p of plan) {
      const ids = [...new Set(audienceOf(p.audience).filter((x): x is number => typeof x === 'number'))];
      if (!ids.length) continue;
      const people = (await q.users(conn, ids)).filter((u) => u.active);
      for (const lang of LANGS) {
        const to = people.filter((u) => langOf(u.locale) === lang).map((u) => u.id);
        if (!to.length) continue;
        await reminders.schedule(conn as unknown as Kysely<Database>, {
          key: reminderKey(id, p.deadline, p.stage, lang),
          dueAt: p.at,
          notification: {
            userIds: to,
            kind: `complaint.${p.deadline}.${p.stage}`,
            title: t(lang, `complaint.notify.${p.deadline}_${p.stage}`, { no: c.complaint_no, due: p.dueDate, handler: c.handler_name ?? '—' }),
            link: link(id),
          },
        });
      }
    }
  }

  async function breach(conn: Q, c: ComplaintRow, kind: 'first_contact' | 'resolution', due: string) {
    const fresh = await q.insertBreach(conn, { complaint_id: c.id, cycle: c.cycle, kind, due_date: due, handler_id: c.handler_id, team_id: c.team_id, department_id: c.department_id, recorded_at: now().toISOString() });
    if (fresh) await event(conn, c, `breach.${kind}`, null, due);
  }

  /** The handler's team and department become the complaint's (data scope, docs/regulations.md §1). */
  async function assertHandler(conn: Q, actor: Actor | null, handlerId: number) {
    const user = await q.user(conn, handlerId);
    if (!user || !user.active) throw errors.field('handlerId', 'complaint.handler_invalid');
    const roles = await q.rolesOf(conn, handlerId);
    if (!roles.some((r) => roleCapabilities(r).includes('complaints.handle'))) throw errors.field('handlerId', 'complaint.handler_invalid');
    if (actor && actor.scope !== 'all' && handlerId !== actor.id && !(await q.userInScope(conn, actor, handlerId))) throw errors.field('handlerId', 'complaint.handler_invalid');
    return user;
  }

  async function assertCustomer(conn: Q, actor: Actor, customerId: number) {
    const c = await q.customerInScope(conn, actor, customerId);
    if (!c) throw errors.field('customerId', 'complaint.customer_not_found');
    return c;
  }

  async function assertDepartment(conn: Q, field: string, departmentId: number) {
    const d = await q.department(conn, departmentId);
    if (!d) throw errors.field(field, 'complaint.department_not_found');
    return d;
  }

  async function nextNumber(conn: Q, receivedDate: string) {
    const year = Number(receivedDate.slice(0, 4));
    return formatComplaintNo(year, await q.nextNo(conn, year));
  }

  /** Opens the 经理办公会 item of a serious complaint and tells its members and the managers (§10). */
  async function openMeeting(conn: Q, c: ComplaintRow) {
    await q.openMeeting(conn, c.id, now().toISOString());
    const members = await q.groupMembers(conn, 'management_meeting');
    await notifyUsers(conn, [...members, ...(await managers(conn))], 'complaint.meeting', (lang) => t(lang, 'complaint.notify.meeting', { no: c.complaint_no, category: c.category }), link(c.id));
  }

  /** Records a complaint (staff or the public page) and arms its deadlines. */
  async function intake(
    who: Who,
    input: IntakeBody & { viaPublic: boolean; createdBy: number | null },
    checks: (trx: Q) => Promise<{ handler: Awaited<ReturnType<typeof assertHandler>> | null }>,
  ): Promise<number> {
    const at = input.receivedAt ? new Date(input.receivedAt) : now();
    if (at.getTime() > now().getTime() + 60_000) throw errors.field('receivedAt', 'complaint.received_in_future');
    return db.transaction().execute(async (trx) => {
      const s = await cfg(trx);
      if (!s.categories.includes(input.category)) throw errors.field('category', 'complaint.category_unknown');
      const { handler } = await checks(trx);
      const calendarData = await cal(trx);
      const receivedDate = shanghaiDate(at);
      const days = resolutionDays(input.severity, s.seriousDays);
      const t0 = now().toISOString();
      const complaintNo = await nextNumber(trx, receivedDate);
      const id = await q.insert(trx, {
        complaint_no: complaintNo,
        channel: input.channel,
        via_public: input.viaPublic ? 1 : 0,
        received_at: at.toISOString(),
        received_date: receivedDate,
        customer_id: input.customerId ?? null,
        complainant_name: input.complainantName,
        complainant_phone: input.complainantPhone ?? null,
        complainant_phone_digits: phoneDigits(input.complainantPhone),
        complainant_company: input.complainantCompany ?? null,
        complainant_email: input.complainantEmail ?? null,
        content: input.content,
        category: input.category,
        severity: input.severity,
        handler_id: handler?.id ?? null,
        team_id: handler?.team_id ?? null,
        department_id: handler?.department_id ?? null,
        fault_department_id: input.faultDepartmentId ?? null,
        status: 'received',
        cycle: 1,
        cycle_start_date: receivedDate,
        first_contact_due: dueDate(calendarData, receivedDate, s.firstContactDays),
        resolution_days: days,
        resolution_due: dueDate(calendarData, receivedDate, days),
        created_by: input.createdBy,
        created_at: t0,
        updated_at: t0,
      });
      const c = await get(id, trx);
      await event(trx, c, 'received', who, null, true);
      if (handler) await event(trx, c, 'assigned', who, handler.display_name);
      await audit.record(trx as unknown as Kysely<Database>, who.audit, {
        action: 'create',
        entityType: 'complaint',
        entityId: id,
        summary: complaintNo,
        changes: {
          channel: [null, input.channel],
          category: [null, input.category],
          severity: [null, input.severity],
          customerId: [null, input.customerId ?? null],
          handlerId: [null, handler?.id ?? null],
          viaPublic: [null, input.viaPublic],
        },
      });
      if (input.severity === 'serious') await openMeeting(trx, c);
      if (handler && handler.id !== who.id) {
        await notifyUsers(trx, [handler.id], 'complaint.assigned', (lang) => t(lang, 'complaint.notify.assigned', { no: complaintNo, category: c.category, contact: c.first_contact_due, due: c.resolution_due }), link(id));
      }
      if (!handler) await notifyUsers(trx, await managers(trx), 'complaint.new', (lang) => t(lang, 'complaint.notify.new', { no: complaintNo, category: c.category }), link(id));
      await arm(trx, id);
      return id;
    });
  }

  /** A complaint by its number and phone, or the same 404 whichever of the two is wrong. */
  async function byNumberAndPhone(conn: Q, number: string, phone: string) {
    const c = await q.byNo(conn, normaliseComplaintNo(number));
    if (!c || !phoneMatches(c.complainant_phone_digits, phone)) throw errors.notFound();
    return c;
  }

  async function confirmIn(trx: Q, c: ComplaintRow, who: Who, via: 'customer' | 'staff', score: number, note: string | null, lang: Lang) {
    const state = await stateOf(trx, c);
    const why = closeRefusal(state);
    if (why === 'complaint.meeting_required') throw errors.conflict(why, 'meeting');
    if (why) throw wrongStatus(lang, c.status);
    const at = now().toISOString();
    await q.patch(trx, c.id, { status: 'closed', closed_at: at, satisfaction_score: score }, at);
    await q.satisfaction(trx, { complaint_id: c.id, cycle: c.cycle, customer_id: c.customer_id, handler_id: c.handler_id, score, via, at });
    await event(trx, c, 'confirmed', who, note ? `${score} · ${note}` : String(score), true);
    await audit.record(trx as unknown as Kysely<Database>, who.audit, { action: 'close', entityType: 'complaint', entityId: c.id, summary: c.complaint_no, changes: { status: [c.status, 'closed'], satisfactionScore: [null, score], via: [null, via] } });
    if (via === 'customer') await notifyUsers(trx, [c.handler_id], 'complaint.confirmed', (l) => t(l, 'complaint.notify.confirmed', { no: c.complaint_no, score }), link(c.id));
    await arm(trx, c.id);
  }

  async function reopenIn(trx: Q, c: ComplaintRow, who: Who, reason: string, lang: Lang) {
    if (c.status !== 'told' && c.status !== 'closed') throw wrongStatus(lang, c.status);
    const s = await cfg(trx);
    const today = shanghaiDate(now());
    const days = resolutionDays(c.severity as Severity, s.seriousDays);
    const due = dueDate(await cal(trx), today, days);
    const at = now().toISOString();
    await q.patch(trx, c.id, { status: 'processing', cycle: c.cycle + 1, cycle_start_date: today, resolution_days: days, extension_days: 0, resolution_due: due, told_at: null, told_method: null, told_note: null, closed_at: null, satisfaction_score: null }, at);
    await event(trx, { id: c.id, cycle: c.cycle + 1 }, 'reopened', who, reason, true);
    await audit.record(trx as unknown as Kysely<Database>, who.audit, { action: 'reopen', entityType: 'complaint', entityId: c.id, summary: c.complaint_no, changes: { status: [c.status, 'processing'], cycle: [c.cycle, c.cycle + 1], resolutionDue: [c.resolution_due, due] } });
    const supervisor = await q.teamSupervisor(trx, c.team_id);
    await notifyUsers(trx, c.handler_id ? [c.handler_id, supervisor] : await managers(trx), 'complaint.reopened', (l) => t(l, 'complaint.notify.reopened', { no: c.complaint_no, due }), link(c.id));
    await arm(trx, c.id);
  }

  // ── Approval documents ─────────────────────────────────────────────────────

  /** 处理意见 → the supervising leader (chain 'complaint_opinion', docs/regulations.md §18). */
  const opinionHandler: DocumentTypeHandler = {
    type: 'complaint_opinion',
    label: { 'zh-CN': '投诉处理意见', 'zh-TW': '投訴處理意見', en: 'Complaint handling opinion' },
    async load(trx, id) {
      const o = await q.opinion(asQ(trx), id);
      if (!o) return undefined;
      const c = await get(o.complaint_id, asQ(trx));
      return {
        applicantId: o.drafted_by,
        departmentId: o.department_id,
        teamId: o.team_id,
        title: t('zh-CN', 'complaint.approval.opinion_title', { no: c.complaint_no, category: c.category }),
        fields: { severity: c.severity, category: c.category, cycle: o.cycle },
        link: `/complaints/${c.id}`,
      };
    },
    async canView(trx, actor, id) {
      const o = await q.opinion(asQ(trx), id);
      return !!o && (await q.visible(asQ(trx), actor, o.complaint_id));
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const conn = asQ(trx);
      const o = (await q.opinion(conn, id))!;
      const at = now().toISOString();
      const decided = outcome === 'approved' || outcome === 'rejected';
      await q.setOpinion(conn, id, { status: outcome, ...(decided ? { decided_at: at } : {}) }, at);
      const c = await get(o.complaint_id, conn);
      if (c.cycle !== o.cycle || !OPEN.includes(c.status as ComplaintStatus)) return;
      const next: ComplaintStatus = outcome === 'pending' ? 'opinion_pending' : outcome === 'approved' ? 'opinion_approved' : 'processing';
      if (next !== c.status) await q.patch(conn, c.id, { status: next }, at);
      await event(conn, c, `opinion.${outcome}`, whoOf(ctx), outcome === 'pending' ? o.content : null);
      await audit.record(trx, actorInfo(ctx), { action: `opinion.${outcome}`, entityType: 'complaint', entityId: c.id, summary: c.complaint_no, changes: { status: [c.status, next] } });
    },
  };

  /** 延期 → leaders (chain 'complaint_extension'); an approved extension moves the resolution deadline. */
  const extensionHandler: DocumentTypeHandler = {
    type: 'complaint_extension',
    label: { 'zh-CN': '投诉处理延期', 'zh-TW': '投訴處理延期', en: 'Complaint deadline extension' },
    async load(trx, id) {
      const e = await q.extension(asQ(trx), id);
      if (!e) return undefined;
      const c = await get(e.complaint_id, asQ(trx));
      return {
        applicantId: e.requested_by,
        departmentId: e.department_id,
        teamId: e.team_id,
        title: t('zh-CN', 'complaint.approval.extension_title', { no: c.complaint_no, days: e.days }),
        fields: { days: e.days, totalDays: c.resolution_days + c.extension_days + e.days, severity: c.severity },
        link: `/complaints/${c.id}`,
      };
    },
    async canView(trx, actor, id) {
      const e = await q.extension(asQ(trx), id);
      return !!e && (await q.visible(asQ(trx), actor, e.complaint_id));
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const conn = asQ(trx);
      const e = (await q.extension(conn, id))!;
      const c = await get(e.complaint_id, conn);
      const at = now().toISOString();
      if (outcome !== 'approved') {
        await q.setExtension(conn, id, { status: outcome, ...(outcome === 'rejected' ? { decided_at: at } : {}) }, at);
        if (outcome !== 'pending') await event(conn, c, `extension.${outcome}`, whoOf(ctx), String(e.days));
        return;
      }
      // Applies to the cycle it was asked for while that is still open; the 7-day ceiling holds whatever happened meanwhile.
      let dueAfter: string | null = null;
      if (c.cycle === e.cycle && OPEN.includes(c.status as ComplaintStatus) && !checkExtension({ baseDays: c.resolution_days, approvedDays: c.extension_days, requestedDays: e.days })) {
        const total = c.extension_days + e.days;
        dueAfter = resolutionDue(await cal(conn), c.cycle_start_date, c.resolution_days, total);
        await q.patch(conn, c.id, { extension_days: total, resolution_due: dueAfter }, at);
        await arm(conn, c.id);
      }
      await q.setExtension(conn, id, { status: 'approved', decided_at: at, due_after: dueAfter }, at);
      await event(conn, c, 'extension.approved', whoOf(ctx), dueAfter, !!dueAfter);
      await audit.record(trx, actorInfo(ctx), { action: 'extension.approved', entityType: 'complaint', entityId: c.id, summary: c.complaint_no, changes: { resolutionDue: [c.resolution_due, dueAfter ?? c.resolution_due] } });
    },
  };

  // ── To-do home page ─────────────────────────────────────────────────────────

  const todoProvider: TodoProvider = {
    key: 'complaints',
    async items(conn0, actor, today): Promise<TodoItem[]> {
      const conn = asQ(conn0);
      const me = await q.user(conn, actor.id);
      const lang = langOf(me?.locale);
      const out: TodoItem[] = [];
      if (actor.capabilities.has('complaints.handle')) {
        const calendarData = await cal(conn);
        // "Near" = due by the end of the next working day.
        const soon = addWorkingDays(calendarData, today, 1).date;
        for (const c of await q.openOfHandler(conn, actor.id)) {
          if (c.status === 'opinion_approved') {
            out.push({ kind: 'complaint', title: t(lang, 'complaint.todo.tell', { no: c.complaint_no }), dueDate: c.resolution_due, overdue: c.resolution_due < today, link: link(c.id) });
            continue;
          }
          const contact = !c.first_contacted_at;
          const due = contact && c.first_contact_due < c.resolution_due ? c.first_contact_due : c.resolution_due;
          if (due > soon) continue;
          out.push({ kind: due < today ? 'complaint_overdue' : 'complaint', title: t(lang, contact ? 'complaint.todo.contact' : 'complaint.todo.resolve', { no: c.complaint_no }), dueDate: due, overdue: due < today, link: link(c.id) });
        }
      }
      if (actor.capabilities.has('complaints.assign')) {
        for (const c of await q.unassigned(conn, actor)) {
          out.push({ kind: 'complaint', title: t(lang, 'complaint.todo.unassigned', { no: c.complaint_no }), dueDate: c.first_contact_due, overdue: c.first_contact_due < today, link: link(c.id) });
        }
      }
      if (actor.capabilities.has('complaints.meeting')) {
        for (const c of await q.openMeetings(conn, actor)) {
          out.push({ kind: 'complaint', title: t(lang, 'complaint.todo.meeting', { no: c.complaint_no }), dueDate: c.resolution_due, overdue: c.resolution_due < today, link: link(c.id) });
        }
      }
      for (const r of await q.openRectificationsOf(conn, actor.id)) {
        out.push({ kind: 'rectification', title: t(lang, 'complaint.todo.rectification', { notice: r.notice_no }), detail: r.department_name, dueDate: r.due_date, overdue: r.due_date < today, link: { type: 'complaint_rectification', id: r.id, path: `/complaints/rectifications?focus=${r.id}` } });
      }
      return out;
    },
  };

  return {
    opinionHandler,
    extensionHandler,
    todoProvider,
    get: (id: number) => get(id),
    stateOf: (c: ComplaintRow) => stateOf(db, c),
    permitted,

    async options() {
      const s = await cfg(db);
      return { categories: s.categories, maxTotalWorkingDays: MAX_TOTAL_WORKING_DAYS };
    },

    async list(ctx: RequestContext, f: ComplaintFilters, p: { page: number; pageSize: number; sort: { field: ComplaintSort; direction: 'asc' | 'desc' } }) {
      return q.list(db, ctx.actor, f, p, shanghaiDate(now()));
    },

    /** Everything the detail page shows. */
    async detail(ctx: RequestContext, id: number) {
      const c = await get(id);
      const [state, events, opinions, extensions, meeting, rectifications, breaches] = await Promise.all([
        stateOf(db, c),
        q.events(db, id),
        q.opinions(db, id),
        q.extensions(db, id),
        q.meeting(db, id),
        q.rectifications(db, id),
        q.breaches(db, id),
      ]);
      return { c, state, events, opinions, extensions, meeting, rectifications, breaches, can: permitted(ctx.actor, c, state) };
    },

    async create(ctx: RequestContext, input: IntakeBody) {
      return intake(whoOf(ctx), { ...input, viaPublic: false, createdBy: ctx.actor.id }, async (trx) => {
        if (input.customerId) await assertCustomer(trx, ctx.actor, input.customerId);
        if (input.faultDepartmentId) await assertDepartment(trx, 'faultDepartmentId', input.faultDepartmentId);
        // Without complaints.assign one records complaints for oneself to handle, or leaves them to be assigned.
        if (input.handlerId && input.handlerId !== ctx.actor.id && !ctx.actor.capabilities.has('complaints.assign')) throw errors.field('handlerId', 'complaint.handler_invalid');
        return { handler: input.handlerId ? await assertHandler(trx, ctx.actor, input.handlerId) : null };
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateBody) {
      const { version, ...fields } = input;
      return db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'edit');
        if (c.version !== version) throw errors.staleVersion();
        const s = await cfg(trx);
        if (fields.category !== undefined && fields.category !== c.category && !s.categories.includes(fields.category)) throw errors.field('category', 'complaint.category_unknown');
        if (fields.customerId) await assertCustomer(trx, ctx.actor, fields.customerId);
        if (fields.faultDepartmentId) await assertDepartment(trx, 'faultDepartmentId', fields.faultDepartmentId);
        const columns: Record<string, unknown> = {};
        const changes: Record<string, [unknown, unknown]> = {};
        const map: Record<string, string> = {
          channel: 'channel',
          customerId: 'customer_id',
          complainantName: 'complainant_name',
          complainantPhone: 'complainant_phone',
          complainantCompany: 'complainant_company',
          complainantEmail: 'complainant_email',
          content: 'content',
          category: 'category',
          severity: 'severity',
          faultDepartmentId: 'fault_department_id',
        };
        for (const [k, v] of Object.entries(fields)) {
          if (v === undefined) continue;
          const col = map[k];
          const old = (c as Record<string, unknown>)[col] ?? null;
          if (old === v) continue;
          columns[col] = v;
          // Phone numbers stay masked in the audit log (issue 3 §9).
          changes[k] = k === 'complainantPhone' ? ['****', '****'] : [old, v];
        }
        if (fields.complainantPhone !== undefined) columns.complainant_phone_digits = phoneDigits(fields.complainantPhone);
        if (columns.severity !== undefined) {
          const days = resolutionDays(columns.severity as Severity, s.seriousDays);
          if (days + c.extension_days > MAX_TOTAL_WORKING_DAYS) throw errors.field('severity', 'complaint.severity_too_long');
          columns.resolution_days = days;
          columns.resolution_due = resolutionDue(await cal(trx), c.cycle_start_date, days, c.extension_days);
          changes.resolutionDue = [c.resolution_due, columns.resolution_due];
        }
        if (!Object.keys(changes).length) return id;
        const at = now().toISOString();
        await q.patch(trx, id, columns, at);
        await event(trx, c, 'updated', whoOf(ctx), Object.keys(changes).join(','));
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'update', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes });
        if (columns.severity === 'serious') await openMeeting(trx, c);
        if (columns.resolution_due) await arm(trx, id);
        return id;
      });
    },

    async assign(ctx: RequestContext, id: number, input: { handlerId: number; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'assign');
        if (c.version !== input.version) throw errors.staleVersion();
        if (c.handler_id === input.handlerId) return;
        const handler = await assertHandler(trx, ctx.actor, input.handlerId);
        const at = now().toISOString();
        await q.patch(trx, id, { handler_id: handler.id, team_id: handler.team_id, department_id: handler.department_id }, at);
        await event(trx, c, 'assigned', whoOf(ctx), handler.display_name);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'assign', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { handlerId: [c.handler_id, handler.id] } });
        if (handler.id !== ctx.actor.id) {
          await notifyUsers(trx, [handler.id], 'complaint.assigned', (lang) => t(lang, 'complaint.notify.assigned', { no: c.complaint_no, category: c.category, contact: c.first_contact_due, due: c.resolution_due }), link(id));
        }
        await arm(trx, id);
      });
    },

    /** 首次联系: within the first-contact deadline (setting, §10); a late one is recorded as a breach. */
    async contact(ctx: RequestContext, id: number, input: { at?: string; note: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'contact');
        if (c.version !== input.version) throw errors.staleVersion();
        const at = input.at ? new Date(input.at).toISOString() : now().toISOString();
        if (at < c.received_at || new Date(at).getTime() > now().getTime() + 60_000) throw errors.field('at', 'complaint.at_out_of_range');
        await q.patch(trx, id, { first_contacted_at: at, ...(c.status === 'received' ? { status: 'processing' } : {}) }, now().toISOString());
        await event(trx, c, 'contacted', whoOf(ctx), input.note);
        if (shanghaiDate(new Date(at)) > c.first_contact_due) await breach(trx, c, 'first_contact', c.first_contact_due);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'contact', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { firstContactedAt: [null, at] } });
        await arm(trx, id);
      });
    },

    /** 调查记录: an investigation note in the history. */
    async note(ctx: RequestContext, id: number, note: string) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'note');
        await event(trx, c, 'note', whoOf(ctx), note);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'note', entityType: 'complaint', entityId: id, summary: c.complaint_no });
      });
    },

    /**
     * 处理意见: the handler drafts it and submits it to the supervising leader; a returned or withdrawn one is
     * revised and resubmitted (a new round of the same request), a rejected one is replaced by a new opinion.
     */
    async submitOpinion(ctx: RequestContext, id: number, input: { content: string; comment?: string | null }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'opinion');
        const latest = await q.latestOpinion(trx, id, c.cycle);
        const at = now().toISOString();
        let opinionId: number;
        if (latest && (latest.status === 'returned' || latest.status === 'withdrawn' || latest.status === 'draft') && latest.drafted_by === ctx.actor.id) {
          opinionId = latest.id;
          await q.setOpinion(trx, opinionId, { content: input.content }, at);
        } else {
          const me = await q.user(trx, ctx.actor.id);
          opinionId = await q.insertOpinion(trx, { complaint_id: id, cycle: c.cycle, content: input.content, status: 'draft', drafted_by: ctx.actor.id, team_id: me?.team_id ?? null, department_id: me?.department_id ?? null, created_at: at, updated_at: at });
        }
        await approvals.submit(trx as unknown as Kysely<Database>, ctx, 'complaint_opinion', opinionId, input.comment ?? null);
      });
    },

    /** 告知客户: only with an approved opinion (§10: the supervising leader approves before the customer is told). */
    async tell(ctx: RequestContext, id: number, input: { method: string; at?: string; note?: string | null; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'tell');
        if (c.version !== input.version) throw errors.staleVersion();
        const at = input.at ? new Date(input.at).toISOString() : now().toISOString();
        if (at < c.received_at || new Date(at).getTime() > now().getTime() + 60_000) throw errors.field('at', 'complaint.at_out_of_range');
        await q.patch(trx, id, { status: 'told', told_at: at, told_method: input.method, told_note: input.note ?? null, ...(c.first_contacted_at ? {} : { first_contacted_at: at }) }, now().toISOString());
        await event(trx, c, 'told', whoOf(ctx), input.note ?? null, true);
        const toldDay = shanghaiDate(new Date(at));
        if (toldDay > c.resolution_due) await breach(trx, c, 'resolution', c.resolution_due);
        if (!c.first_contacted_at && toldDay > c.first_contact_due) await breach(trx, c, 'first_contact', c.first_contact_due);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'tell', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { status: [c.status, 'told'], toldMethod: [null, input.method] } });
        await arm(trx, id);
      });
    },

    /** The customer's satisfaction recorded by staff (e.g. on the phone): closes the complaint. */
    async confirm(ctx: RequestContext, id: number, input: { score: number; note?: string | null; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'confirm');
        if (c.version !== input.version) throw errors.staleVersion();
        await confirmIn(trx, c, whoOf(ctx), 'staff', input.score, input.note ?? null, ctx.lang);
      });
    },

    async reopen(ctx: RequestContext, id: number, input: { reason: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'reopen');
        if (c.version !== input.version) throw errors.staleVersion();
        await reopenIn(trx, c, whoOf(ctx), input.reason, ctx.lang);
      });
    },

    /** 延期申请: leaders approve; with the approved ones it may never exceed 7 working days (422 `days`). */
    async requestExtension(ctx: RequestContext, id: number, input: { days: number; reason: string }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'extend');
        const problem = checkExtension({ baseDays: c.resolution_days, approvedDays: c.extension_days, requestedDays: input.days });
        if (problem) throw errors.validation([problem]);
        const me = await q.user(trx, ctx.actor.id);
        const at = now().toISOString();
        const extId = await q.insertExtension(trx, { complaint_id: id, cycle: c.cycle, days: input.days, reason: input.reason, status: 'draft', requested_by: ctx.actor.id, team_id: me?.team_id ?? null, department_id: me?.department_id ?? null, due_before: c.resolution_due, created_at: at, updated_at: at });
        await event(trx, c, 'extension.requested', whoOf(ctx), `${input.days} · ${input.reason}`);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'extension.request', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { days: [null, input.days] } });
        await approvals.submit(trx as unknown as Kysely<Database>, ctx, 'complaint_extension', extId, input.reason);
      });
    },

    /** 经理办公会专题会议: the decisions of the special session on a serious complaint (§10). */
    async recordMeeting(ctx: RequestContext, id: number, input: { meetingDate: string; attendees: string; decisions: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        if (c.severity !== 'serious') throw errors.conflict('complaint.not_serious', 'severity');
        await require(trx, ctx, c, 'meeting');
        await q.openMeeting(trx, id, now().toISOString());
        const m = (await q.meeting(trx, id))!;
        if (m.version !== input.version) throw errors.staleVersion();
        const at = now().toISOString();
        await trx
          .updateTable('complaint_meetings')
          .set({ status: 'decided', meeting_date: input.meetingDate, attendees: input.attendees, decisions: input.decisions, recorded_by: ctx.actor.id, recorded_at: at, version: m.version + 1, updated_at: at })
          .where('id', '=', m.id)
          .execute();
        await q.patch(trx, id, {}, at);
        await event(trx, c, 'meeting', whoOf(ctx), input.decisions);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'meeting', entityType: 'complaint', entityId: id, summary: c.complaint_no, changes: { meetingDate: [m.meeting_date, input.meetingDate], decisions: [m.decisions, input.decisions] } });
      });
    },

    /** 问题整改通知单 to the department at fault, with its own deadline (default: a setting) and reminder. */
    async issueRectification(ctx: RequestContext, id: number, input: { departmentId?: number; recipientId?: number; requirement: string; dueDate?: string }) {
      return db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'rectify');
        const departmentId = input.departmentId ?? c.fault_department_id;
        if (!departmentId) throw errors.field('departmentId', 'complaint.department_required');
        const dept = await assertDepartment(trx, 'departmentId', departmentId);
        const recipientId = input.recipientId ?? dept.head_id;
        if (!recipientId) throw errors.field('recipientId', 'complaint.recipient_required');
        const recipient = await q.user(trx, recipientId);
        if (!recipient || !recipient.active) throw errors.field('recipientId', 'complaint.handler_invalid');
        const s = await cfg(trx);
        const today = shanghaiDate(now());
        const due = input.dueDate ?? dueDate(await cal(trx), today, s.rectificationDays);
        if (due < today) throw errors.field('dueDate', 'complaint.due_in_past');
        const at = now().toISOString();
        const noticeNo = `${c.complaint_no}-ZG${(await q.countRectifications(trx, id)) + 1}`;
        const rectId = await q.insertRectification(trx, {
          complaint_id: id,
          notice_no: noticeNo,
          department_id: dept.id,
          department_name: dept.name,
          recipient_id: recipient.id,
          requirement: input.requirement,
          due_date: due,
          status: 'open',
          issued_by: ctx.actor.id,
          issued_at: at,
          created_at: at,
          updated_at: at,
        });
        await event(trx, c, 'rectification.issued', whoOf(ctx), `${noticeNo} · ${dept.name}`);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'rectification.issue', entityType: 'complaint', entityId: id, summary: noticeNo, changes: { departmentId: [null, dept.id], dueDate: [null, due] } });
        const target = { type: 'complaint_rectification', id: rectId, path: `/complaints/rectifications?focus=${rectId}` };
        await notifyUsers(trx, [recipient.id], 'complaint.rectification', (lang) => t(lang, 'complaint.notify.rectification', { notice: noticeNo, department: dept.name, due }), target);
        const lang = langOf(recipient.locale);
        await reminders.schedule(trx as unknown as Kysely<Database>, {
          key: rectificationKey(rectId, lang),
          dueAt: new Date(`${due}T${String(s.reminderHour).padStart(2, '0')}:00:00+08:00`).toISOString(),
          notification: { userIds: [recipient.id], kind: 'complaint.rectification.remind', title: t(lang, 'complaint.notify.rectification_remind', { notice: noticeNo, due }), link: target },
        });
        return rectId;
      });
    },

    listRectifications: (ctx: RequestContext, f: { status?: string; mine?: boolean }, p: { page: number; pageSize: number }) => q.listRectifications(db, ctx.actor, f, p),
    rectification: async (id: number) => {
      const r = await q.rectification(db, id);
      if (!r) throw errors.notFound();
      return r;
    },
    mayReply,

    async replyRectification(ctx: RequestContext, rectId: number, input: { reply: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const r = await q.rectification(trx, rectId);
        if (!r) throw errors.notFound();
        if (r.status !== 'open') throw errors.conflict('complaint.rectification_replied', 'reply');
        if (!mayReply(ctx.actor, r)) throw errors.forbidden('complaint.not_recipient');
        const at = now().toISOString();
        if (!(await q.setRectification(trx, rectId, { status: 'replied', reply: input.reply, replied_by: ctx.actor.id, replied_at: at }, input.version, at))) throw errors.staleVersion();
        const c = await get(r.complaint_id, trx);
        await event(trx, c, 'rectification.replied', whoOf(ctx), `${r.notice_no} · ${input.reply}`);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'rectification.reply', entityType: 'complaint', entityId: c.id, summary: r.notice_no });
        for (const l of LANGS) await reminders.cancel(trx as unknown as Kysely<Database>, rectificationKey(rectId, l));
        await notifyUsers(trx, [r.issued_by, c.handler_id], 'complaint.rectification.replied', (lang) => t(lang, 'complaint.notify.rectification_replied', { notice: r.notice_no }), link(c.id));
      });
    },

    // ── The public page (issue 5 §1): no sign-in, rate-limited, only the caller's own complaint ──

    /** Counts a public request against the caller's IP (every request, valid or not). */
    async limitIp(ip: string | null) {
      const s = await cfg(db);
      if ((await rateLimiter.hit(`complaint-public-ip:${ip ?? 'unknown'}`, HOUR)) > s.perIp) throw errors.rateLimited();
    },
    /** Counts a public request against the phone number it names (filing, looking up or confirming). */
    async limitPhone(phone: string) {
      const s = await cfg(db);
      const digits = phoneDigits(phone) ?? 'none';
      if ((await rateLimiter.hit(phoneKey(digits), HOUR)) > s.perPhone) throw errors.rateLimited();
    },

    async filePublic(meta: { ip: string | null; requestId: string }, input: { name: string; phone: string; company?: string | null; email?: string | null; category: string; content: string }) {
      const id = await intake(
        customerWho(meta.ip, meta.requestId),
        { channel: 'online', complainantName: input.name, complainantPhone: input.phone, complainantCompany: input.company ?? null, complainantEmail: input.email ?? null, content: input.content, category: input.category, severity: 'general', viaPublic: true, createdBy: null },
        async () => ({ handler: null }),
      );
      return get(id);
    },

    async lookupPublic(number: string, phone: string) {
      const c = await byNumberAndPhone(db, number, phone);
      return { c, state: await stateOf(db, c), events: await q.events(db, c.id), opinion: await q.latestOpinion(db, c.id, c.cycle) };
    },

    async confirmPublic(meta: { ip: string | null; requestId: string; lang: Lang }, input: { number: string; phone: string; satisfied: boolean; score?: number; comment?: string | null }) {
      await db.transaction().execute(async (trx) => {
        const c = await byNumberAndPhone(trx, input.number, input.phone);
        const who = customerWho(meta.ip, meta.requestId);
        if (input.satisfied) {
          if (!input.score) throw errors.field('score', 'validation.required');
          await confirmIn(trx, c, who, 'customer', input.score, input.comment ?? null, meta.lang);
        } else {
          if (!input.comment) throw errors.field('comment', 'complaint.reason_required');
          if (c.status !== 'told') throw wrongStatus(meta.lang, c.status);
          await reopenIn(trx, c, who, input.comment, meta.lang);
        }
      });
    },

    // ── Jobs ──

    /** Records every deadline whose day is over without it being met (one row per cycle and kind). */
    async recordBreaches(at: Date = now()): Promise<number> {
      const today = shanghaiDate(at);
      const { contact, resolve } = await q.unrecordedBreaches(db, today);
      let n = 0;
      for (const [kind, rows] of [['first_contact', contact], ['resolution', resolve]] as const) {
        for (const r of rows) {
          await db.transaction().execute(async (trx) => {
            const c = await q.get(trx, r.id);
            if (c) {
              await breach(trx, c, kind, r.due);
              n++;
            }
          });
        }
      }
      return n;
    },

    /** Customer merge (查重): the survivor takes the merged customer's complaints and scores. */
    async moveCustomer(trx: Kysely<Database>, mergedId: number, survivorId: number) {
      await q.moveCustomer(asQ(trx), mergedId, survivorId);
    },
  };
}
export type ComplaintService = ReturnType<typeof createComplaintService>;
