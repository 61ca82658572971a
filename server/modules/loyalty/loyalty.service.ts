import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import { type Actor, loadActor, type RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import { people } from '../org/org.queries';
import type { CustomerService } from '../customers/customers.service';
import type { TasksService } from '../workflow/tasks.service';
import { type LoyaltyCustomer, loyaltyQueries as q, type RfmRow } from './loyalty.queries';
import { addMonths, type ChurnState, churnOf, lostCutoff, type Segment, segmentOf } from './loyalty.rules';

const LANG = 'zh-CN' as const;
const BATCH = 1000;
const SOURCE = 'loyalty';

export interface ContactSource {
  /** customer id → newest visit or call (ISO instant); never-contacted customers are absent. */
  lastContactDates(customerIds: number[]): Promise<Map<number, string>>;
}

export interface ChurnRisk {
  customer: LoyaltyCustomer;
  lastVisit: string | null;
  churn: ChurnState;
  reason: string | null;
  taskId: number | null;
}

/**
 * Churn and loyalty (docs/regulations.md §16): churn risks (N months without a visit) with the owner's reason
 * and one outreach task per risk period, customers proposed as lost (M months without a purchase) and the loss
 * recorded through the archive, RFM quintiles and segments computed in SQL.
 */
export function createLoyaltyService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  tasks: Pick<TasksService, 'createTask' | 'get' | 'complete'>;
  customers: Pick<CustomerService, 'endCooperation'>;
  contacts: ContactSource;
}) {
  const { db, audit, clock, settings, tasks, customers, contacts } = deps;
  const today = () => shanghaiDate(clock.now());

  /** The churn state of these customers: the last visit, else the start of cooperation; neither = not judged. */
  async function evaluate(rows: LoyaltyCustomer[], day: string, months: number): Promise<ChurnRisk[]> {
    const out: ChurnRisk[] = [];
    for (let i = 0; i < rows.length; i += BATCH) {
      const part = rows.slice(i, i + BATCH);
      const ids = part.map((c) => c.id);
      const [last, risks] = await Promise.all([contacts.lastContactDates(ids), q.risksOf(db, ids)]);
      for (const customer of part) {
        const at = last.get(customer.id);
        const lastVisit = at ? shanghaiDate(new Date(at)) : null;
        const since = lastVisit ?? customer.cooperation_since ?? null;
        if (!since) continue;
        const churn = churnOf(since, day, months);
        const row = risks.find((r) => r.customer_id === customer.id && r.risk_since === churn.riskSince);
        out.push({ customer, lastVisit, churn, reason: row?.reason ?? null, taskId: row?.task_id ?? null });
      }
    }
    return out;
  }

  async function actorOf(conn: Kysely<Database>, userId: number) {
    const [u] = await people.byIds(conn, [userId]);
    return u && u.active === 1 ? await loadActor(conn, u) : null;
  }

  /** The period's row, made if missing (a concurrent insert of the same period loses on the unique key). */
  async function periodRow(conn: Kysely<Database>, e: ChurnRisk) {
    const found = await q.risk(conn, e.customer.id, e.churn.riskSince);
    if (found) return found;
    await q.insertRisk(conn, { customer_id: e.customer.id, risk_since: e.churn.riskSince, owner_id: e.customer.owner_id ?? null, created_at: clock.now().toISOString() });
    return (await q.risk(conn, e.customer.id, e.churn.riskSince))!;
  }

  /** One outreach task per customer and risk period, for the owner: a second run (or process) finds it attached. */
  async function outreach(e: ChurnRisk, taskDays: number): Promise<boolean> {
    const c = e.customer;
    if (!c.owner_id) return false;
    return db
      .transaction()
      .execute(async (trx) => {
        const row = await periodRow(trx, e);
        if (row.task_id) return false;
        const owner = await actorOf(trx, c.owner_id!);
        if (!owner) return false; // an owner who has left: the customer waits for its transfer
        const task = await tasks.createTask(trx, owner, {
          title: t(LANG, 'loyalty.task.title', { customer: c.name, months: e.churn.monthsSince }),
          description: t(LANG, 'loyalty.task.body', { last: e.lastVisit ?? t(LANG, 'loyalty.task.never') }),
          assigneeId: c.owner_id!,
          due: { workingDays: taskDays },
          link: { type: 'customer', id: c.id, path: `/customers/${c.id}` },
          source: SOURCE,
        });
        if (!(await q.attachTask(trx, row.id, task.id))) throw new Error('attached by another run');
        return true;
      })
      .catch(() => false); // the other process made the period or its task first
  }

  /** A visit since the period began ends it: the open outreach task is completed (as its assignee) with a note. */
  async function closeIfVisited(row: { id: number; customer_id: number; risk_since: string; task_id: number | null }, current: Map<number, string>): Promise<boolean> {
    if (current.get(row.customer_id) === row.risk_since) return false;
    return db
      .transaction()
      .execute(async (trx) => {
        if (!(await q.close(trx, row.id, clock.now().toISOString()))) return false;
        const task = await tasks.get(row.task_id!, trx);
        if (task.status !== 'open') return true;
        const who = (await actorOf(trx, task.assignee_id)) ?? (await actorOf(trx, task.creator_id));
        if (who) await tasks.complete(systemCtx(who), task.id, { note: t(LANG, 'loyalty.task.closed'), version: task.version }, trx);
        return true;
      })
      .catch(() => false);
  }
  const systemCtx = (actor: Actor): RequestContext => ({ actor, ip: null, requestId: SOURCE, lang: LANG });

  async function run(): Promise<{ created: number }> {
    const months = await settings.number('loyalty.churnRiskMonths');
    const taskDays = await settings.number('loyalty.taskWorkingDays');
    const day = today();
    const atRisk = new Map<number, string>(); // customer → its current risk period
    let created = 0;
    for (let after = 0; ; ) {
      const rows = await q.batch(db, after, BATCH);
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      for (const e of await evaluate(rows, day, months)) {
        if (!e.churn.atRisk) continue;
        atRisk.set(e.customer.id, e.churn.riskSince);
        if (await outreach(e, taskDays)) created++;
      }
    }
    for (let after = 0; ; ) {
      const open = await q.openWithTask(db, after, BATCH);
      if (!open.length) break;
      after = open[open.length - 1]!.id;
      for (const row of open) await closeIfVisited(row, atRisk);
    }
    return { created };
  }

  async function rfmWindow() {
    const to = today();
    return { from: addMonths(to, -(await settings.number('loyalty.rfmWindowMonths'))), to };
  }
  const withSegment = <T extends RfmRow>(r: T) => ({ ...r, segment: segmentOf(r.r, r.f, r.m) });

  return {
    today,
    run,

    /** The scheduled run, under a lease so one process runs it at a time (docs/regulations.md §16). */
    async runScheduled(leases: Pick<Leases, 'acquire'>, leaseMs: number) {
      if (!(await leases.acquire('loyalty.churn', leaseMs))) return null;
      return run();
    },

    /** For the C卡 table (docs/regulations.md §16): the RFM window and every buyer's scores in it, as a sub-query aliased `rfm`. */
    async rfmSource(conn: Kysely<Database>) {
      const w = await rfmWindow();
      return { window: w, source: q.rfmSource(conn, w.from, w.to) };
    },

    /** Churn risks within the caller's scope, longest without a visit first. */
    async churnRisks(ctx: RequestContext, f: { ownerId?: number; teamId?: number }) {
      const months = await settings.number('loyalty.churnRiskMonths');
      const rows = await q.inScope(db, ctx.actor, f);
      const all = (await evaluate(rows, today(), months)).filter((e) => e.churn.atRisk);
      return { months, rows: all.sort((a, b) => b.churn.monthsSince - a.churn.monthsSince || a.customer.id - b.customer.id).slice(0, 1000) };
    },

    /** The owner (or a lead) records why the customer is drifting away, for the current risk period. */
    async setReason(ctx: RequestContext, customerId: number, text: string) {
      const reason = text.trim();
      if (!reason) throw errors.field('reason', 'loyalty.reason_required');
      const customer = await q.one(db, customerId);
      if (!customer) throw errors.conflict('loyalty.not_at_risk');
      const [e] = await evaluate([customer], today(), await settings.number('loyalty.churnRiskMonths'));
      if (!e?.churn.atRisk) throw errors.conflict('loyalty.not_at_risk');
      await db.transaction().execute(async (trx) => {
        const row = await periodRow(trx, e);
        await q.setReason(trx, row.id, reason, ctx.actor.id, clock.now().toISOString());
        await audit.record(trx, actorInfo(ctx), { action: 'loyalty.churn_reason', entityType: 'customer', entityId: customerId, summary: reason, changes: { churnReason: [row.reason, reason] } });
      });
      return { ...e, reason };
    },

    /** Active customers in scope with no purchase for M months (they bought before): proposed as lost. */
    async lostProposals(ctx: RequestContext) {
      const months = await settings.number('loyalty.lostMonths');
      const day = today();
      return { months, rows: await q.lostCandidates(db, ctx.actor, lostCutoff(day, months), day) };
    },

    /** Records the loss through the archive (status 流失, the reason in the customer's history). */
    async markLost(ctx: RequestContext, customerId: number, text: string) {
      const reason = text.trim();
      if (!reason) throw errors.field('reason', 'loyalty.reason_required');
      const c = await q.status(db, customerId);
      if (!c) throw errors.notFound();
      if (c.status === 'lost') throw errors.conflict('loyalty.already_lost');
      const last = await q.lastPurchase(db, customerId, today());
      const summary = t(LANG, 'loyalty.lost.summary', { last: last ?? t(LANG, 'loyalty.lost.never'), reason });
      await db.transaction().execute((trx) => customers.endCooperation(trx, ctx, customerId, summary));
      return { customerId, status: 'lost' as const, lastPurchase: last, reason };
    },

    /** RFM scores, segments and the value rank within the caller's scope (scores over every buyer in the window). */
    async rfmList(ctx: RequestContext, f: { segment?: Segment }) {
      const w = await rfmWindow();
      const highs = f.segment ? highsOf(f.segment) : undefined;
      const rows = (await q.rfmInScope(db, ctx.actor, w.from, w.to, { highs, limit: 1000 })).map(withSegment);
      return { ...w, rows };
    },

    /** One customer's loyalty: churn state, last purchase, RFM and rank. */
    async customer(customerId: number) {
      const months = await settings.number('loyalty.churnRiskMonths');
      const day = today();
      const c = await q.one(db, customerId);
      const [e] = c ? await evaluate([c], day, months) : [];
      const w = await rfmWindow();
      const r = await q.rfmOf(db, customerId, w.from, w.to);
      return { months, churn: e ?? null, lastPurchase: await q.lastPurchase(db, customerId, day), window: w, rfm: r ? withSegment(r) : null };
    },
  };
}

function highsOf(s: Segment) {
  const [level, kind] = s.split('_') as ['important' | 'general', 'value' | 'retain' | 'develop' | 'winback'];
  return { m: level === 'important', r: kind === 'value' || kind === 'develop', f: kind === 'value' || kind === 'retain' };
}
export type LoyaltyService = ReturnType<typeof createLoyaltyService>;
