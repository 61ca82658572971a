import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ComplaintService } from '../complaints/complaints.service';
import type { ContractService } from '../contracts/contracts.service';
import type { CustomerService } from '../customers/customers.service';
import type { MaintenanceService } from '../maintenance/maintenance.service';
import type { TransactionService } from '../transactions/transactions.service';
import type { VisitService } from '../visits/visits.service';
import type { NotificationService } from '../workflow/workflow.types';
import { type EntryFilters, poolQueries as q } from './pool.queries';
import { type Due, type PoolRule, addDays, dueDate, moveDay, remindNow } from './pool.rules';

/** Texts stored in the log and the customer's history are written once, in the interface's default language. */
const LANG = 'zh-CN' as const;
export const NIGHTLY_JOB = 'pool.nightly';
const NIGHTLY_HOUR = 1; // 01:00 in Shanghai, after the day's visits and sales are in
const NIGHTLY_LEASE_MS = 30 * 60_000;
const BATCH = 1000;
const hourOf = (d: Date) => Number(new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 13));

export interface PoolDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
  notifications: Pick<NotificationService, 'notify'>;
  customers: Pick<CustomerService, 'poolBatch' | 'releaseToPool' | 'claimFromPool'>;
  visits: Pick<VisitService, 'lastContactDates'>;
  transactions: Pick<TransactionService, 'lastTransactionDates'>;
  contracts: Pick<ContractService, 'poolFacts'>;
  complaints: Pick<ComplaintService, 'openComplaintCustomers'>;
  maintenance: Pick<MaintenanceService, 'openPlanCustomers'>;
}

type Pool = NonNullable<Awaited<ReturnType<typeof q.getPool>>>;

/** The public pool 公海 (docs/regulations.md §8): the nightly moves, claims and the pools per department. */
export function createPoolService(deps: PoolDeps) {
  const { db, clock, settings } = deps;
  const today = () => shanghaiDate(clock.now());
  const now = () => clock.now().toISOString();
  const reasonOf = (d: Due) => t(LANG, `pool.reason.${d.rule}`, { days: d.days, from: d.from });

  /** The department's default pool, created on first use and kept by the department head; null without a head. */
  async function poolFor(departmentId: number | null): Promise<Pool | null> {
    if (departmentId === null) return null;
    const existing = await q.defaultPool(db, departmentId);
    if (existing) return existing;
    const dept = await q.department(db, departmentId);
    if (!dept?.head_id) return null;
    const id = await q.insertPool(db, { name: t(LANG, 'pool.default_name', { department: dept.name }), department_id: departmentId, keeper_id: dept.head_id, is_default: 1, created_at: now() });
    return (await q.getPool(db, id))!;
  }

  /** One night's pass over every customer, in id order and in batches. Returns how many moved. */
  async function runAll(): Promise<number> {
    const day = today();
    const [rules, reminderDays] = await Promise.all([settings.value<PoolRule[]>('pool.rules'), settings.value<number>('pool.reminderDays')]);
    const pools = new Map<number | null, Pool | null>();
    let moved = 0;
    for (let after = 0; ; ) {
      const batch = await deps.customers.poolBatch(after, BATCH);
      if (!batch.length) break;
      after = batch[batch.length - 1].id;
      const inPool = new Set((await q.entriesOf(db, batch.map((c) => c.id))).map((e) => e.customer_id));
      const owned = batch.filter((c) => !inPool.has(c.id));
      const ids = owned.map((c) => c.id);
      const [contacts, deals, contracts, claims, watches] = await Promise.all([
        deps.visits.lastContactDates(ids),
        deps.transactions.lastTransactionDates(ids),
        deps.contracts.poolFacts(ids, day),
        q.lastClaim(db, ids),
        q.watchOf(db, ids),
      ]);
      const claimed = new Map(claims.map((c) => [c.customer_id, String(c.day)]));
      const watch = new Map(watches.map((w) => [w.customer_id, w]));
      const near: { c: (typeof owned)[number]; due: Due }[] = [];
      const gone: number[] = [];
      for (const c of owned) {
        const created = shanghaiDate(new Date(c.created_at));
        const claimDay = claimed.get(c.id);
        const contact = contacts.get(c.id);
        const due = dueDate(rules, {
          grade: c.grade,
          since: claimDay && claimDay > created ? claimDay : created,
          lastContact: contact ? shanghaiDate(new Date(contact)) : null,
          lastDeal: deals.get(c.id) ?? null,
          contractEnded: contracts.ended.get(c.id) ?? null,
        });
        if (due && remindNow(due.due, day, reminderDays)) near.push({ c, due });
        else if (watch.has(c.id)) gone.push(c.id);
      }
      await q.deleteWatch(db, gone);
      if (!near.length) continue;
      const nearIds = near.map((n) => n.c.id);
      const [complaints, plans] = await Promise.all([deps.complaints.openComplaintCustomers(nearIds), deps.maintenance.openPlanCustomers(nearIds)]);
      for (const { c, due } of near) {
        const w = watch.get(c.id);
        const reason = reasonOf(due);
        // Never moved while something is under way with the customer; the watch and the log say which.
        const blocker = contracts.open.has(c.id) ? 'contract' : complaints.has(c.id) ? 'complaint' : plans.has(c.id) ? 'plan' : null;
        const same = w && w.due_date === due.due && w.owner_id === c.owner_id && w.rule === due.rule;
        let reminded = same ? w.reminded_on : null;
        let skip = blocker ? t(LANG, `pool.skip.${blocker}`) : null;
        if (!skip && reminded) {
          const on = moveDay(due.due, reminded, reminderDays)!;
          if (on <= day) {
            const pool = pools.has(c.department_id) ? pools.get(c.department_id)! : await poolFor(c.department_id);
            pools.set(c.department_id, pool);
            if (pool) {
              await release(c.id, c.owner_id, pool, due, reason, day);
              moved += 1;
              continue;
            }
            skip = t(LANG, 'pool.skip.no_keeper');
          }
        }
        if (!skip && !reminded) {
          reminded = day;
          await db.transaction().execute(async (trx) => {
            await deps.notifications.notify(trx, {
              userIds: [c.owner_id],
              kind: 'pool.reminder',
              titleKey: 'pool.notify.reminder_title',
              bodyKey: 'pool.notify.reminder_body',
              params: { customer: c.name, reason, date: moveDay(due.due, day, reminderDays)! },
              link: { type: 'customer', id: c.id, path: `/customers/${c.id}` },
            });
            await q.insertEvent(trx, { customer_id: c.id, pool_id: null, kind: 'reminded', user_id: c.owner_id, reason, day, at: now() });
          });
        }
        if (skip && skip !== w?.skip_reason) await q.insertEvent(db, { customer_id: c.id, pool_id: null, kind: 'skipped', user_id: c.owner_id, reason: `${skip}（${reason}）`, day, at: now() });
        const row = { owner_id: c.owner_id, rule: due.rule, due_date: due.due, reason, reminded_on: reminded, skip_reason: skip, updated_at: now() };
        if (w) await q.updateWatch(db, c.id, row);
        else await q.insertWatch(db, { customer_id: c.id, ...row });
      }
    }
    return moved;
  }

  async function release(customerId: number, ownerId: number, pool: Pool, due: Due, reason: string, day: string) {
    await db.transaction().execute(async (trx) => {
      await q.insertEntry(trx, { customer_id: customerId, pool_id: pool.id, previous_owner_id: ownerId, rule: due.rule, reason, released_at: now() });
      await deps.customers.releaseToPool(trx, customerId, { owner_id: pool.keeper_id, team_id: null, department_id: pool.department_id }, t(LANG, 'pool.released', { pool: pool.name, reason }));
      await q.deleteWatch(trx, [customerId]);
      await q.insertEvent(trx, { customer_id: customerId, pool_id: pool.id, kind: 'released', user_id: ownerId, reason, day, at: now() });
    });
  }

  return {
    runAll,

    /** Once a night across every app process: the lease lets one run, the last run time stops the rest. */
    async runNightly(leases: Pick<Leases, 'acquire'>): Promise<number | null> {
      const at = clock.now();
      if (hourOf(at) < NIGHTLY_HOUR) return null;
      const last = await q.lastRunAt(db, NIGHTLY_JOB);
      if (last && shanghaiDate(new Date(last)) === shanghaiDate(at) && hourOf(new Date(last)) >= NIGHTLY_HOUR) return null;
      if (!(await leases.acquire(NIGHTLY_JOB, NIGHTLY_LEASE_MS))) return null;
      return runAll();
    },

    listPools: (ctx: RequestContext) => q.listPools(db, ctx.actor),

    /** Pool movements since a day; the user is the previous owner of a release and the claimer of a claim. */
    movementsSource: (conn: Kysely<Database>, day: string) => q.movementsSince(conn, day),

    async createPool(input: { name: string; departmentId: number; keeperId: number; isDefault?: boolean }) {
      if (!(await q.department(db, input.departmentId))) throw errors.field('departmentId', 'pool.department_not_found');
      const keeper = await q.user(db, input.keeperId);
      if (!keeper || !keeper.active || keeper.department_id !== input.departmentId) throw errors.field('keeperId', 'pool.keeper_invalid');
      return db.transaction().execute(async (trx) => {
        if (input.isDefault) await q.clearDefault(trx, input.departmentId);
        return q.insertPool(trx, { name: input.name, department_id: input.departmentId, keeper_id: input.keeperId, is_default: input.isDefault ? 1 : 0, created_at: now() });
      });
    },

    getPool: async (id: number) => (await q.getPool(db, id)) ?? Promise.reject(errors.notFound()),

    entries: (poolId: number, f: EntryFilters, p: { page: number; pageSize: number }) => q.listEntries(db, poolId, f, p),

    /** The caller's claims today and holdings against the caps, and their cooldown. */
    async myStatus(ctx: RequestContext) {
      const [claimedToday, holding, dailyCap, holdingCap, cooldownDays] = await Promise.all([
        q.claimsOn(db, ctx.actor.id, today()),
        q.holding(db, ctx.actor.id),
        settings.value<number>('pool.dailyClaimCap'),
        settings.value<number>('pool.holdingCap'),
        settings.value<number>('pool.reclaimCooldownDays'),
      ]);
      return { claimedToday, dailyCap, holding, holdingCap, cooldownDays, today: today() };
    },

    /** A user takes a customer from a pool they can see (docs/regulations.md §8). */
    async claim(ctx: RequestContext, poolId: number, customerId: number) {
      const pool = (await q.getPool(db, poolId))!;
      const entry = await q.entry(db, customerId);
      if (!entry || entry.pool_id !== poolId) throw errors.field('customerId', 'pool.not_in_pool');
      const s = await this.myStatus(ctx);
      if (entry.previous_owner_id === ctx.actor.id) {
        const until = addDays(shanghaiDate(new Date(entry.released_at)), s.cooldownDays);
        if (s.today < until) throw errors.field('customerId', 'pool.cooldown', { until });
      }
      if (s.claimedToday >= s.dailyCap) throw errors.field('customerId', 'pool.daily_cap', { count: s.claimedToday, cap: s.dailyCap });
      if (s.holding >= s.holdingCap) throw errors.field('customerId', 'pool.holding_cap', { count: s.holding, cap: s.holdingCap });
      await db.transaction().execute(async (trx) => {
        if (!(await q.deleteEntry(trx, customerId, poolId))) throw errors.field('customerId', 'pool.not_in_pool');
        await deps.customers.claimFromPool(trx, ctx, customerId, t(LANG, 'pool.claimed', { pool: pool.name }));
        await q.deleteWatch(trx, [customerId]);
        await q.insertEvent(trx, { customer_id: customerId, pool_id: poolId, kind: 'claimed', user_id: ctx.actor.id, reason: t(LANG, 'pool.claimed', { pool: pool.name }), day: s.today, at: now() });
      });
    },

    /** Where a customer stands: in a pool, heading there (and why not moved), and the log. */
    async customerPool(customerId: number) {
      const [entry, watch, events] = await Promise.all([q.entry(db, customerId), q.watch(db, customerId), q.events(db, customerId)]);
      return { entry: entry ?? null, watch: watch ?? null, events };
    },

    moveCustomer: q.moveCustomer,
  };
}
export type PoolService = ReturnType<typeof createPoolService>;
