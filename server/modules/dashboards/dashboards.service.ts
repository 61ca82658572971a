/**
 * Dashboards 仪表盘 (docs/regulations.md §16): one page per caller, the same figures within the caller's data
 * scope — the director's over all customers, a supervisor's over the team, a specialist's over their own.
 * Each figure is one SQL aggregate read through the owning module's service. The heavy figures over all
 * customers (customers by grade and region, sales trend, top customers, visit cadence) are computed by a
 * nightly run under a lease and shown "as of" that run; narrower scopes are computed live, reading only the
 * caller's own customers' sales lines.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Leases } from '../../platform/jobs/leases';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { scopeOn } from '../../platform/permissions/scope';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { CadenceService } from '../cadence/cadence.service';
import type { ComplaintAnalysis } from '../complaints/complaints.analysis';
import type { PoolService } from '../pool/pool.service';
import type { SurveyService } from '../surveys/surveys.service';
import type { TransactionService } from '../transactions/transactions.service';
import { CUSTOMER, dashboardQueries as q, type Movements, type SalesByMonth, type SalesByProduct, type Scores } from './dashboards.queries';

export const NIGHTLY_JOB = 'dashboards.nightly';
const NIGHTLY_HOUR = 2; // 02:00 in Shanghai, after the other modules' nightly runs
const NIGHTLY_LEASE_MS = 30 * 60_000;
const TOP = 10;
const hourOf = (d: Date) => Number(new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 13));

export interface DashboardDeps {
  db: Kysely<Database>;
  clock: Clock;
  transactions: Pick<TransactionService, 'salesByCustomerMonth' | 'salesByCustomerProduct' | 'salesLines'>;
  complaintAnalysis: Pick<ComplaintAnalysis, 'analyse'>;
  surveys: Pick<SurveyService, 'scoresSince'>;
  cadence: Pick<CadenceService, 'compliance'>;
  pool: Pick<PoolService, 'movementsSource'>;
}

/** The twelve months up to today: the first day of the month eleven months back, and today (Asia/Shanghai). */
export function twelveMonths(today: string) {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - 11;
  if (m < 1) {
    m += 12;
    y -= 1;
  }
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return { from: `${months[0]}-01`, to: today, months };
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/** The nightly run reads every customer: an actor with the widest scope, naming no user. */
const SYSTEM: RequestContext = {
  actor: { id: 0, username: 'system', displayName: 'system', roles: ['director'], capabilities: new Set(), scope: 'all', departmentId: null, teamIds: [], sessionId: '', csrfToken: '', mustChangePassword: false } as Actor,
  ip: null,
  requestId: NIGHTLY_JOB,
  lang: 'zh-CN',
};

export function createDashboardService(deps: DashboardDeps) {
  const { db, clock, transactions } = deps;
  const span = () => twelveMonths(shanghaiDate(clock.now()));

  // Over all customers the ledger is aggregated per customer first; within a narrower scope the customers are
  // few and the join reads only their lines by customer (the whole year's ledger is not aggregated per request).
  const wide = (actor: Actor) => scopeOn(actor, CUSTOMER) === 'all';
  async function salesTrend(actor: Actor) {
    const s = span();
    const source = wide(actor) ? transactions.salesByCustomerMonth(db, s.from, s.to) : transactions.salesLines(db, s.from, s.to);
    const rows = await q.salesByMonth(db, actor, source as unknown as SalesByMonth);
    const by = new Map(rows.map((r) => [r.month, r.cents]));
    return s.months.map((month) => ({ month, cents: by.get(month) ?? 0 }));
  }
  async function topCustomers(actor: Actor) {
    const s = span();
    const source = wide(actor) ? transactions.salesByCustomerProduct(db, s.from, s.to) : transactions.salesLines(db, s.from, s.to);
    return q.topCustomers(db, actor, source as unknown as SalesByProduct, TOP);
  }
  async function cadence(ctx: RequestContext) {
    const c = (await deps.cadence.compliance(ctx, {})).totals;
    return { inTime: c.inTime, due: c.due, overdue: c.overdue, total: c.total, rate: rate(c.inTime + c.due, c.total) };
  }
  const HEAVY = {
    gradeRegion: (ctx: RequestContext) => q.gradeRegion(db, ctx.actor),
    salesTrend: (ctx: RequestContext) => salesTrend(ctx.actor),
    topCustomers: (ctx: RequestContext) => topCustomers(ctx.actor),
    cadence,
  };
  type Heavy = keyof typeof HEAVY;

  /** All-customer figures from the last nightly run (as of its time), or live when there is none yet or the scope is narrower. */
  async function heavy<K extends Heavy>(ctx: RequestContext, name: K): Promise<{ asOf: string | null; value: Awaited<ReturnType<(typeof HEAVY)[K]>> }> {
    if (wide(ctx.actor)) {
      const snap = await q.snapshot(db, name);
      if (snap) return { asOf: new Date(snap.computed_at).toISOString(), value: JSON.parse(snap.body) };
    }
    return { asOf: null, value: (await HEAVY[name](ctx)) as Awaited<ReturnType<(typeof HEAVY)[K]>> };
  }

  const service = {
    /** The caller's dashboard: every card of docs/regulations.md §16 in one request. */
    async page(ctx: RequestContext) {
      const s = span();
      const since = new Date(Date.parse(`${s.from}T00:00:00+08:00`)).toISOString();
      const [gradeRegion, trend, top, cad, complaints, satisfaction, pool] = await Promise.all([
        heavy(ctx, 'gradeRegion'),
        heavy(ctx, 'salesTrend'),
        heavy(ctx, 'topCustomers'),
        heavy(ctx, 'cadence'),
        deps.complaintAnalysis.analyse(ctx, { from: s.from, to: s.to }),
        q.satisfaction(db, ctx.actor, deps.surveys.scoresSince(db, since) as unknown as Scores),
        q.poolByMonth(db, ctx.actor, deps.pool.movementsSource(db, s.from) as unknown as Movements),
      ]);
      const poolBy = new Map(pool.map((p) => [p.month, p]));
      return {
        scope: scopeOn(ctx.actor, CUSTOMER),
        from: s.from,
        to: s.to,
        gradeRegion: gradeRegion.value,
        gradeRegionAsOf: gradeRegion.asOf,
        salesTrend: { asOf: trend.asOf, months: trend.value },
        topCustomers: { asOf: top.asOf, rows: top.value },
        cadence: { asOf: cad.asOf, ...cad.value },
        complaints: { received: complaints.summary.received, resolved: complaints.summary.resolved, inTime: complaints.summary.inTime, inTimeRate: complaints.summary.inTimeRate },
        satisfaction,
        pool: s.months.map((month) => ({ month, released: poolBy.get(month)?.released ?? 0, claimed: poolBy.get(month)?.claimed ?? 0 })),
      };
    },

    /** Recomputes the all-customer figures now; returns when they were computed. */
    async refresh(): Promise<string> {
      const at = clock.now().toISOString();
      for (const name of Object.keys(HEAVY) as Heavy[]) await q.saveSnapshot(db, name, JSON.stringify(await HEAVY[name](SYSTEM)), at);
      return at;
    },

    /** Once a night across every app process: the lease lets one run, the last run's time stops the rest. */
    async runNightly(leases: Pick<Leases, 'acquire'>): Promise<string | null> {
      const now = clock.now();
      if (hourOf(now) < NIGHTLY_HOUR) return null;
      const last = await q.snapshot(db, 'salesTrend');
      if (last && shanghaiDate(new Date(last.computed_at)) === shanghaiDate(now) && hourOf(new Date(last.computed_at)) >= NIGHTLY_HOUR) return null;
      if (!(await leases.acquire(NIGHTLY_JOB, NIGHTLY_LEASE_MS))) return null;
      return service.refresh();
    },
  };
  return service;
}
export type DashboardService = ReturnType<typeof createDashboardService>;
