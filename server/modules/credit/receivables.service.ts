import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DialectKind } from '../../db/database';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditInput, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors, type FieldError } from '../../platform/http/errors';
import { LANGS, type Lang, t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { NotificationService } from '../workflow/workflow.types';
import { type BankRating, type OverdueLines, type PaymentRecord, type RatingRules, daysBetween, downgradeFor, lowerBand, overdueOf, rate, toFen } from './credit.rules';
import { type ReceivableFilters, type ReceivableRow, receivableQueries as q } from './receivables.queries';

/** History entries are stored once, in the interface's default language (like the audit log). */
const LANG = 'zh-CN' as const;
export const OVERDUE_JOB = 'credit.overdue';
const NIGHTLY_HOUR = 2;
const NIGHTLY_LEASE_MS = 30 * 60_000;
const BATCH = 500;
const shanghaiHour = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCHours();
const langOf = (locale: string | null | undefined): Lang => ((LANGS as string[]).includes(locale ?? '') ? (locale as Lang) : 'zh-CN');

export type RatingCause = 'receivable' | 'survey' | 'nightly' | 'merge';

export interface ReceivableInput {
  customerId: number;
  docNo: string;
  amount: number;
  dueDate: string;
  paidAmount?: number;
  paidDate?: string | null;
  notes?: string | null;
}
export interface ReceivablePatch {
  amount?: number;
  dueDate?: string;
  paidAmount?: number;
  paidDate?: string | null;
  notes?: string | null;
  version: number;
}
export interface PushItem {
  docNo: string;
  customerId?: number;
  customerArchiveNo?: string;
  amount: number;
  dueDate: string;
  paidAmount?: number;
  paidDate?: string | null;
  notes?: string | null;
}

/**
 * Receivables 应收账款 and the overdue rule of docs/regulations.md §5: receivables past due lower the rating
 * table's result by the levels of the line they cross; the change is kept with the reason in words and the
 * customer's owner is told. Recomputed in the transaction of every change of a receivable or survey, and every
 * night (days pass without anything changing) by one process across all instances.
 */
export function createReceivableService(deps: { db: Kysely<Database>; kind: DialectKind; audit: AuditService; clock: Clock; settings: SettingsService; notifications: NotificationService }) {
  const { db, kind, audit, clock, settings, notifications } = deps;
  const today = () => shanghaiDate(clock.now());

  async function lines(conn: Kysely<Database>): Promise<OverdueLines & { rules: RatingRules }> {
    const v = await settings.values(conn);
    return {
      oneLevelDays: Number(v['credit.overdueOneLevelDays']),
      oneLevelAmountWan: Number(v['credit.overdueOneLevelAmountWan']),
      twoLevelsDays: Number(v['credit.overdueTwoLevelsDays']),
      rules: v['credit.ratingRules'] as RatingRules,
    };
  }

  /**
   * Recomputes the rating in force of these customers inside the caller's transaction. A customer without a
   * credit survey has no rating to lower. Returns how many ratings changed.
   */
  async function recompute(trx: Kysely<Database>, customerIds: number[], cause: RatingCause, ctx: RequestContext | null): Promise<number> {
    const ids = [...new Set(customerIds)];
    if (!ids.length) return 0;
    const l = await lines(trx);
    const day = today();
    const now = clock.now().toISOString();
    const [surveys, receivables, states, customers] = await Promise.all([q.latestSurveys(trx, ids), q.ofCustomers(trx, ids), q.states(trx, ids), q.customers(trx, ids)]);
    const survey = new Map(surveys.map((s) => [s.customer_id, s]));
    const state = new Map(states.map((s) => [s.customer_id, s]));
    const customer = new Map(customers.map((c) => [c.id, c]));
    const owners = new Map((await q.users(trx, customers.map((c) => c.owner_id))).map((u) => [u.id, u]));
    const entries: AuditInput[] = [];
    let changed = 0;
    for (const id of ids) {
      const s = survey.get(id);
      const c = customer.get(id);
      if (!s || !c) continue;
      const computed = rate(
        { registeredCapitalWan: s.registered_capital_wan, yearsInBusiness: s.years_in_business, paymentRecord: s.payment_record as PaymentRecord, overdueWan: s.overdue_wan, bankRating: s.bank_rating as BankRating },
        l.rules,
      ).label;
      const overdue = overdueOf(
        receivables.filter((r) => r.customer_id === id).map((r) => ({ amountCents: Number(r.amount_cents), paidCents: Number(r.paid_cents), dueDate: r.due_date })),
        day,
      );
      const down = downgradeFor(overdue, l);
      const label = lowerBand(l.rules, computed, down.levels).label;
      const levels = label === computed ? 0 : down.levels; // at the lowest band nothing is left to take off
      const why = down.why && levels ? t(LANG, down.why.key, down.why.params) : null;
      const before = state.get(id);
      const same =
        before && before.label === label && before.computed_label === computed && before.levels_down === levels && Number(before.overdue_cents) === overdue.cents && before.overdue_days === overdue.days;
      if (same) continue;
      await q.upsertState(trx, {
        customer_id: id,
        label,
        computed_label: computed,
        levels_down: levels,
        overdue_cents: overdue.cents,
        overdue_days: overdue.days,
        reason: why,
        changed_at: before && before.label === label ? before.changed_at : now,
        computed_at: now,
      });
      if (before && before.label === label && before.levels_down === levels) continue;
      const from = before?.label ?? null;
      const kind = levels > 0 && (!before || levels > before.levels_down || label !== before.label) ? 'lowered' : before && before.levels_down > 0 ? 'restored' : 'rated';
      const reason = t(LANG, `credit.rating.${kind}`, { from: from ?? '—', to: label, computed, levels, why: why ?? '' });
      await q.insertChange(trx, {
        customer_id: id,
        old_label: from,
        new_label: label,
        computed_label: computed,
        levels_down: levels,
        overdue_cents: overdue.cents,
        overdue_days: overdue.days,
        reason,
        cause,
        actor_id: ctx?.actor.id ?? null,
        at: now,
      });
      entries.push({ action: 'credit_rating', entityType: 'customer', entityId: id, summary: reason, changes: { creditRating: [from, label] } });
      changed++;
      // The owner hears of a rating lowered or given back for receivables (docs/regulations.md §5), in their language.
      const owner = owners.get(c.owner_id);
      if (kind !== 'rated' && owner && owner.active === 1) {
        await notifications.notify(trx, {
          userIds: [owner.id],
          kind: `credit.rating_${kind}`,
          titleKey: `credit.notify.${kind}`,
          bodyKey: `credit.rating.${kind}`,
          params: { customer: c.name, from: from ?? '—', to: label, computed, levels, why: down.why && levels ? { key: down.why.key, params: down.why.params } : '' },
          link: { type: 'customer', id, path: `/customers/${id}?tab=credit` },
        });
      }
    }
    if (entries.length) await audit.recordMany(trx, actorInfo(ctx), entries);
    return changed;
  }

  async function recomputeAll(cause: RatingCause): Promise<number> {
    let changed = 0;
    let after = 0;
    for (;;) {
      const ids = await q.ratedAfter(db, kind, after, BATCH);
      if (!ids.length) return changed;
      changed += await db.transaction().execute((trx) => recompute(trx, ids, cause, null));
      after = ids[ids.length - 1]!;
    }
  }

  async function get(id: number, conn: Kysely<Database> = db): Promise<ReceivableRow> {
    const r = await q.get(conn, id);
    if (!r) throw errors.notFound();
    return r;
  }

  /** Amount, paid amount and paid date checked together; returns the columns in 分. */
  function money(input: { amount: number; paidAmount?: number; paidDate?: string | null }, problems: FieldError[]) {
    const amount = toFen(input.amount);
    if (amount === null) problems.push({ field: 'amount', message: 'credit.amount_invalid' });
    const paid = input.paidAmount === undefined ? 0 : toFen(input.paidAmount, true);
    if (paid === null) problems.push({ field: 'paidAmount', message: 'credit.amount_invalid' });
    else if (amount !== null && paid > amount) problems.push({ field: 'paidAmount', message: 'credit.paid_exceeds' });
    // A payment without a date is taken as paid today.
    const paidDate = paid ? (input.paidDate ?? today()) : (input.paidDate ?? null);
    return { amount_cents: amount ?? 0, paid_cents: paid ?? 0, paid_date: paidDate };
  }

  const summaryOf = (docNo: string, m: { amount_cents: number; paid_cents: number }) => `${docNo} ${m.paid_cents}/${m.amount_cents}`;

  return {
    recompute,
    get,
    list: (ctx: RequestContext, f: ReceivableFilters, p: { page: number; pageSize: number }) => q.list(db, ctx.actor, f, today(), p),
    today,

    /** The rating in force (rating-table result lowered for overdue receivables) and the history of its changes. */
    async ratingOf(customerId: number) {
      const [[state], history] = await Promise.all([q.states(db, [customerId]), q.changes(db, customerId)]);
      return { state: state ?? null, history };
    },

    /** By hand, by finance; the customer must lie in the caller's scope, the document number be new. */
    async create(ctx: RequestContext, input: ReceivableInput) {
      const problems: FieldError[] = [];
      if (!(await q.visibleCustomers(db, ctx.actor, [input.customerId], [])).length) problems.push({ field: 'customerId', message: 'credit.customer_not_found' });
      const m = money(input, problems);
      if ((await q.byDocNos(db, [input.docNo])).length) problems.push({ field: 'docNo', message: 'credit.receivable_doc_taken' });
      if (problems.length) throw errors.validation(problems);
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insert(trx, { customer_id: input.customerId, doc_no: input.docNo, source: 'manual', ...m, due_date: input.dueDate, notes: input.notes ?? null, created_by: ctx.actor.id, created_at: now, updated_at: now });
        if (id === undefined) throw errors.field('docNo', 'credit.receivable_doc_taken'); // entered by someone else meanwhile
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'credit_receivable', entityId: id, summary: summaryOf(input.docNo, m), changes: { customerId: [null, input.customerId], amount: [null, m.amount_cents], dueDate: [null, input.dueDate] } });
        await recompute(trx, [input.customerId], 'receivable', ctx);
        return id;
      });
      return get(id);
    },

    /** A correction or a payment; the rating follows in the same transaction. */
    async update(ctx: RequestContext, id: number, input: ReceivablePatch) {
      const before = await get(id);
      const problems: FieldError[] = [];
      const m = money(
        {
          amount: input.amount ?? Number(before.amount_cents) / 100,
          paidAmount: input.paidAmount ?? Number(before.paid_cents) / 100,
          paidDate: input.paidDate === undefined ? before.paid_date : input.paidDate,
        },
        problems,
      );
      if (problems.length) throw errors.validation(problems);
      const patch = { ...m, due_date: input.dueDate ?? before.due_date, notes: input.notes === undefined ? before.notes : input.notes };
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'credit_receivables', id, input.version, patch, clock.now().toISOString());
        await audit.record(trx, actorInfo(ctx), {
          action: 'update',
          entityType: 'credit_receivable',
          entityId: id,
          summary: summaryOf(before.doc_no, m),
          changes: { amount: [Number(before.amount_cents), m.amount_cents], paid: [Number(before.paid_cents), m.paid_cents], dueDate: [before.due_date, patch.due_date] },
        });
        await recompute(trx, [before.customer_id], 'receivable', ctx);
      });
      return get(id);
    },

    /**
     * The ERP pushes the current state of its documents: a new number is added, a known one updated when
     * something differs, and left alone when nothing does, so pushing the same batch twice changes nothing.
     */
    async push(ctx: RequestContext, body: { source: string; items: PushItem[] }) {
      const { items } = body;
      const rejected: { index: number; docNo: string; errors: { field: string; message: string }[] }[] = [];
      const customers = await q.visibleCustomers(
        db,
        ctx.actor,
        items.flatMap((it) => (it.customerId ? [it.customerId] : [])),
        items.flatMap((it) => (it.customerArchiveNo ? [it.customerArchiveNo] : [])),
      );
      const byId = new Set(customers.map((c) => c.id));
      const byArchiveNo = new Map(customers.map((c) => [c.archive_no, c.id]));
      const seen = new Set<string>();
      const valid: { item: PushItem; customerId: number; m: ReturnType<typeof money> }[] = [];
      items.forEach((it, i) => {
        const problems: FieldError[] = [];
        const customerId = it.customerId !== undefined ? (byId.has(it.customerId) ? it.customerId : undefined) : it.customerArchiveNo !== undefined ? byArchiveNo.get(it.customerArchiveNo) : undefined;
        if (customerId === undefined) problems.push({ field: it.customerArchiveNo !== undefined && it.customerId === undefined ? 'customerArchiveNo' : 'customerId', message: 'credit.customer_not_found' });
        if (seen.has(it.docNo)) problems.push({ field: 'docNo', message: 'credit.receivable_doc_repeated' });
        const m = money(it, problems);
        if (problems.length) {
          rejected.push({ index: i, docNo: it.docNo, errors: problems.map((p) => ({ field: p.field, message: t(ctx.lang, p.message, p.params) })) });
          return;
        }
        seen.add(it.docNo);
        valid.push({ item: it, customerId: customerId!, m });
      });
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      await db.transaction().execute(async (trx) => {
        const existing = new Map((await q.byDocNos(trx, valid.map((v) => v.item.docNo))).map((r) => [r.doc_no, r]));
        const touched = new Set<number>();
        const entries: AuditInput[] = [];
        const now = clock.now().toISOString();
        for (const { item, customerId, m } of valid) {
          const notes = item.notes ?? null;
          const old = existing.get(item.docNo);
          if (!old) {
            const id = await q.insert(trx, { customer_id: customerId, doc_no: item.docNo, source: body.source, ...m, due_date: item.dueDate, notes, created_by: ctx.actor.id, created_at: now, updated_at: now });
            if (id === undefined) {
              unchanged++; // pushed by someone else meanwhile
              continue;
            }
            created++;
            touched.add(customerId);
            entries.push({ action: 'create', entityType: 'credit_receivable', entityId: id, summary: `${body.source} ${summaryOf(item.docNo, m)}` });
            continue;
          }
          const same =
            old.customer_id === customerId && Number(old.amount_cents) === m.amount_cents && Number(old.paid_cents) === m.paid_cents && old.paid_date === m.paid_date && old.due_date === item.dueDate && old.notes === notes;
          if (same) {
            unchanged++;
            continue;
          }
          await q.update(trx, old.id, { ...m, due_date: item.dueDate, notes, customer_id: customerId }, now);
          updated++;
          touched.add(customerId).add(old.customer_id);
          entries.push({
            action: 'update',
            entityType: 'credit_receivable',
            entityId: old.id,
            summary: `${body.source} ${summaryOf(item.docNo, m)}`,
            changes: { amount: [Number(old.amount_cents), m.amount_cents], paid: [Number(old.paid_cents), m.paid_cents], dueDate: [old.due_date, item.dueDate] },
          });
        }
        if (entries.length) await audit.recordMany(trx, actorInfo(ctx), entries);
        await recompute(trx, [...touched], 'receivable', ctx);
      });
      return { created, updated, unchanged, rejected };
    },

    /**
     * The nightly run: after 02:00 Shanghai time, if no process has run it today, the one that takes the
     * lease recomputes every customer with receivables or a rating (days pass, lines change). Null when this
     * process did not run it.
     */
    async runNightly(leases: Pick<Leases, 'acquire'>): Promise<number | null> {
      const now = clock.now();
      if (shanghaiHour(now) < NIGHTLY_HOUR) return null;
      const last = await q.lastRunAt(db, OVERDUE_JOB);
      if (last && shanghaiDate(new Date(last)) === shanghaiDate(now) && shanghaiHour(new Date(last)) >= NIGHTLY_HOUR) return null;
      if (!(await leases.acquire(OVERDUE_JOB, NIGHTLY_LEASE_MS))) return null;
      return recomputeAll('nightly');
    },

    /** A merge moves the merged customer's receivables and history here, then the survivor's rating is recomputed. */
    async moveCustomer(trx: Kysely<Database>, fromId: number, toId: number) {
      await q.moveCustomer(trx, fromId, toId);
      await recompute(trx, [toId], 'merge', null);
    },

    /** Days past due of an open receivable today; 0 when it is paid or not yet due. */
    overdueDays(r: Pick<ReceivableRow, 'amount_cents' | 'paid_cents' | 'due_date'>) {
      const day = today();
      return Number(r.paid_cents) < Number(r.amount_cents) && r.due_date < day ? daysBetween(r.due_date, day) : 0;
    },
  };
}
export type ReceivableService = ReturnType<typeof createReceivableService>;
