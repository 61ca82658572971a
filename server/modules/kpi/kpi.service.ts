import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import { type Actor, loadActor, type RequestContext } from '../../platform/permissions/actor';
import type { Role } from '../../platform/permissions/roles';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { TodoItem, TodoProvider } from '../workflow/workflow.types';
import { kpiQueries as q } from './kpi.queries';
import { type Deduction, type MeetingSlot, type Metric, type PointRule, type ReportKind, daysOf, dueInMonth, monthEnd, monthStart, nextSlot, rate, REPORT_KINDS, shiftMonth, tally, weekday } from './kpi.rules';

/** Stored once in the interface's default language, like the audit log. */
const LANG = 'zh-CN' as const;
const iso = (v: unknown) => new Date(v as string).toISOString();
const shiftDay = (date: string, by: number) => new Date(Date.parse(`${date}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);

/** What the KPI module reads from the modules that own the records (their exported services). */
export interface KpiSources {
  latePlans(f: { authorId?: number; from?: string; to?: string }): Promise<{ planId: number; authorId: number; kind: string; period: string; dueDate: string; submittedOn: string; text: string }[]>;
  /** The visit plans one person owes with a due day in the span, written or not, and when each was first submitted. */
  plansDue(f: { authorId: number; kind: PlanKind; dueFrom: string; dueTo: string }): Promise<{ kind: PlanKind; period: string; dueDate: string; planId: number | null; submittedOn: string | null }[]>;
  newProspects(ctx: RequestContext, ownerId: number, month: string): Promise<number>;
  complaintsByHandler(ctx: RequestContext, from: string, to: string): Promise<{ handlerId: number | null; received: number; resolved: number; inTimeRate: number | null; satisfactionAverage: number | null }[]>;
  surveyScores(ctx: RequestContext, ownerId: number, from: string, to: string): Promise<(number | null)[]>;
  cadenceByPerson(ctx: RequestContext): Promise<{ ownerId: number | null; inTime: number; total: number }[]>;
}

type PlanKind = 'monthly' | 'weekly';
const PLAN_OF_EVENT = { visit_plan_late: 'monthly', weekly_plan_late: 'weekly' } as const;

type Person = { id: number; display_name: string; username: string; team_id: number | null; department_id: number | null };

/**
 * KPIs, point schemes and routines (docs/regulations.md §17, §19): targets with actuals read from the owning
 * modules, the monthly tally per person with each deduction traced to its record, annulments by a supervisor
 * (audited), routine reports with due dates, and the department's recurring meetings with minutes.
 */
export function createKpiService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; settings: SettingsService; sources: KpiSources }) {
  const { db, audit, clock, settings, sources } = deps;
  const today = () => shanghaiDate(clock.now());

  async function config() {
    const v = await settings.values();
    return {
      base: Number(v['kpi.basePoints']),
      rules: v['kpi.pointRules'] as PointRule[],
      assessed: v['kpi.assessedRoles'] as Role[],
      dueDays: v['kpi.reportDueDays'] as Record<Exclude<ReportKind, 'daily_visit'>, number>,
      reportRoles: v['kpi.reportRoles'] as Record<ReportKind, Role[]>,
      start: String(v['kpi.routinesStart']),
      planRoles: v['kpi.planRoles'] as Role[],
      slots: v['kpi.meetingSlots'] as MeetingSlot[],
    };
  }
  type Config = Awaited<ReturnType<typeof config>>;

  const actorOf = (p: Person) => loadActor(db, { ...p, must_change_password: 0 });
  const ctxOf = (actor: Actor): RequestContext => ({ actor, ip: null, requestId: 'kpi', lang: LANG });

  /** The reports a person owes whose due date falls in the month: (kind, period, due). */
  function owedIn(cfg: Config, roles: Role[], month: string): { kind: ReportKind; period: string; due: string }[] {
    const out: { kind: ReportKind; period: string; due: string }[] = [];
    for (const kind of REPORT_KINDS) {
      if (!cfg.reportRoles[kind].some((r) => roles.includes(r))) continue;
      if (kind === 'daily_visit') for (const d of daysOf(month)) out.push({ kind, period: d, due: d });
      else out.push({ kind, period: month, due: dueInMonth(month, cfg.dueDays[kind]) });
    }
    return out;
  }

  /** Every deduction of one person in one month, each traced to the record (plan, report, month's count) that caused it. */
  async function deductionsOf(cfg: Config, person: Person, actor: Actor, month: string): Promise<Deduction[]> {
    const out: Deduction[] = [];
    const day = today();
    for (const rule of cfg.rules) {
      if (rule.points === 0) continue; // a rule at 0 is listed in the settings but deducts nothing
      if (rule.event === 'visit_plan_late' || rule.event === 'weekly_plan_late') {
        const kind = PLAN_OF_EVENT[rule.event];
        // A plan's period starts after its due day, so a plan due in this month starts in it or the next.
        const late = await sources.latePlans({ authorId: person.id, from: monthStart(month), to: monthEnd(shiftMonth(month, 1)) });
        for (const p of late.filter((p) => p.kind === kind && p.dueDate.slice(0, 7) === month)) {
          out.push({ key: `visit_plan:${p.planId}`, event: rule.event, points: rule.points, text: `${p.text}：${rule.points}`, ref: { type: 'visit_plan', id: p.planId } });
        }
        // A plan never submitted by its due day is late too once that day has passed, traced to its period (docs/regulations.md §17).
        if (!actor.roles.some((r) => cfg.planRoles.includes(r))) continue;
        const from = monthStart(month) > cfg.start ? monthStart(month) : cfg.start;
        const to = monthEnd(month) < day ? monthEnd(month) : shiftDay(day, -1);
        if (from > to) continue;
        const plan = t(LANG, `kpi.plan.${kind}`);
        for (const p of await sources.plansDue({ authorId: person.id, kind, dueFrom: from, dueTo: to })) {
          if (p.submittedOn) continue; // submitted: on time, or late and counted above
          out.push({ key: `missing_plan:${kind}:${p.period}`, event: rule.event, points: rule.points, text: `${t(LANG, 'kpi.ded.plan_missing', { plan, period: p.period, due: p.dueDate })}：${rule.points}`, ref: { type: 'visit_plan_period', id: `${kind}:${p.period}` } });
        }
      } else if (rule.event === 'new_customers_below') {
        // Judged once the month is over (docs/regulations.md §17: at least 2 a month).
        if (monthEnd(month) >= day) continue;
        const min = rule.threshold ?? 2;
        const count = await sources.newProspects(ctxOf(actor), person.id, month);
        if (count < min) out.push({ key: `new_customers:${month}`, event: rule.event, points: rule.points, text: `${t(LANG, 'kpi.ded.new_customers', { month, count, min })}：${rule.points}`, ref: null });
      } else {
        const kind = rule.event.slice('report_late.'.length) as ReportKind;
        const owed = owedIn(cfg, actor.roles, month).filter((o) => o.kind === kind);
        if (!owed.length) continue;
        const reports = new Map((await q.reports(db, [person.id], monthStart(month), monthEnd(month))).filter((r) => r.kind === kind).map((r) => [r.period, r]));
        const report = t(LANG, `kpi.report.${kind}`);
        for (const o of owed) {
          const r = reports.get(o.period);
          if (r) {
            if (!r.late) continue;
            const submitted = shanghaiDate(new Date(iso(r.submitted_at)));
            out.push({ key: `report:${r.id}`, event: rule.event, points: rule.points, text: `${t(LANG, 'kpi.ded.report_late', { report, period: o.period, submitted, due: o.due })}：${rule.points}`, ref: { type: 'kpi_report', id: r.id } });
          } else if (o.due < day && o.due >= cfg.start) {
            out.push({ key: `missing:${kind}:${o.period}`, event: rule.event, points: rule.points, text: `${t(LANG, 'kpi.ded.report_missing', { report, period: o.period, due: o.due })}：${rule.points}`, ref: null });
          }
        }
      }
    }
    return out;
  }

  async function assessedPeople(ctx: RequestContext, cfg: Config, f: { teamId?: number; userId?: number }) {
    const people = await q.people(db, ctx.actor, f);
    const out: { person: Person; actor: Actor }[] = [];
    for (const p of people) {
      const actor = await actorOf(p);
      if (actor.roles.some((r) => cfg.assessed.includes(r))) out.push({ person: p, actor });
    }
    return out;
  }

  async function tallies(ctx: RequestContext, months: string[], f: { teamId?: number; userId?: number }) {
    const cfg = await config();
    const people = await assessedPeople(ctx, cfg, f);
    const annulled = await q.annulments(db, people.map((p) => p.person.id), months);
    const rows: { userId: number; name: string; teamId: number | null; month: string; tally: ReturnType<typeof tally> }[] = [];
    for (const { person, actor } of people) {
      for (const month of months) {
        const mine = new Map(annulled.filter((a) => a.user_id === person.id && a.month === month).map((a) => [a.deduction_key, { reason: a.reason, by: a.by_name ?? null, at: iso(a.annulled_at) }]));
        rows.push({ userId: person.id, name: person.display_name, teamId: person.team_id, month, tally: tally(cfg.base, await deductionsOf(cfg, person, actor, month), mine) });
      }
    }
    return rows;
  }

  /** Actuals per person for one month, each from the module that owns the records; figures without a source are left out. */
  async function actuals(ctx: RequestContext, people: Person[], month: string) {
    const from = monthStart(month);
    const to = monthEnd(month);
    const [handlers, cadence] = await Promise.all([sources.complaintsByHandler(ctx, from, to), sources.cadenceByPerson(ctx)]);
    const out = new Map<number, Partial<Record<Metric, number | null>>>();
    for (const p of people) {
      const h = handlers.find((x) => x.handlerId === p.id);
      const c = cadence.find((x) => x.ownerId === p.id);
      const scores = (await sources.surveyScores(ctx, p.id, new Date(`${from}T00:00:00+08:00`).toISOString(), new Date(`${shiftMonth(month, 1)}-01T00:00:00+08:00`).toISOString())).filter((s): s is number => s !== null);
      const late = await sources.latePlans({ authorId: p.id, from, to: monthEnd(shiftMonth(month, 1)) });
      out.set(p.id, {
        new_customers: await sources.newProspects(ctxOf(await actorOf(p)), p.id, month),
        complaint_in_time_rate: h?.inTimeRate ?? null,
        complaint_resolution_rate: h ? rate(h.resolved, h.received) : null,
        complaint_satisfaction: h?.satisfactionAverage ?? null,
        survey_satisfaction: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
        cadence_in_time_rate: c ? rate(c.inTime, c.total) : null,
        late_plans: late.filter((l) => l.dueDate.slice(0, 7) === month).length,
      });
    }
    return out;
  }

  const todoProvider: TodoProvider = {
    key: 'kpi',
    async items(conn, actor, day): Promise<TodoItem[]> {
      const cfg = await config();
      const month = day.slice(0, 7);
      const owed = [...owedIn(cfg, actor.roles, month), ...owedIn(cfg, actor.roles, shiftMonth(month, -1))].filter((o) => o.due >= cfg.start && (o.kind === 'daily_visit' ? o.due === day : o.due <= dueInMonth(month, 31)));
      const done = new Set((await q.reports(conn, [actor.id], monthStart(shiftMonth(month, -1)), monthEnd(month))).map((r) => `${r.kind}:${r.period}`));
      const items: TodoItem[] = owed
        .filter((o) => !done.has(`${o.kind}:${o.period}`))
        .map((o) => ({
          kind: 'kpi_report',
          title: t(LANG, 'kpi.todo.report', { report: t(LANG, `kpi.report.${o.kind}`), period: o.period }),
          dueDate: o.due,
          overdue: o.due < day,
          link: { type: 'kpi_report', id: 0, path: `/kpi/reports?kind=${o.kind}&period=${o.period}` },
        }));
      // The weekly plan (docs/regulations.md §19): next week's, due on Friday, and this week's if it was never submitted.
      if (actor.roles.some((r) => cfg.planRoles.includes(r))) {
        const monday = shiftDay(day, 1 - weekday(day));
        const weeks = [monday, shiftDay(monday, 7)];
        const due = await sources.plansDue({ authorId: actor.id, kind: 'weekly', dueFrom: shiftDay(monday, -14), dueTo: shiftDay(monday, 7) });
        for (const p of due.filter((x) => weeks.includes(x.period) && !x.submittedOn && x.dueDate >= cfg.start)) {
          items.push({
            kind: 'kpi_weekly_plan',
            title: t(LANG, 'kpi.todo.weekly_plan', { period: p.period, due: p.dueDate }),
            dueDate: p.dueDate,
            overdue: p.dueDate < day,
            link: { type: 'visit_plan', id: p.planId ?? 0, path: p.planId ? `/visits/plans/${p.planId}` : '/visits/plans' },
          });
        }
      }
      if (actor.departmentId) {
        for (const m of await q.meetings(conn, [actor.departmentId], new Date(`${day}T00:00:00+08:00`).toISOString())) {
          const at = new Date(iso(m.starts_at));
          if (shanghaiDate(at) !== day || m.status !== 'scheduled') continue;
          const hm = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
          items.push({ kind: 'kpi_meeting', title: t(LANG, 'kpi.todo.meeting', { time: hm }), dueDate: day, overdue: false, link: { type: 'kpi_meeting', id: m.id, path: '/kpi/meetings' } });
        }
      }
      return items;
    },
  };

  function presentMeeting(m: Awaited<ReturnType<typeof q.meetings>>[number], names: Map<number, string>) {
    const ids = JSON.parse(m.attendee_ids) as number[];
    return {
      id: m.id,
      departmentId: m.department_id,
      departmentName: m.department_name,
      startsAt: iso(m.starts_at),
      status: m.status as 'scheduled' | 'held',
      attendees: ids.map((id) => ({ id, name: names.get(id) ?? null })),
      decisions: m.decisions,
      notes: m.notes,
      recordedBy: m.recorder_name ?? null,
      recordedAt: m.recorded_at ? iso(m.recorded_at) : null,
      version: m.version,
    };
  }

  return {
    todoProvider,
    config,

    /** Targets of a month with their actuals, for people and teams in the caller's scope. */
    async targets(ctx: RequestContext, month: string) {
      const people = await q.people(db, ctx.actor);
      const teams = await q.teams(db, ctx.actor);
      const all = await q.targets(db, month);
      const act = await actuals(ctx, people, month);
      const teamActual = (teamId: number, metric: Metric) => {
        const vals = people.filter((p) => p.team_id === teamId).map((p) => act.get(p.id)?.[metric]).filter((v): v is number => typeof v === 'number');
        if (!vals.length) return null;
        // Counts add up over the team; rates and scores are the members' average.
        return metric === 'new_customers' || metric === 'late_plans' ? vals.reduce((a, b) => a + b, 0) : Math.round((vals.reduce((a, b) => a + b, 0) / vals.length) * 10) / 10;
      };
      type Row = { id: number; subjectType: 'user' | 'team'; subjectId: number; subjectName: string; metric: Metric; period: string; target: number; actual: number | null };
      const rows = all.flatMap((r): Row[] => {
        if (r.subject_type === 'user') {
          const p = people.find((x) => x.id === r.subject_id);
          return p ? [{ id: r.id, subjectType: 'user', subjectId: p.id, subjectName: p.display_name, metric: r.metric as Metric, period: r.period, target: r.target, actual: act.get(p.id)?.[r.metric as Metric] ?? null }] : [];
        }
        const tm = teams.find((x) => x.id === r.subject_id);
        return tm ? [{ id: r.id, subjectType: 'team', subjectId: tm.id, subjectName: tm.name, metric: r.metric as Metric, period: r.period, target: r.target, actual: teamActual(tm.id, r.metric as Metric) }] : [];
      });
      return { period: month, items: rows, people: people.map((p) => ({ id: p.id, name: p.display_name, teamId: p.team_id })), teams: teams.map((x) => ({ id: x.id, name: x.name })) };
    },

    async setTarget(ctx: RequestContext, input: { subjectType: 'user' | 'team'; subjectId: number; metric: Metric; period: string; target: number }) {
      let teamId: number | null = null;
      let departmentId: number | null = null;
      if (input.subjectType === 'user') {
        const [p] = await q.people(db, ctx.actor, { userId: input.subjectId });
        if (!p) throw errors.field('subjectId', 'kpi.person_not_found');
        teamId = p.team_id;
        departmentId = p.department_id;
      } else {
        const tm = (await q.teams(db, ctx.actor)).find((x) => x.id === input.subjectId);
        if (!tm) throw errors.field('subjectId', 'kpi.team_not_found');
        teamId = tm.id;
        departmentId = tm.department_id;
      }
      await db.transaction().execute(async (trx) => {
        const before = await q.upsertTarget(trx, { subject_type: input.subjectType, subject_id: input.subjectId, team_id: teamId, department_id: departmentId, metric: input.metric, period: input.period, target: input.target, updated_by: ctx.actor.id, updated_at: clock.now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: before ? 'update' : 'create', entityType: 'kpi_target', entityId: `${input.subjectType}:${input.subjectId}:${input.metric}:${input.period}`, changes: { target: [before?.target ?? null, input.target] } });
      });
    },

    /** The monthly tally of each person in scope (a specialist: only their own). */
    async monthly(ctx: RequestContext, month: string, f: { teamId?: number; userId?: number } = {}) {
      const rows = await tallies(ctx, [month], f);
      return rows.map((r) => ({ userId: r.userId, name: r.name, teamId: r.teamId, month, base: r.tally.base, total: r.tally.total, deductions: r.tally.deductions }));
    },

    /** The yearly total (the months so far) and the ranking within scope, best first. */
    async yearly(ctx: RequestContext, year: number, f: { teamId?: number } = {}) {
      const last = Math.min(12, today().slice(0, 4) === String(year) ? Number(today().slice(5, 7)) : 12);
      const months = Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
      const rows = await tallies(ctx, months, f);
      const by = new Map<number, { userId: number; name: string; teamId: number | null; months: { month: string; total: number }[]; total: number }>();
      for (const r of rows) {
        const e = by.get(r.userId) ?? { userId: r.userId, name: r.name, teamId: r.teamId, months: [], total: 0 };
        e.months.push({ month: r.month, total: r.tally.total });
        e.total += r.tally.total;
        by.set(r.userId, e);
      }
      const ranked = [...by.values()].sort((a, b) => b.total - a.total || a.userId - b.userId);
      return { year, months, items: ranked.map((r, i) => ({ ...r, rank: i + 1 })) };
    },

    /** A supervisor annuls one deduction with a reason (audited); the tally gives the points back. */
    async annul(ctx: RequestContext, input: { userId: number; month: string; key: string; reason: string }) {
      const reason = input.reason.trim();
      if (!reason) throw errors.field('reason', 'kpi.reason_required');
      const cfg = await config();
      const [found] = await assessedPeople(ctx, cfg, { userId: input.userId });
      if (!found) throw errors.notFound();
      const d = (await deductionsOf(cfg, found.person, found.actor, input.month)).find((x) => x.key === input.key);
      if (!d) throw errors.field('key', 'kpi.no_such_deduction');
      await db.transaction().execute(async (trx) => {
        if (await q.annulment(trx, input.userId, input.key)) throw errors.conflict('kpi.already_annulled', 'key');
        const { id } = await q.insertAnnulment(trx, { user_id: input.userId, month: input.month, deduction_key: d.key, points: d.points, text: d.text, reason, annulled_by: ctx.actor.id, annulled_at: clock.now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'annul', entityType: 'kpi_deduction', entityId: id, summary: `${found.person.display_name} ${input.month}: ${d.text}`, changes: { annulled: [null, reason], points: [d.points, 0] } });
      });
      return (await this.monthly(ctx, input.month, { userId: input.userId }))[0];
    },

    /** One's own routine reports of a month (and the one before): owed, submitted, late. */
    async myReports(ctx: RequestContext, month: string) {
      const cfg = await config();
      const owed = owedIn(cfg, ctx.actor.roles, month);
      const done = new Map((await q.reports(db, [ctx.actor.id], monthStart(month), monthEnd(month))).map((r) => [`${r.kind}:${r.period}`, r]));
      return owed.map((o) => {
        const r = done.get(`${o.kind}:${o.period}`);
        return { kind: o.kind, period: o.period, dueDate: o.due, submittedAt: r ? iso(r.submitted_at) : null, late: r ? r.late === 1 : o.due < today() && o.due >= cfg.start, content: r?.content ?? null, id: r?.id ?? null };
      });
    },

    async submitReport(ctx: RequestContext, input: { kind: ReportKind; period: string; content: string }) {
      const cfg = await config();
      const month = input.kind === 'daily_visit' ? input.period.slice(0, 7) : input.period;
      const o = owedIn(cfg, ctx.actor.roles, month).find((x) => x.kind === input.kind && x.period === input.period);
      if (!cfg.reportRoles[input.kind].some((r) => ctx.actor.roles.includes(r))) throw errors.field('kind', 'kpi.report_not_owed');
      if (!o) throw errors.field('period', 'kpi.report_period_invalid');
      const now = clock.now();
      const late = shanghaiDate(now) > o.due ? 1 : 0;
      return db.transaction().execute(async (trx) => {
        if (await q.report(trx, ctx.actor.id, input.kind, input.period)) throw errors.conflict('kpi.report_submitted', 'period');
        const { id } = await q.insertReport(trx, { user_id: ctx.actor.id, kind: input.kind, period: input.period, due_date: o.due, content: input.content, submitted_at: now.toISOString(), late });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'kpi_report', entityId: id, summary: `${input.kind} ${input.period}`, changes: { late: [null, late === 1] } });
        return { id, kind: input.kind, period: input.period, dueDate: o.due, late: late === 1, submittedAt: now.toISOString() };
      });
    },

    /** Meetings of the caller's department (managers and directors: every department), newest first. */
    async meetings(ctx: RequestContext, from?: string) {
      const wide = ctx.actor.scope === 'all';
      const rows = await q.meetings(db, wide ? null : ctx.actor.departmentId ? [ctx.actor.departmentId] : [], from ?? new Date(clock.now().getTime() - 90 * 86400_000).toISOString());
      const names = new Map((await q.names(db, rows.flatMap((m) => JSON.parse(m.attendee_ids) as number[]))).map((u) => [u.id, u.display_name]));
      return rows.map((m) => presentMeeting(m, names));
    },

    /** Schedules the department's next meeting by the slots setting (or at a given time); one per slot. */
    async schedule(ctx: RequestContext, input: { startsAt?: string; departmentId?: number }) {
      const cfg = await config();
      const departmentId = input.departmentId ?? ctx.actor.departmentId;
      if (!departmentId || !(await q.departmentExists(db, departmentId))) throw errors.field('departmentId', 'kpi.no_department');
      if (ctx.actor.scope !== 'all' && departmentId !== ctx.actor.departmentId) throw errors.field('departmentId', 'kpi.no_department');
      const at = input.startsAt ? new Date(input.startsAt) : nextSlot(cfg.slots, clock.now());
      if (!at) throw errors.field('startsAt', 'validation.required');
      return ensureMeeting(departmentId, at);
    },

    /** Records the minutes (attendees, decisions) and schedules the next meeting at the next slot. */
    async recordMinutes(ctx: RequestContext, id: number, input: { attendeeIds: number[]; decisions: string; notes?: string | null; version: number }) {
      const m = await q.meeting(db, id);
      if (!m || (ctx.actor.scope !== 'all' && m.department_id !== ctx.actor.departmentId)) throw errors.notFound();
      if (m.status === 'held') throw errors.conflict('kpi.meeting_held');
      const known = new Set((await q.names(db, input.attendeeIds)).map((u) => u.id));
      const unknown = input.attendeeIds.findIndex((a) => !known.has(a));
      if (unknown >= 0) throw errors.field(`attendeeIds.${unknown}`, 'kpi.attendee_unknown');
      const cfg = await config();
      await db.transaction().execute(async (trx) => {
        const n = await q.recordMinutes(trx, id, m.version, { attendee_ids: JSON.stringify([...new Set(input.attendeeIds)]), decisions: input.decisions, notes: input.notes ?? null, recorded_by: ctx.actor.id, recorded_at: clock.now().toISOString() });
        if (!n) throw errors.staleVersion();
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'kpi_meeting', entityId: id, summary: 'minutes', changes: { status: ['scheduled', 'held'], decisions: [null, input.decisions] } });
      });
      const next = nextSlot(cfg.slots, new Date(iso(m.starts_at)));
      if (next) await ensureMeeting(m.department_id, next);
      return (await this.meetings(ctx, new Date(0).toISOString())).find((x) => x.id === id)!;
    },
  };

  async function ensureMeeting(departmentId: number, at: Date) {
    const startsAt = at.toISOString();
    const existing = await q.meetingAt(db, departmentId, startsAt);
    if (existing) return existing.id;
    return (await q.insertMeeting(db, { department_id: departmentId, starts_at: startsAt, status: 'scheduled', created_at: clock.now().toISOString() })).id;
  }
}
export type KpiService = ReturnType<typeof createKpiService>;
