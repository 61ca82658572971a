import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { TasksService } from '../workflow/tasks.service';
import { receptionQueries as q, type VisitFilters } from './reception.queries';
import {
  addCalendarDays,
  canStart,
  fillTemplate,
  type HospitalityTable,
  hospitalityFor,
  noticeShortfall,
  noticeUnits,
  type Outcome,
  outcomeProblems,
  permitNo,
  shanghaiInstant,
  type TourNotice,
  type TourType,
} from './reception.rules';

/** Task texts are stored once, in the interface's default language. */
const LANG = 'zh-CN' as const;
export const TOUR_TYPE = 'reception_tour';
export const BANQUET_TYPE = 'reception_banquet';

const L = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

export interface VisitInput {
  visitorName: string;
  customerId?: number | null;
  organisation?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  receiverId?: number;
  arrivedAt?: string;
  departedAt?: string | null;
  note?: string | null;
}

export interface RecordInput {
  visitId?: number | null;
  customerId?: number | null;
  organisation?: string | null;
  visitorName?: string | null;
  receiverId?: number;
  receivedOn?: string;
  purpose: string;
  requests?: string | null;
  outcome: Outcome;
  promiseDays?: number | null;
  reason?: string | null;
}

export interface TourInput {
  customerId?: number | null;
  organisation?: string | null;
  tourType: TourType;
  visitorsCount: number;
  date: string;
  time: string;
  durationMinutes?: number | null;
  content: string;
  scope: string;
  route: string;
  contactName?: string | null;
  photographyRequested?: boolean;
}

export interface BanquetInput {
  customerId?: number | null;
  organisation?: string | null;
  guests: string;
  guestCount: number;
  heldOn: string;
  place: string;
  budget: number;
  purpose: string;
  emergency?: boolean;
  emergencyReason?: string | null;
}

export function createReceptionService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  tasks: Pick<TasksService, 'createTask'>;
  approvals: Pick<ApprovalService, 'submit'>;
}) {
  const { db, audit, clock, settings, tasks, approvals } = deps;
  const now = () => clock.now().toISOString();
  const today = () => shanghaiDate(clock.now());

  /** A customer from the archive (within the caller's scope) or free text: one of the two is needed. */
  async function party(ctx: RequestContext, input: { customerId?: number | null; organisation?: string | null }, conn: Kysely<Database> = db) {
    if (input.customerId) {
      const c = await q.customerInScope(conn, ctx.actor, input.customerId);
      if (!c) throw errors.field('customerId', 'reception.customer_not_found');
      return { customer_id: c.id, organisation: input.organisation?.trim() || c.name };
    }
    const organisation = input.organisation?.trim();
    if (!organisation) throw errors.field('organisation', 'reception.organisation_required');
    return { customer_id: null, organisation };
  }

  async function staff(id: number, field: string, conn: Kysely<Database> = db) {
    const u = await q.user(conn, id);
    if (!u || u.active !== 1) throw errors.field(field, 'reception.receiver_unknown');
    return u;
  }

  /** Team and department of the staff member entering a record: the record's scope when it names no customer. */
  async function placement(ctx: RequestContext) {
    const me = await q.user(db, ctx.actor.id);
    return { team_id: me?.team_id ?? null, department_id: me?.department_id ?? ctx.actor.departmentId };
  }

  async function getVisit(id: number) {
    const v = await q.getVisit(db, id);
    if (!v) throw errors.notFound();
    return v;
  }
  async function getRecord(id: number) {
    const r = await q.getRecord(db, id);
    if (!r) throw errors.notFound();
    return r;
  }
  async function getTourRow(id: number, conn: Kysely<Database> = db) {
    const r = await q.getTour(conn, id);
    if (!r) throw errors.notFound();
    return r;
  }
  async function getBanquet(id: number, conn: Kysely<Database> = db) {
    const r = await q.getBanquet(conn, id);
    if (!r) throw errors.notFound();
    return r;
  }

  /** A tour with the hospitality its type and size call for (settings of docs/regulations.md §9). */
  async function getTour(id: number) {
    const tour = await getTourRow(id);
    const [table, capacity] = await Promise.all([settings.value<HospitalityTable>('reception.hospitality'), settings.number('reception.meetingRoomCapacity')]);
    return { tour, hospitality: hospitalityFor(table, tour.tour_type as TourType, tour.visitors_count, capacity) };
  }

  // Tours: manager review (content, scope, route), then the general manager (001 篇5 五).
  const tourHandler: DocumentTypeHandler = {
    type: TOUR_TYPE,
    label: L('客户参观申请', '客戶參觀申請', 'Customer tour application'),
    defaultChain: [
      { key: 'manager_review', name: L('经理审核（参观内容、范围、路线）', '經理審核（參觀內容、範圍、路線）', 'Manager review (content, scope, route)'), approver: { kind: 'role', role: 'manager', within: 'company' } },
      { key: 'general_manager', name: L('总经理审批', '總經理審批', 'General manager approval'), approver: { kind: 'group', group: 'general_manager', mode: 'any' } },
    ],
    async load(trx, id) {
      const r = await q.getTour(trx, id);
      if (!r) return undefined;
      return {
        applicantId: r.applicant_id,
        departmentId: r.department_id,
        teamId: r.team_id,
        title: `${r.organisation ?? ''} ${shanghaiDate(new Date(r.scheduled_at))}`.trim(),
        fields: { tourType: r.tour_type, visitorsCount: r.visitors_count, photography: r.photography_requested === 1 },
        link: `/reception/tours/${id}`,
      };
    },
    canView: (conn, actor, id) => q.tourVisible(conn, actor, id),
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const before = await q.getTour(trx, id);
      if (!before) return;
      const at = now();
      if (outcome === 'approved') {
        const year = shanghaiDate(clock.now()).slice(0, 4);
        const permit = permitNo(year, await q.lastPermitOfYear(trx, year));
        // The last approver is the general manager: their approval is the consent to any photography requested.
        const consent = before.photography_requested === 1 ? { photography_consented_by: ctx.actor.id, photography_consented_at: at } : {};
        await q.updateTour(trx, id, { status: 'approved', permit_no: permit, approved_at: at, updated_at: at, ...consent });
        await audit.record(trx, actorInfo(ctx), { action: 'approved', entityType: 'reception_tour', entityId: id, summary: permit, changes: { status: [before.status, 'approved'], permitNo: [null, permit] } });
        return;
      }
      await q.updateTour(trx, id, { status: outcome, updated_at: at });
      if (before.status !== outcome) await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'reception_tour', entityId: id, summary: outcome, changes: { status: [before.status, outcome] } });
    },
  };

  // Banquets: the director's approval, before or (in an emergency) after (001 篇1 十二).
  const banquetHandler: DocumentTypeHandler = {
    type: BANQUET_TYPE,
    label: L('宴请申请', '宴請申請', 'Banquet application'),
    defaultChain: [{ key: 'director', name: L('总监审批', '總監審批', 'Director approval'), approver: { kind: 'role', role: 'director', within: 'company' } }],
    async load(trx, id) {
      const r = await q.getBanquet(trx, id);
      if (!r) return undefined;
      return {
        applicantId: r.applicant_id,
        departmentId: r.department_id,
        teamId: r.team_id,
        title: `${r.organisation ?? ''} ${r.held_on}`.trim(),
        fields: { budget: Number(r.budget_fen) / 100, guestCount: r.guest_count, emergency: r.emergency === 1 },
        link: `/reception/banquets/${id}`,
      };
    },
    canView: (conn, actor, id) => q.banquetVisible(conn, actor, id),
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const before = await q.getBanquet(trx, id);
      if (!before) return;
      const at = now();
      await q.updateBanquet(trx, id, { status: outcome, updated_at: at, ...(outcome === 'approved' ? { approved_at: at } : {}) });
      if (before.status !== outcome) await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'reception_banquet', entityId: id, summary: outcome, changes: { status: [before.status, outcome] } });
    },
  };

  return {
    tourHandler,
    banquetHandler,

    // ── visitor log 客户来访登记表 ──
    getVisit,
    listVisits: (ctx: RequestContext, f: VisitFilters, p: { page: number; pageSize: number } | null) => q.listVisits(db, ctx.actor, f, p),

    async createVisit(ctx: RequestContext, input: VisitInput) {
      const who = await party(ctx, input);
      const receiverId = input.receiverId ?? ctx.actor.id;
      await staff(receiverId, 'receiverId');
      const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt).toISOString() : now();
      if (input.departedAt) input = { ...input, departedAt: new Date(input.departedAt).toISOString() };
      if (input.departedAt && input.departedAt < arrivedAt) throw errors.field('departedAt', 'reception.departure_before_arrival');
      const place = await placement(ctx);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertVisit(trx, {
          visitor_name: input.visitorName.trim(),
          ...who,
          phone: input.phone?.trim() || null,
          id_number: input.idNumber?.trim().toUpperCase() || null,
          receiver_id: receiverId,
          arrived_at: arrivedAt,
          departed_at: input.departedAt ?? null,
          note: input.note ?? null,
          created_by: ctx.actor.id,
          ...place,
          created_at: t0,
          updated_at: t0,
        });
        // No phone or ID number in the audit trail: they are revealed through their own audited action.
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'reception_visit', entityId: id, summary: input.visitorName, changes: { customerId: [null, who.customer_id], arrivedAt: [null, arrivedAt] } });
        return id;
      });
      return getVisit(id);
    },

    /** Corrections and the departure time; masked values are changed only when sent. */
    async updateVisit(ctx: RequestContext, id: number, input: Partial<VisitInput> & { version: number }) {
      const v = await getVisit(id);
      const who = input.customerId !== undefined || input.organisation !== undefined ? await party(ctx, { customerId: input.customerId ?? null, organisation: input.organisation ?? v.organisation }) : null;
      if (input.receiverId !== undefined) await staff(input.receiverId, 'receiverId');
      const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt).toISOString() : v.arrived_at;
      const departedAt = input.departedAt === undefined ? v.departed_at : input.departedAt && new Date(input.departedAt).toISOString();
      if (departedAt && departedAt < arrivedAt) throw errors.field('departedAt', 'reception.departure_before_arrival');
      await db.transaction().execute(async (trx) => {
        await updateVersioned(
          trx,
          'reception_visits',
          id,
          input.version,
          {
            ...(input.visitorName !== undefined ? { visitor_name: input.visitorName.trim() } : {}),
            ...(who ?? {}),
            ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
            ...(input.idNumber !== undefined ? { id_number: input.idNumber?.trim().toUpperCase() || null } : {}),
            ...(input.receiverId !== undefined ? { receiver_id: input.receiverId } : {}),
            ...(input.note !== undefined ? { note: input.note } : {}),
            arrived_at: arrivedAt,
            departed_at: departedAt,
          },
          now(),
        );
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'reception_visit', entityId: id, summary: v.visitor_name, changes: { departedAt: [v.departed_at, departedAt] } });
      });
      return getVisit(id);
    },

    /** One unmasked value, audit-logged like the archive's reveal. */
    async revealVisit(ctx: RequestContext, id: number, field: 'phone' | 'idNumber') {
      const row = await q.visitSecrets(db, id);
      if (!row) throw errors.notFound();
      await audit.record(db, actorInfo(ctx), { action: 'reveal', entityType: 'reception_visit', entityId: id, summary: field });
      return field === 'phone' ? row.phone : row.id_number;
    },

    async auditExport(ctx: RequestContext, count: number) {
      await audit.record(db, actorInfo(ctx), { action: 'export', entityType: 'reception_visit', entityId: null, summary: `${count}` });
    },

    // ── reception records 客户接待记录表 ──
    getRecord,
    listRecords: (ctx: RequestContext, f: { customerId?: number; outcome?: string }, p: { page: number; pageSize: number }) => q.listRecords(db, ctx.actor, f, p),

    /** 承诺在 N 天内解决 gives the receiver a task due in N working (or calendar) days. */
    async createRecord(ctx: RequestContext, input: RecordInput) {
      const problems = outcomeProblems(input);
      if (problems.length) throw errors.validation(problems);
      const visit = input.visitId ? await q.getVisit(db, input.visitId) : undefined;
      if (input.visitId && !visit) throw errors.field('visitId', 'error.not_found');
      const who = await party(ctx, {
        customerId: input.customerId !== undefined ? input.customerId : (visit?.customer_id ?? null),
        organisation: input.organisation ?? visit?.organisation ?? null,
      });
      const visitorName = input.visitorName?.trim() || visit?.visitor_name;
      if (!visitorName) throw errors.field('visitorName', 'validation.required');
      const receiverId = input.receiverId ?? visit?.receiver_id ?? ctx.actor.id;
      await staff(receiverId, 'receiverId');
      const receivedOn = input.receivedOn ?? (visit ? shanghaiDate(new Date(visit.arrived_at)) : today());
      const place = await placement(ctx);
      const dayKind = await settings.value<'working' | 'calendar'>('reception.promiseDayKind');
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertRecord(trx, {
          visit_id: visit?.id ?? null,
          ...who,
          visitor_name: visitorName,
          receiver_id: receiverId,
          received_on: receivedOn,
          purpose: input.purpose.trim(),
          requests: input.requests?.trim() || null,
          outcome: input.outcome,
          promise_days: input.outcome === 'promised' ? input.promiseDays! : null,
          reason: input.outcome === 'unresolved' ? input.reason!.trim() : (input.reason?.trim() || null),
          task_id: null,
          task_due: null,
          created_by: ctx.actor.id,
          ...place,
          created_at: t0,
          updated_at: t0,
        });
        if (input.outcome === 'promised') {
          const n = input.promiseDays!;
          const task = await tasks.createTask(trx, ctx.actor, {
            title: t(LANG, 'reception.task.promise_title', { organisation: who.organisation }),
            description: t(LANG, 'reception.task.promise_body', { date: receivedOn, visitor: visitorName, days: n, requests: input.requests?.trim() || input.purpose.trim() }),
            assigneeId: receiverId,
            due: dayKind === 'calendar' ? { date: addCalendarDays(today(), n) } : { workingDays: n },
            link: { type: 'reception_record', id, path: `/reception/records/${id}` },
            source: 'reception_record',
          });
          await q.setRecordTask(trx, id, task.id, task.dueDate);
        }
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'reception_record', entityId: id, summary: input.purpose, changes: { outcome: [null, input.outcome], customerId: [null, who.customer_id] } });
        return id;
      });
      return getRecord(id);
    },

    // ── tours 参观 ──
    getTour,
    listTours: (ctx: RequestContext, f: { status?: string; customerId?: number }, p: { page: number; pageSize: number }) => q.listTours(db, ctx.actor, f, p),

    /** The application goes straight to the manager; notice too short for the type is refused (422 on `date`). */
    async applyTour(ctx: RequestContext, input: TourInput) {
      const who = await party(ctx, input);
      const scheduledAt = shanghaiInstant(input.date, input.time);
      const notice = await settings.value<TourNotice>('reception.tourNoticeHours');
      const short = noticeShortfall(notice, input.tourType, clock.now(), scheduledAt);
      if (short !== null) {
        const u = noticeUnits(short);
        const params = { type: t(ctx.lang, `reception.tour_type.${input.tourType}`), date: input.date, time: input.time, ...u };
        throw errors.field('date', 'days' in u ? 'reception.tour_notice_days' : 'reception.tour_notice_hours', params);
      }
      const place = await placement(ctx);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertTour(trx, {
          ...who,
          tour_type: input.tourType,
          visitors_count: input.visitorsCount,
          scheduled_at: scheduledAt.toISOString(),
          duration_minutes: input.durationMinutes ?? null,
          content: input.content.trim(),
          scope: input.scope.trim(),
          route: input.route.trim(),
          contact_name: input.contactName?.trim() || null,
          photography_requested: input.photographyRequested ? 1 : 0,
          photography_consented_by: null,
          photography_consented_at: null,
          status: 'pending',
          permit_no: null,
          applicant_id: ctx.actor.id,
          ...place,
          approved_at: null,
          started_at: null,
          completed_at: null,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'reception_tour', entityId: id, summary: who.organisation, changes: { tourType: [null, input.tourType], scheduledAt: [null, scheduledAt.toISOString()] } });
        await approvals.submit(trx, ctx, TOUR_TYPE, id, null);
        return id;
      });
      return getTour(id);
    },

    /** After a return (or a withdrawal) the applicant sends it again; the engine keeps the history. */
    async resubmitTour(ctx: RequestContext, id: number, input: { version: number; comment?: string | null }) {
      const r = await getTourRow(id);
      if (r.applicant_id !== ctx.actor.id) throw errors.forbidden('reception.not_applicant');
      if (r.status !== 'returned' && r.status !== 'withdrawn') throw errors.conflict('reception.not_resubmittable');
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'reception_tours', id, input.version, {}, now());
        await approvals.submit(trx, ctx, TOUR_TYPE, id, input.comment ?? null);
      });
      return getTour(id);
    },

    /** Only an approved tour (with its permit) starts (docs/regulations.md §9). */
    async startTour(ctx: RequestContext, id: number, input: { version: number }) {
      const r = await getTourRow(id);
      if (!canStart(r.status)) throw errors.conflict('reception.tour_not_approved', 'status');
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'reception_tours', id, input.version, { status: 'in_progress', started_at: now() }, now());
        await audit.record(trx, actorInfo(ctx), { action: 'start', entityType: 'reception_tour', entityId: id, summary: r.permit_no ?? '', changes: { status: [r.status, 'in_progress'] } });
      });
      return getTour(id);
    },

    async completeTour(ctx: RequestContext, id: number, input: { version: number }) {
      const r = await getTourRow(id);
      if (r.status !== 'in_progress') throw errors.conflict('reception.tour_not_started', 'status');
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'reception_tours', id, input.version, { status: 'completed', completed_at: now() }, now());
        await audit.record(trx, actorInfo(ctx), { action: 'complete', entityType: 'reception_tour', entityId: id, summary: r.permit_no ?? '', changes: { status: [r.status, 'completed'] } });
      });
      return getTour(id);
    },

    /** The thank-you letter after a visit, from the template setting. */
    async thankYou(id: number) {
      const r = await getTourRow(id);
      const template = await settings.value<string>('reception.thankYouTemplate');
      const customer = r.customer_name ?? r.organisation ?? '';
      return {
        text: fillTemplate(template, {
          customer,
          visitors: r.contact_name ? `${r.contact_name}` : '',
          date: shanghaiDate(new Date(r.scheduled_at)),
          staff: r.applicant_name ?? '',
          today: today(),
        }),
        customer,
      };
    },

    // ── banquets 宴请 ──
    getBanquet: (id: number) => getBanquet(id),
    listBanquets: (ctx: RequestContext, f: { status?: string }, p: { page: number; pageSize: number }) => q.listBanquets(db, ctx.actor, f, p),

    /**
     * Applies for the director's approval. An emergency banquet is recorded as held at once, marked as an
     * emergency with its reason, and its approval follows (001 篇1 十二).
     */
    async createBanquet(ctx: RequestContext, input: BanquetInput) {
      if (input.emergency && !input.emergencyReason?.trim()) throw errors.field('emergencyReason', 'reception.emergency_reason_required');
      const who = await party(ctx, input);
      const place = await placement(ctx);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertBanquet(trx, {
          ...who,
          guests: input.guests.trim(),
          guest_count: input.guestCount,
          held_on: input.heldOn,
          place: input.place.trim(),
          budget_fen: Math.round(input.budget * 100),
          purpose: input.purpose.trim(),
          emergency: input.emergency ? 1 : 0,
          emergency_reason: input.emergency ? input.emergencyReason!.trim() : null,
          status: 'pending',
          held_at: input.emergency ? t0 : null,
          applicant_id: ctx.actor.id,
          ...place,
          approved_at: null,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), {
          action: input.emergency ? 'create_emergency' : 'create',
          entityType: 'reception_banquet',
          entityId: id,
          summary: input.emergency ? `${who.organisation}: ${input.emergencyReason!.trim()}` : who.organisation,
          changes: { emergency: [null, !!input.emergency], heldOn: [null, input.heldOn] },
        });
        await approvals.submit(trx, ctx, BANQUET_TYPE, id, input.emergency ? input.emergencyReason!.trim() : null);
        return id;
      });
      return getBanquet(id);
    },

    async resubmitBanquet(ctx: RequestContext, id: number, input: { version: number; comment?: string | null }) {
      const r = await getBanquet(id);
      if (r.applicant_id !== ctx.actor.id) throw errors.forbidden('reception.not_applicant');
      if (r.status !== 'returned' && r.status !== 'withdrawn') throw errors.conflict('reception.not_resubmittable');
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'reception_banquets', id, input.version, {}, now());
        await approvals.submit(trx, ctx, BANQUET_TYPE, id, input.comment ?? null);
      });
      return getBanquet(id);
    },

    /** Records that a planned banquet took place: only after the director's approval. */
    async holdBanquet(ctx: RequestContext, id: number, input: { version: number }) {
      const r = await getBanquet(id);
      if (r.held_at) throw errors.conflict('reception.banquet_held');
      if (r.status !== 'approved') throw errors.conflict('reception.banquet_not_approved', 'status');
      const t0 = now();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'reception_banquets', id, input.version, { held_at: t0 }, t0);
        await audit.record(trx, actorInfo(ctx), { action: 'held', entityType: 'reception_banquet', entityId: id, summary: r.organisation ?? '', changes: { heldAt: [null, t0] } });
      });
      return getBanquet(id);
    },
  };
}
export type ReceptionService = ReturnType<typeof createReceptionService>;
