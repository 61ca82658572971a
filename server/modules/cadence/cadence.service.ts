import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import { type Actor, loadActor, type RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import { people } from '../org/org.queries';
import type { NotificationService, TodoItem, TodoProvider } from '../workflow/workflow.types';
import type { PlanSuggestionSource } from '../visits/visits.plans';
import type { TasksService } from '../workflow/tasks.service';
import { type CadenceCustomer, cadenceQueries as q } from './cadence.queries';
import { type Cadence, cadenceOf, type CadenceRules, type CadenceStatus, type GradeInterval, type Interval, type TierInterval } from './cadence.rules';

const LANG = 'zh-CN' as const;
const BATCH = 1000;
const SOURCE = 'cadence';

export interface ContactSource {
  /** customer id → newest visit or call (ISO instant); never-contacted customers are absent. */
  lastContactDates(customerIds: number[]): Promise<Map<number, string>>;
}

/** Membership as cadence reads it: the tier of member customers and the individual members (docs/regulations.md §8). */
export interface MemberSource {
  tiersOfCustomers(customerIds: number[]): Promise<Map<number, string>>;
  individualMembers(
    actor: Actor,
    tiers: string[],
    f?: { ownerId?: number; teamId?: number },
  ): Promise<{ id: number; individual_id: number | null; member_no: string; tier: string; joined_on: string; holder_name: string; owner_id: number; team_id: number | null; owner_name: string | null }[]>;
}
/** The contacts with individual guests: the meetings recorded for their stays. */
export interface GuestContactSource {
  lastMeetings(individualIds: number[]): Promise<Map<number, string>>;
}

export interface EvaluatedMember {
  individualId: number;
  name: string;
  memberNo: string;
  tier: string;
  ownerId: number;
  ownerName: string | null;
  teamId: number | null;
  lastContact: string | null;
  cadence: Cadence;
}

export interface Evaluated {
  customer: CadenceCustomer;
  tier: string | null;
  lastContact: string | null;
  exempt: boolean;
  cadence: Cadence;
}

export interface RunResult {
  created: number;
  closed: number;
  escalated: number;
}

type Counts = { inTime: number; due: number; overdue: number; total: number; maxOverdueDays: number };
const zero = (): Counts => ({ inTime: 0, due: 0, overdue: 0, total: 0, maxOverdueDays: 0 });
function count(c: Counts, s: CadenceStatus, overdueDays: number) {
  c.total++;
  if (s === 'in_time') c.inTime++;
  else if (s === 'due') c.due++;
  else c.overdue++;
  c.maxOverdueDays = Math.max(c.maxOverdueDays, overdueDays);
}

/**
 * Visit cadence 回访频率 (docs/regulations.md §8): where each graded customer stands against its grade's
 * contact interval, the owner's task per overdue period (escalated to the supervisor), the home-page items
 * and the compliance view. The last contact is always read from the visits, so a new visit closes the cadence.
 */
export function createCadenceService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  calendar: CalendarService;
  tasks: TasksService;
  notifications: NotificationService;
  contacts: ContactSource;
  members: MemberSource;
  guestContacts: GuestContactSource;
}) {
  const { db, audit, clock, settings, calendar, tasks, notifications, contacts, members, guestContacts } = deps;
  const today = () => shanghaiDate(clock.now());

  async function rules(): Promise<CadenceRules & { grades: { code: string; label: string }[] }> {
    const v = await settings.values();
    return {
      intervals: v['cadence.intervals'] as GradeInterval[],
      tierIntervals: (v['cadence.tierIntervals'] as TierInterval[] | undefined) ?? [],
      capMonths: Number(v['cadence.capMonths']),
      dueSoonDays: Number(v['cadence.dueSoonDays']),
      grades: v['archive.grades'] as { code: string; label: string }[],
    };
  }

  /** The cadence of each customer (read outside any transaction: the visits are read with the db). */
  async function evaluate(rows: CadenceCustomer[], r: CadenceRules, day: string): Promise<Evaluated[]> {
    const out: Evaluated[] = [];
    for (let i = 0; i < rows.length; i += BATCH) {
      const part = rows.slice(i, i + BATCH);
      const ids = part.map((c) => c.id);
      const [last, exempt, tiers] = await Promise.all([contacts.lastContactDates(ids), q.exempted(db, ids), r.tierIntervals.length ? members.tiersOfCustomers(ids) : new Map<number, string>()]);
      for (const customer of part) {
        const at = last.get(customer.id);
        const lastContact = at ? shanghaiDate(new Date(at)) : null;
        const tier = tiers.get(customer.id) ?? null;
        const cadence = cadenceOf({ grade: customer.grade, tier, lastContact, since: customer.cooperation_since ?? null, exempt: exempt.has(customer.id) }, day, r);
        if (cadence) out.push({ customer, tier, lastContact, exempt: exempt.has(customer.id), cadence });
      }
    }
    return out;
  }

  /**
   * Individual members (guests, not archive customers) with a tier interval: their own group in the compliance
   * view, contacted when a meeting is recorded for one of their stays, owed from the day they joined.
   */
  async function individualMembers(actor: Actor, r: CadenceRules, day: string, f: { ownerId?: number; teamId?: number; grade?: string }): Promise<EvaluatedMember[]> {
    if (!r.tierIntervals.length || f.grade) return [];
    const rows = (await members.individualMembers(actor, r.tierIntervals.map((i) => i.tier), f)).filter((m) => m.individual_id !== null);
    const out: EvaluatedMember[] = [];
    for (let i = 0; i < rows.length; i += BATCH) {
      const part = rows.slice(i, i + BATCH);
      const last = await guestContacts.lastMeetings(part.map((m) => m.individual_id!));
      for (const m of part) {
        const at = last.get(m.individual_id!);
        const lastContact = at ? shanghaiDate(new Date(at)) : null;
        const cadence = cadenceOf({ grade: null, tier: m.tier, lastContact, since: m.joined_on, exempt: true }, day, r);
        if (cadence) out.push({ individualId: m.individual_id!, name: m.holder_name, memberNo: m.member_no, tier: m.tier, ownerId: m.owner_id, ownerName: m.owner_name, teamId: m.team_id, lastContact, cadence });
      }
    }
    return out;
  }

  const intervalText = (iv: Interval) => t(LANG, iv.unit === 'day' ? 'cadence.interval.day' : 'cadence.interval.month', { n: iv.every });
  const gradeLabel = (grades: { code: string; label: string }[], code: string) => grades.find((g) => g.code === code)?.label ?? code;
  const systemCtx = (actor: Actor): RequestContext => ({ actor, ip: null, requestId: SOURCE, lang: LANG });

  async function actorOf(conn: Kysely<Database>, userId: number) {
    const [u] = await people.byIds(conn, [userId]);
    return u && u.active === 1 ? { user: u, actor: await loadActor(conn, u) } : null;
  }

  /** One task for the owner per overdue period: the unique (customer, due date) row makes a second one fail and roll back. */
  async function openPeriod(e: Evaluated, grades: { code: string; label: string }[], taskDays: number, escalateDays: number): Promise<boolean> {
    const c = e.customer;
    if (!c.owner_id) return false;
    return db
      .transaction()
      .execute(async (trx) => {
        if (await q.taskFor(trx, c.id, e.cadence.dueDate)) return false;
        const owner = await actorOf(trx, c.owner_id!);
        if (!owner) return false; // an owner who has left: the customer waits for its transfer
        const task = await tasks.createTask(trx, owner.actor, {
          title: t(LANG, 'cadence.task.title', { customer: c.name, grade: gradeLabel(grades, c.grade!), date: e.cadence.dueDate }),
          description: t(LANG, 'cadence.task.body', { last: e.lastContact ?? t(LANG, 'cadence.task.never'), interval: intervalText(e.cadence.interval) }),
          assigneeId: c.owner_id!,
          due: { workingDays: taskDays },
          link: { type: 'customer', id: c.id, path: `/customers/${c.id}` },
          source: SOURCE,
        });
        const escalateOn = (await calendar.addWorkingDays(today(), escalateDays, trx)).date;
        await q.insertTask(trx, { customer_id: c.id, due_date: e.cadence.dueDate, owner_id: c.owner_id!, task_id: task.id, escalate_on: escalateOn, escalation_task_id: null, escalated_at: null, closed_at: null, created_at: clock.now().toISOString() });
        return true;
      })
      .catch(() => false); // the other process made it first (unique row), or the owner cannot take tasks
  }

  /** Completes the period's open tasks (as their assignee) once the customer is contacted or no longer owes this period. */
  async function closePeriod(row: { id: number; task_id: number; escalation_task_id: number | null; owner_id: number }, note: string): Promise<boolean> {
    return db
      .transaction()
      .execute(async (trx) => {
        if (!(await q.close(trx, row.id, clock.now().toISOString()))) return false;
        for (const taskId of [row.task_id, row.escalation_task_id]) {
          if (!taskId) continue;
          const task = await tasks.get(taskId, trx);
          if (task.status !== 'open') continue;
          const who = (await actorOf(trx, task.assignee_id)) ?? (await actorOf(trx, task.creator_id));
          if (!who) continue;
          await tasks.complete(systemCtx(who.actor), taskId, { note, version: task.version }, trx);
        }
        return true;
      })
      .catch(() => false);
  }

  async function escalate(row: { id: number; customer_id: number; owner_id: number; due_date: string }, e: Evaluated, taskDays: number, escalateDays: number): Promise<boolean> {
    return db
      .transaction()
      .execute(async (trx) => {
        const [owner] = await people.byIds(trx, [row.owner_id]);
        let supervisorId = owner?.team_id ? await people.teamSupervisorId(trx, owner.team_id) : null;
        if ((!supervisorId || supervisorId === row.owner_id) && owner?.department_id) supervisorId = (await people.department(trx, owner.department_id))?.head_id ?? null;
        const sup = supervisorId && supervisorId !== row.owner_id ? await actorOf(trx, supervisorId) : null;
        let taskId: number | null = null;
        if (sup) {
          const title = t(LANG, 'cadence.task.escalated_title', { customer: e.customer.name, owner: owner?.display_name ?? '' });
          const body = t(LANG, 'cadence.task.escalated_body', { date: row.due_date, days: escalateDays });
          taskId = (await tasks.createTask(trx, sup.actor, { title, description: body, assigneeId: sup.user.id, due: { workingDays: taskDays }, link: { type: 'customer', id: row.customer_id, path: `/customers/${row.customer_id}` }, source: SOURCE })).id;
          await notifications.notify(trx, {
            userIds: [sup.user.id],
            kind: 'cadence.escalated',
            titleKey: 'cadence.task.escalated_title',
            bodyKey: 'cadence.task.escalated_body',
            params: { customer: e.customer.name, owner: owner?.display_name ?? '', date: row.due_date, days: escalateDays },
            subject: { type: 'task', id: taskId },
            link: { type: 'customer', id: row.customer_id, path: `/customers/${row.customer_id}` } });
        }
        if (!(await q.escalated(trx, row.id, taskId, clock.now().toISOString()))) throw new Error('escalated by another run');
        return true;
      })
      .catch(() => false);
  }

  /** Overdue customers of this batch get their period's task; returns the overdue ones by customer. */
  async function run(): Promise<RunResult> {
    const r = await rules();
    const day = today();
    const [taskDays, escalateDays] = [await settings.number('cadence.taskWorkingDays'), await settings.number('cadence.escalateWorkingDays')];
    const grades = r.intervals.map((i) => i.grade);
    const overdue = new Map<number, Evaluated>();
    const result: RunResult = { created: 0, closed: 0, escalated: 0 };
    for (let after = 0; ; ) {
      const rows = await q.batch(db, grades, after, BATCH);
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      for (const e of await evaluate(rows, r, day)) {
        if (e.cadence.status !== 'overdue') continue;
        overdue.set(e.customer.id, e);
        if (await openPeriod(e, r.grades, taskDays, escalateDays)) result.created++;
      }
    }
    for (let after = 0; ; ) {
      const open = await q.openTasks(db, after, BATCH);
      if (!open.length) break;
      after = open[open.length - 1]!.id;
      for (const row of open) {
        const e = overdue.get(row.customer_id);
        if (!e || e.cadence.dueDate !== row.due_date) {
          if (await closePeriod(row, closeNote(e))) result.closed++;
        } else if (!row.escalated_at && row.escalate_on <= day) {
          if (await escalate(row, e, taskDays, escalateDays)) result.escalated++;
        }
      }
    }
    return result;
  }

  const closeNote = (e: Evaluated | undefined) => t(LANG, 'cadence.task.closed', { date: e?.lastContact ?? today() });

  async function customerState(customerId: number) {
    const c = await q.one(db, customerId);
    if (!c) throw errors.notFound();
    const r = await rules();
    const [row] = await q.inScopeOf(db, r.intervals.map((i) => i.grade), customerId);
    const [e] = row ? await evaluate([row], r, today()) : [];
    const exemption = await q.exemption(db, customerId);
    return { e: e ?? null, exemption, rules: r };
  }

  const todoProvider: TodoProvider = {
    key: 'cadence',
    async items(conn, actor, day): Promise<TodoItem[]> {
      const r = await rules();
      const own = await q.ofOwner(conn, r.intervals.map((i) => i.grade), actor.id);
      return (await evaluate(own, r, day))
        .filter((e) => e.cadence.status === 'overdue')
        .map((e) => ({
          kind: 'cadence_overdue',
          title: t(LANG, 'cadence.todo.overdue', { days: e.cadence.overdueDays, customer: e.customer.name }),
          dueDate: e.cadence.dueDate,
          overdue: true,
          link: { type: 'customer', id: e.customer.id, path: `/customers/${e.customer.id}` },
          detail: e.lastContact,
        }));
    },
  };

  // The visit plan editor suggests the owner's due and overdue customers first (docs/regulations.md §8).
  const planSuggestions: PlanSuggestionSource = {
    async owed(ownerId) {
      const r = await rules();
      const own = await q.ofOwner(db, r.intervals.map((i) => i.grade), ownerId);
      return (await evaluate(own, r, today())).flatMap((e) =>
        e.cadence.status === 'in_time' ? [] : [{ customerId: e.customer.id, status: e.cadence.status, overdueDays: e.cadence.overdueDays, dueDate: e.cadence.dueDate }],
      );
    },
  };

  return {
    rules,
    today,
    run,
    todoProvider,
    planSuggestions,

    /** The nightly run, under a lease so one process runs it at a time (docs/regulations.md §8). */
    async runNightly(leases: Leases, leaseMs: number): Promise<RunResult | null> {
      if (!(await leases.acquire('cadence.nightly', leaseMs))) return null;
      return run();
    },

    /** On demand for one customer (after recording a visit): closes its period when the new contact meets the cadence. */
    async refreshCustomer(customerId: number) {
      const { e } = await customerState(customerId);
      for (const row of await q.openTasksOf(db, customerId)) {
        if (!e || e.cadence.status !== 'overdue' || e.cadence.dueDate !== row.due_date) await closePeriod(row, closeNote(e ?? undefined));
      }
      return customerState(customerId);
    },
    customerState,

    /** The compliance view (docs/regulations.md §8): per person, team and grade, within the caller's scope. */
    async compliance(ctx: RequestContext, f: { ownerId?: number; teamId?: number; grade?: string }) {
      const r = await rules();
      const day = today();
      const rows = await q.inScope(db, ctx.actor, r.intervals.map((i) => i.grade), f);
      const all = await evaluate(rows, r, day);
      const totals = zero();
      const byPerson = new Map<number | null, Counts & { ownerName: string | null; teamId: number | null }>();
      const byTeam = new Map<number | null, Counts>();
      const byGrade = new Map<string, Counts>(r.intervals.map((i) => [i.grade, zero()]));
      for (const e of all) {
        const { status, overdueDays } = e.cadence;
        count(totals, status, overdueDays);
        const p = byPerson.get(e.customer.owner_id) ?? { ...zero(), ownerName: e.customer.owner_name ?? null, teamId: e.customer.team_id ?? null };
        count(p, status, overdueDays);
        byPerson.set(e.customer.owner_id, p);
        const tm = byTeam.get(e.customer.team_id ?? null) ?? zero();
        count(tm, status, overdueDays);
        byTeam.set(e.customer.team_id ?? null, tm);
        count(byGrade.get(e.customer.grade!) ?? zero(), status, overdueDays);
      }
      const guests = await individualMembers(ctx.actor, r, day, f);
      const owed = all
        .filter((e) => e.cadence.status !== 'in_time')
        .sort((a, b) => b.cadence.overdueDays - a.cadence.overdueDays || a.cadence.dueDate.localeCompare(b.cadence.dueDate) || a.customer.id - b.customer.id)
        .slice(0, 500);
      return {
        today: day,
        capMonths: r.capMonths,
        totals,
        byPerson: [...byPerson].map(([ownerId, c]) => ({ ownerId, ...c })).sort((a, b) => b.overdue - a.overdue || (a.ownerId ?? 0) - (b.ownerId ?? 0)),
        byTeam: [...byTeam].map(([teamId, c]) => ({ teamId, ...c })).sort((a, b) => (a.teamId ?? 0) - (b.teamId ?? 0)),
        byGrade: [...byGrade].map(([grade, c]) => ({ grade, label: gradeLabel(r.grades, grade), interval: r.intervals.find((i) => i.grade === grade)!, ...c })),
        customers: owed,
        members: guests.filter((m) => m.cadence.status !== 'in_time').sort((a, b) => b.cadence.overdueDays - a.cadence.overdueDays || a.individualId - b.individualId).slice(0, 500),
        memberTotals: guests.reduce((c, m) => (count(c, m.cadence.status, m.cadence.overdueDays), c), zero()),
      };
    },

    async setExemption(ctx: RequestContext, customerId: number, text: string) {
      const reason = text.trim();
      if (!reason) throw errors.field('reason', 'cadence.reason_required');
      const before = await q.exemption(db, customerId);
      await db.transaction().execute(async (trx) => {
        await q.setExemption(trx, { customer_id: customerId, reason, created_by: ctx.actor.id, created_at: clock.now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'cadence.exempt', entityType: 'customer', entityId: customerId, summary: reason, changes: { cadenceExemption: [before?.reason ?? null, reason] } });
      });
      return customerState(customerId);
    },
    async deleteExemption(ctx: RequestContext, customerId: number) {
      await db.transaction().execute(async (trx) => {
        const before = await q.exemption(trx, customerId);
        if (!before) return;
        await q.deleteExemption(trx, customerId);
        await audit.record(trx, actorInfo(ctx), { action: 'cadence.exempt', entityType: 'customer', entityId: customerId, changes: { cadenceExemption: [before.reason, null] } });
      });
      return customerState(customerId);
    },
  };
}
export type CadenceService = ReturnType<typeof createCadenceService>;
