import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditActorInfo, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import type { RateLimiter } from '../../platform/auth/rate-limit';
import { type CalendarData } from '../../platform/calendar/calendar.rules';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import { AppError, errors } from '../../platform/http/errors';
import { LANGS, type Lang, t } from '../../platform/http/i18n';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { roleCapabilities, type Capability } from '../../platform/permissions/roles';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalService } from '../approvals/approvals.types';
import type { NotificationParams, NotificationService, ReminderService } from '../workflow/workflow.types';
import { type ComplaintRow, type Q, asQ, complaintQueries as q } from './complaints.queries';
import { type ComplaintAction, type ComplaintState, type ComplaintStatus, type Severity, allowedByState, closeRefusal, dueDate, formatComplaintNo, normaliseComplaintNo, parseCategories, phoneDigits, phoneMatches, reminderPlan, resolutionDays, resolutionDue } from './complaints.rules';
import type { IntakeBody } from './complaints.schemas';

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
export interface Who {
  id: number | null;
  name: string | null;
  audit: AuditActorInfo;
}
export const whoOf = (ctx: RequestContext): Who => ({ id: ctx.actor.id, name: ctx.actor.displayName, audit: actorInfo(ctx) });
export const customerWho = (ip: string | null, requestId: string | null): Who => ({ id: null, name: null, audit: { actorId: null, actorName: null, ip, requestId } });

export const OPEN: readonly ComplaintStatus[] = ['received', 'processing', 'opinion_pending', 'opinion_approved'];
export const DEADLINES = ['contact', 'resolve'] as const;
export const STAGES = ['remind', 'breach', 'escalate'] as const;
export const langOf = (locale: string | null | undefined): Lang => ((LANGS as string[]).includes(locale ?? '') ? (locale as Lang) : 'zh-CN');
export const link = (id: number) => ({ type: 'complaint', id, path: `/complaints/${id}` });
export const reminderKey = (id: number, deadline: string, stage: string, lang: Lang) => `complaint:${id}:${deadline}:${stage}:${lang}`;
export const rectificationKey = (id: number, lang: Lang) => `complaint-rectification:${id}:due:${lang}`;
/** Rate-limit keys carry no phone number in clear. */
export const phoneKey = (digits: string) => `complaint-public-phone:${crypto.createHash('sha256').update(`gx-complaint:${digits}`).digest('hex').slice(0, 32)}`;
export const HOUR = 3600;

/** The recipient, anyone of the department at fault who handles complaints, or a complaint lead may reply to a notice. */
export function mayReply(actor: Actor, r: { recipient_id: number | null; department_id: number | null; status: string }): boolean {
  if (r.status !== 'open') return false;
  const ofDepartment = actor.capabilities.has('complaints.handle') && actor.departmentId !== null && actor.departmentId === r.department_id;
  return r.recipient_id === actor.id || ofDepartment || actor.capabilities.has('complaints.assign');
}


/** The shared state and steps every complaint use case builds on. */
export function createComplaintCore(deps: ComplaintDeps) {
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
    const [opinions, extensions, meeting] = await Promise.all([q.opinions(conn, c.id), q.extensions(conn, c.id), q.meeting(conn, c.id)]);
    return stateFrom(c, opinions, extensions, meeting);
  }
  /**
   * The state from the complaint's opinions, extensions and meeting: the detail page reads them for itself
   * and derives the state from them too, instead of asking again.
   */
  function stateFrom(
    c: ComplaintRow,
    opinions: readonly { id: number; cycle: number; status: string }[],
    extensions: readonly { status: string }[],
    meeting: { status: string } | undefined,
  ): ComplaintState {
    // The latest opinion of the current cycle; an extension drafted or waiting holds the deadline.
    const opinion = opinions.filter((o) => o.cycle === c.cycle).reduce<(typeof opinions)[number] | undefined>((a, o) => (!a || o.id > a.id ? o : a), undefined);
    return {
      status: c.status as ComplaintStatus,
      severity: c.severity as Severity,
      firstContacted: !!c.first_contacted_at,
      hasHandler: c.handler_id !== null,
      opinionStatus: (opinion && opinion.status !== 'draft' ? opinion.status : null) as ComplaintState['opinionStatus'],
      extensionPending: extensions.some((e) => e.status === 'draft' || e.status === 'pending'),
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

  /** One notification as a message key: each recipient reads it in their language (inactive users are skipped by notify). */
  async function notifyUsers(conn: Q, userIds: (number | null | undefined)[], kind: string, titleKey: string, params: NotificationParams, target = link(0)) {
    const ids = [...new Set(userIds.filter((x): x is number => typeof x === 'number'))];
    if (!ids.length) return;
    await notifications.notify(conn as unknown as Kysely<Database>, { userIds: ids, kind, titleKey, params, link: target });
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
            titleKey: `complaint.notify.${p.deadline}_${p.stage}`,
            params: { no: c.complaint_no, due: p.dueDate, handler: c.handler_name ?? '—' },
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
    await notifyUsers(conn, [...members, ...(await managers(conn))], 'complaint.meeting', 'complaint.notify.meeting', { no: c.complaint_no, category: c.category }, link(c.id));
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
        await notifyUsers(trx, [handler.id], 'complaint.assigned', 'complaint.notify.assigned', { no: complaintNo, category: c.category, contact: c.first_contact_due, due: c.resolution_due }, link(id));
      }
      if (!handler) await notifyUsers(trx, await managers(trx), 'complaint.new', 'complaint.notify.new', { no: complaintNo, category: c.category }, link(id));
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
    if (via === 'customer') await notifyUsers(trx, [c.handler_id], 'complaint.confirmed', 'complaint.notify.confirmed', { no: c.complaint_no, score }, link(c.id));
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
    await notifyUsers(trx, c.handler_id ? [c.handler_id, supervisor] : await managers(trx), 'complaint.reopened', 'complaint.notify.reopened', { no: c.complaint_no, due }, link(c.id));
    await arm(trx, c.id);
  }

  return { deps, db, now, audit, clock, settings, calendar, approvals, notifications, reminders, rateLimiter, cfg, get, stateOf, stateFrom, statusLabel, wrongStatus, permitted, require, event, notifyUsers, managers, arm, breach, assertHandler, assertCustomer, assertDepartment, nextNumber, openMeeting, intake, byNumberAndPhone, confirmIn, reopenIn, cal };
}
export type ComplaintCore = ReturnType<typeof createComplaintCore>;
