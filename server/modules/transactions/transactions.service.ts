import type { DialectKind } from '../../db/database';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditInput, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { type FieldError, errors } from '../../platform/http/errors';
import { type Lang, t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import { type TransactionFilters, type TransactionSortField, transactionQueries as q } from './transactions.queries';
import {
  type AmountClass,
  type AmountClassification,
  type ClassLines,
  type CooperationClassification,
  type IndustryClass,
  type IndustryClassification,
  type IndustryRow,
  type ReturnKind,
  classificationReason,
  classifyByAmount,
  classifyByCooperation,
  classifyByIndustry,
  cooperationReason,
  industryReason,
  formatYuan,
  lineAmountCents,
  returnFits,
  toCents,
  validateTransaction,
  yearOf,
} from './transactions.rules';

export interface TransactionInput {
  customerId: number;
  date: string;
  product: string;
  model?: string | null;
  quantity: number;
  unitPrice: number;
  amount?: number | null;
  salespersonId?: number | null;
  contractId?: number | null;
  sourceDocNo?: string | null;
}

export interface BatchItem {
  sourceDocNo: string;
  customerId?: number;
  customerArchiveNo?: string;
  date: string;
  product: string;
  model?: string | null;
  quantity: number;
  unitPrice: number;
  amount?: number | null;
  salesperson?: string | null;
  contractNo?: string | null;
}

export interface ReturnInput {
  customerId?: number;
  transactionId?: number;
  kind: ReturnKind;
  date: string;
  amount: number;
  reason: string;
  responsibleParty: string;
}

/** The source system of the summaries the customer import writes (their numbers are IMPORT-<archive no>-<year>). */
export const IMPORT_SOURCE_SYSTEM = 'customer_import';

export type ClassCause = 'transaction' | 'return' | 'import' | 'nightly' | 'merge' | 'customer';

/** The nightly reclassification starts at 02:00 Shanghai time, once a day across all processes. */
export const NIGHTLY_JOB = 'transactions.classification';
const NIGHTLY_HOUR = 2;
const NIGHTLY_LEASE_MS = 30 * 60_000;
const BATCH = 500;

const shanghaiHour = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCHours();

export interface TransactionDeps {
  db: Kysely<Database>;
  /** The dialect: the nightly run's batches are read the way each planner does best. */
  kind: DialectKind;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
}

export function createTransactionService(deps: TransactionDeps) {
  const { db, audit, clock, settings } = deps;
  const { kind } = deps;

  async function lines(conn: Kysely<Database>): Promise<ClassLines> {
    const v = await settings.values(conn);
    return { largeMinWan: Number(v['classification.largeMinAnnualWan']), smallMaxWan: Number(v['classification.smallMaxAnnualWan']) };
  }

  async function dimensionRules(conn: Kysely<Database>) {
    const v = await settings.values(conn);
    return {
      table: v['classification.industryClasses'] as IndustryRow[],
      defaultClass: v['classification.industryDefaultClass'] as IndustryClass,
      longYears: Number(v['classification.longCooperationYears']),
      shortYears: Number(v['classification.shortCooperationYears']),
    };
  }

  const industryName = (lang: Lang, c: string | null) => (c ? t(lang, 'transaction.industry_class', { class: c }) : t(lang, 'transaction.industry_class.none'));
  const cooperationName = (lang: Lang, c: string | null) => t(lang, `transaction.cooperation_class.${c ?? 'none'}`);
  const industryText = (lang: Lang, c: IndustryClassification | null) => {
    if (!c) return t(lang, 'transaction.reason.no_industry');
    const r = industryReason(c);
    return t(lang, r.key, r.params);
  };
  const cooperationText = (lang: Lang, c: CooperationClassification | null) => {
    if (!c) return t(lang, 'transaction.reason.no_cooperation');
    const r = cooperationReason(c);
    return t(lang, r.key, r.params);
  };

  /**
   * The industry class (by the settings table) and the cooperation-years class (from the first
   * transaction or the archive's start date) of these customers, in the caller's transaction
   * (docs/regulations.md §3). Each change lands in the class history and the customer's history with
   * the reason in words; returns the number of changes.
   */
  async function reclassifyDimensions(trx: Kysely<Database>, customerIds: number[], cause: ClassCause, ctx: RequestContext | null): Promise<number> {
    const rules = await dimensionRules(trx);
    const now = clock.now().toISOString();
    const today = shanghaiDate(clock.now());
    const inputs = await q.dimensionInputs(trx, customerIds);
    const current = new Map((await q.dimensionClassesOf(trx, customerIds)).map((r) => [r.customer_id, r]));
    const untouched: number[] = [];
    const removed: number[] = [];
    const upserts: Insertable<Database['customer_dimension_classes']>[] = [];
    const changes: Insertable<Database['customer_class_changes']>[] = [];
    const entries: AuditInput[] = [];
    for (const c of inputs) {
      const before = current.get(c.id);
      const ind = classifyByIndustry(c.industry, rules.table, rules.defaultClass);
      const coop = classifyByCooperation(c.first_date ?? null, c.cooperation_since, today, rules);
      const row = {
        industry: ind?.industry ?? null,
        industry_class: ind?.industryClass ?? null,
        industry_listed: ind ? (ind.listed ? 1 : 0) : null,
        cooperation_class: coop?.cooperationClass ?? null,
        cooperation_from: coop?.from ?? null,
        cooperation_years: coop?.years ?? null,
        long_years: coop ? rules.longYears : null,
        short_years: coop ? rules.shortYears : null,
      };
      const oldIndustry = before?.industry_class ?? null;
      const oldCooperation = before?.cooperation_class ?? null;
      const same = before && (Object.keys(row) as (keyof typeof row)[]).every((k) => (before[k] ?? null) === row[k]);
      if (same) {
        untouched.push(c.id);
        continue;
      }
      if (!before && !ind && !coop) continue;
      const classChanged = oldIndustry !== row.industry_class || oldCooperation !== row.cooperation_class;
      if (!ind && !coop) removed.push(c.id);
      else upserts.push({ customer_id: c.id, ...row, changed_at: classChanged || !before ? now : before.changed_at, computed_at: now });
      const change = (dimension: 'industry' | 'cooperation', from: string | null, to: string | null, reason: string, summary: string) => {
        entries.push({ action: `classify.${dimension}`, entityType: 'customer', entityId: c.id, summary });
        changes.push({
          customer_id: c.id,
          dimension,
          old_class: from,
          new_class: to,
          year: null,
          net_cents: null,
          large_line_cents: 0,
          small_line_cents: 0,
          cause,
          actor_id: ctx?.actor.id ?? null,
          at: now,
          reason,
        });
      };
      // The archive's history is kept in the default language, like every other entry of the audit log.
      if (oldIndustry !== row.industry_class) {
        const reason = industryText('zh-CN', ind);
        change('industry', oldIndustry, row.industry_class, reason, t('zh-CN', 'transaction.history.industry', { from: industryName('zh-CN', oldIndustry), to: industryName('zh-CN', row.industry_class), reason }));
      }
      if (oldCooperation !== row.cooperation_class) {
        const reason = cooperationText('zh-CN', coop);
        change('cooperation', oldCooperation, row.cooperation_class, reason, t('zh-CN', 'transaction.history.cooperation', { from: cooperationName('zh-CN', oldCooperation), to: cooperationName('zh-CN', row.cooperation_class), reason }));
      }
    }
    // Set-based, as for the class by amount: a few statements per batch, not one per customer and change.
    await q.deleteDimensionClasses(trx, removed);
    await q.upsertDimensionClasses(trx, upserts);
    await q.insertClassChanges(trx, changes);
    await q.touchDimensionClasses(trx, untouched, now);
    if (entries.length) await audit.recordMany(trx, actorInfo(ctx), entries);
    return entries.length;
  }

  const className = (lang: Lang, c: string | null) => (c ? t(lang, `transaction.class.${c}`) : t(lang, 'transaction.class.none'));
  const reasonText = (lang: Lang, c: AmountClassification) => {
    const r = classificationReason(c);
    return t(lang, r.key, r.params);
  };

  /**
   * Recomputes the class by amount of these customers in the caller's transaction (docs/regulations.md §3).
   * A change is kept in customer_class_changes and written to the customer's history with the reason in
   * words; the count of changed customers is returned.
   */
  async function reclassify(trx: Kysely<Database>, customerIds: number[], cause: ClassCause, ctx: RequestContext | null): Promise<number> {
    if (!customerIds.length) return 0;
    const l = await lines(trx);
    const now = clock.now().toISOString();
    const year = yearOf(shanghaiDate(clock.now()));
    const totals = await q.yearTotals(trx, customerIds);
    const current = new Map((await q.classesOf(trx, customerIds)).map((r) => [r.customer_id, r]));
    const untouched: number[] = [];
    const removed: number[] = [];
    const upserts: Insertable<Database['customer_classes']>[] = [];
    const changes: Insertable<Database['customer_class_changes']>[] = [];
    const entries: AuditInput[] = [];
    for (const id of customerIds) {
      const before = current.get(id);
      const c = classifyByAmount(totals.get(id) ?? [], year, l);
      const oldClass = (before?.amount_class ?? null) as AmountClass | null;
      const newClass = c?.amountClass ?? null;
      if (!c) {
        if (!before) continue;
        removed.push(id);
      } else {
        const sameFigures =
          before && before.amount_year === c.year && Number(before.amount_net_cents) === c.netCents && Number(before.large_line_cents) === c.largeLineCents && Number(before.small_line_cents) === c.smallLineCents;
        if (oldClass === newClass && sameFigures) {
          untouched.push(id);
          continue;
        }
        upserts.push({
          customer_id: id,
          amount_class: c.amountClass,
          amount_year: c.year,
          amount_net_cents: c.netCents,
          large_line_cents: c.largeLineCents,
          small_line_cents: c.smallLineCents,
          reason: reasonText('zh-CN', c),
          changed_at: oldClass === newClass && before ? before.changed_at : now,
          computed_at: now,
        });
      }
      if (oldClass === newClass) continue;
      changes.push({
        customer_id: id,
        dimension: 'amount',
        old_class: oldClass,
        new_class: newClass,
        year: c?.year ?? null,
        net_cents: c?.netCents ?? null,
        large_line_cents: c?.largeLineCents ?? 0,
        small_line_cents: c?.smallLineCents ?? 0,
        cause,
        actor_id: ctx?.actor.id ?? null,
        at: now,
      });
      // The archive's history is kept in the default language, like every other entry of the audit log.
      entries.push({
        action: 'classify',
        entityType: 'customer',
        entityId: id,
        summary: t('zh-CN', 'transaction.history', { from: className('zh-CN', oldClass), to: className('zh-CN', newClass), reason: c ? reasonText('zh-CN', c) : '' }),
      });
    }
    // Set-based: a few statements per batch of customers, whatever their number (the nightly run covers all).
    await q.deleteClasses(trx, removed);
    await q.upsertClasses(trx, upserts);
    await q.insertClassChanges(trx, changes);
    await q.touchClasses(trx, untouched, now);
    if (entries.length) await audit.recordMany(trx, actorInfo(ctx), entries);
    return entries.length + (await reclassifyDimensions(trx, customerIds, cause, ctx));
  }

  /** Every customer with purchases or a class, in batches of its own transaction each. */
  async function reclassifyAll(cause: ClassCause): Promise<number> {
    let changed = 0;
    let after = 0;
    for (;;) {
      const ids = await q.classifiableAfter(db, kind, after, BATCH);
      if (!ids.length) return changed;
      changed += await db.transaction().execute((trx) => reclassify(trx, ids, cause, null));
      after = ids[ids.length - 1];
    }
  }

  /** The checks that need the database; the customer must lie in the caller's scope. */
  async function references(ctx: RequestContext, input: Pick<TransactionInput, 'customerId' | 'salespersonId' | 'contractId'>) {
    const problems: FieldError[] = [];
    if (!(await q.visibleCustomers(db, ctx.actor, [input.customerId], [])).length) problems.push({ field: 'customerId', message: 'transaction.customer_not_found' });
    if (input.salespersonId && !(await q.activeUser(db, input.salespersonId))) problems.push({ field: 'salespersonId', message: 'transaction.salesperson_invalid' });
    if (input.contractId) {
      const c = await q.contract(db, input.contractId);
      if (!c || c.customer_id !== input.customerId) problems.push({ field: 'contractId', message: 'transaction.contract_invalid' });
    }
    if (problems.length) throw errors.validation(problems);
  }

  function values(ctx: RequestContext, input: Omit<TransactionInput, 'salespersonId' | 'contractId'> & { salespersonId: number | null; contractId: number | null }, sourceSystem: string, now: string) {
    const unitPriceCents = toCents(input.unitPrice, true)!;
    return {
      customer_id: input.customerId,
      date: input.date,
      product: input.product,
      model: input.model || null,
      quantity: input.quantity,
      unit_price_cents: unitPriceCents,
      amount_cents: lineAmountCents(input.quantity, unitPriceCents, input.amount == null ? null : toCents(input.amount)),
      salesperson_id: input.salespersonId,
      contract_id: input.contractId,
      source_system: sourceSystem,
      source_doc_no: input.sourceDocNo || null,
      created_by: ctx.actor.id,
      created_at: now,
    };
  }

  return {
    reclassify,
    reclassifyAll,

    /** Gross sales per customer and product from one day to another (inclusive), as a sub-query (docs/regulations.md §16). */
    salesByCustomerProduct(conn: Kysely<Database>, from: string, to: string) {
      return q.salesByCustomerProduct(conn, from, to);
    },

    /** Sales lines (customer, month, amount) between two days (inclusive), as a sub-query for narrow scopes (docs/regulations.md §16). */
    salesLines(conn: Kysely<Database>, from: string, to: string) {
      return q.salesLines(conn, from, to);
    },

    /** Gross sales per customer and month between two days (inclusive), as a sub-query (docs/regulations.md §16). */
    salesByCustomerMonth(conn: Kysely<Database>, from: string, to: string) {
      return q.salesByCustomerMonth(conn, from, to);
    },

    /** For the public pool (docs/regulations.md §8): customer id → the day of the latest sale (YYYY-MM-DD). */
    async lastTransactionDates(customerIds: number[]): Promise<Map<number, string>> {
      return new Map((await q.lastDates(db, customerIds)).filter((r) => r.last != null).map((r) => [r.customer_id, String(r.last)]));
    },

    /** For the care calendar's first-purchase anniversaries (docs/regulations.md §12): customer id → the day of the first sale. */
    async firstTransactionDates(customerIds: number[]): Promise<Map<number, string>> {
      return new Map((await q.firstDates(db, customerIds)).filter((r) => r.first != null).map((r) => [r.customer_id, String(r.first)]));
    },

    /** The three classes of these customers as last computed, for grading (docs/regulations.md §3). */
    async classesOf(conn: Kysely<Database>, customerIds: number[]) {
      const amount = new Map((await q.classesOf(conn, customerIds)).map((r) => [r.customer_id, r]));
      const dims = new Map((await q.dimensionClassesOf(conn, customerIds)).map((r) => [r.customer_id, r]));
      return new Map(
        customerIds.map((id) => [
          id,
          {
            amountClass: (amount.get(id)?.amount_class ?? null) as AmountClass | null,
            amountReason: amount.get(id)?.reason ?? null,
            industryClass: (dims.get(id)?.industry_class ?? null) as IndustryClass | null,
            cooperationClass: (dims.get(id)?.cooperation_class ?? null) as CooperationClassification['cooperationClass'] | null,
            cooperationYears: dims.get(id)?.cooperation_years ?? null,
          },
        ]),
      );
    },

    list(ctx: RequestContext, f: TransactionFilters, p: { page: number; pageSize: number; sort: { field: TransactionSortField; direction: 'asc' | 'desc' } }) {
      return q.list(db, ctx.actor, f, p);
    },

    /** One transaction, 404 outside the caller's scope (the scope of its customer). */
    async get(ctx: RequestContext, id: number) {
      if (!(await q.visible(db, ctx.actor, id))) throw errors.notFound();
      return (await q.get(db, id))!;
    },

    /** Entered by hand: the class of its customer is recomputed in the same transaction. */
    async create(ctx: RequestContext, input: TransactionInput) {
      const problems = validateTransaction(input);
      if (problems.length) throw errors.validation(problems);
      await references(ctx, input);
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertIfNew(trx, values(ctx, { ...input, salespersonId: input.salespersonId ?? null, contractId: input.contractId ?? null }, 'manual', now));
        if (id === undefined) throw errors.conflict('transaction.doc_no_taken', 'sourceDocNo');
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'transaction', entityId: id, summary: input.sourceDocNo ?? input.product });
        await reclassify(trx, [input.customerId], 'transaction', ctx);
        return id;
      });
      return (await q.get(db, id))!;
    },

    /**
     * An ERP pushes its documents (archive section 3): one per source document number and system, so
     * pushing the same batch again adds nothing and answers so. Bad rows are listed, the rest saved.
     */
    async pushBatch(ctx: RequestContext, body: { sourceSystem: string; items: BatchItem[] }) {
      const { sourceSystem, items } = body;
      const rejected: { index: number; sourceDocNo: string; errors: { field: string; message: string }[] }[] = [];
      const reject = (i: number, fields: FieldError[]) =>
        rejected.push({ index: i, sourceDocNo: items[i].sourceDocNo, errors: fields.map((f) => ({ field: f.field, message: t(ctx.lang, f.message, f.params) })) });
      const customers = await q.visibleCustomers(
        db,
        ctx.actor,
        items.flatMap((it) => (it.customerId ? [it.customerId] : [])),
        items.flatMap((it) => (it.customerArchiveNo ? [it.customerArchiveNo] : [])),
      );
      const byId = new Map(customers.map((c) => [c.id, c.id]));
      const byArchiveNo = new Map(customers.map((c) => [c.archive_no, c.id]));
      const people = new Map((await q.activeUsersByName(db, [...new Set(items.flatMap((it) => (it.salesperson ? [it.salesperson] : [])))])).map((u) => [u.username, u.id]));
      const contracts = new Map((await q.contractsByNo(db, [...new Set(items.flatMap((it) => (it.contractNo ? [it.contractNo] : [])))])).map((c) => [c.contract_no, c]));
      const taken = await q.docNosTaken(db, sourceSystem, items.map((it) => it.sourceDocNo));
      const seen = new Set<string>();
      let unchanged = 0;
      const toInsert: { index: number; input: Parameters<typeof values>[1] }[] = [];
      items.forEach((it, i) => {
        if (taken.has(it.sourceDocNo) || seen.has(it.sourceDocNo)) {
          unchanged++;
          return;
        }
        const problems = validateTransaction(it);
        const customerId = it.customerId !== undefined ? byId.get(it.customerId) : it.customerArchiveNo !== undefined ? byArchiveNo.get(it.customerArchiveNo) : undefined;
        if (customerId === undefined) problems.push({ field: it.customerId !== undefined ? 'customerId' : 'customerArchiveNo', message: 'transaction.customer_not_found' });
        const salespersonId = it.salesperson ? people.get(it.salesperson) : null;
        if (salespersonId === undefined) problems.push({ field: 'salesperson', message: 'transaction.salesperson_invalid' });
        const contract = it.contractNo ? contracts.get(it.contractNo) : null;
        if (contract === undefined || (contract && contract.customer_id !== customerId)) problems.push({ field: 'contractNo', message: 'transaction.contract_invalid' });
        if (problems.length) return reject(i, problems);
        seen.add(it.sourceDocNo);
        toInsert.push({ index: i, input: { ...it, customerId: customerId!, salespersonId: salespersonId ?? null, contractId: contract?.id ?? null } });
      });
      const now = clock.now().toISOString();
      let created = 0;
      await db.transaction().execute(async (trx) => {
        const entries: AuditInput[] = [];
        const touched = new Set<number>();
        // One multi-row insert per 500 documents; those pushed by someone else meanwhile are skipped.
        const inserted = await q.insertManyIfNew(
          trx,
          toInsert.map(({ input }) => values(ctx, input, sourceSystem, now)),
        );
        const idByDocNo = new Map(inserted.map((r) => [r.source_doc_no, r.id]));
        for (const { input } of toInsert) {
          const id = idByDocNo.get(input.sourceDocNo!);
          if (id === undefined) {
            unchanged++; // pushed by someone else meanwhile
            continue;
          }
          created++;
          touched.add(input.customerId);
          entries.push({ action: 'create', entityType: 'transaction', entityId: id, summary: `${sourceSystem} ${input.sourceDocNo}` });
        }
        await audit.recordMany(trx, actorInfo(ctx), entries);
        await reclassify(trx, [...touched], 'transaction', ctx);
      });
      return { created, unchanged, rejected };
    },

    /**
     * The customer import's annual purchase amounts (docs/regulations.md §2): one summary transaction per
     * customer and year, numbered IMPORT-<archive no>-<year>, so importing the same figures again adds
     * nothing (an earlier summary is kept as it was). Dated the last day of a past year, today for this
     * year; the classes are recomputed in the import's transaction as for every ledger write.
     */
    async importAnnualSummaries(trx: Kysely<Database>, ctx: RequestContext, rows: { customerId: number; archiveNo: string; year: number; amountCents: number }[]) {
      const now = clock.now().toISOString();
      const today = shanghaiDate(clock.now());
      const byDocNo = new Map(rows.map((r) => [`IMPORT-${r.archiveNo}-${r.year}`, r]));
      const inserted = await q.insertManyIfNew(
        trx,
        [...byDocNo].map(([docNo, r]) => ({
          customer_id: r.customerId,
          date: r.year === yearOf(today) ? today : `${r.year}-12-31`,
          product: t('zh-CN', 'transaction.import_annual_summary', { year: r.year }),
          model: null,
          quantity: 1,
          unit_price_cents: r.amountCents,
          amount_cents: r.amountCents,
          salesperson_id: null,
          contract_id: null,
          source_system: IMPORT_SOURCE_SYSTEM,
          source_doc_no: docNo,
          created_by: ctx.actor.id,
          created_at: now,
        })),
      );
      const touched = new Set<number>();
      const entries: AuditInput[] = [];
      for (const row of inserted) {
        const r = byDocNo.get(row.source_doc_no!)!;
        touched.add(r.customerId);
        entries.push({ action: 'create', entityType: 'transaction', entityId: row.id, summary: `${IMPORT_SOURCE_SYSTEM} ${row.source_doc_no}` });
      }
      await audit.recordMany(trx, actorInfo(ctx), entries);
      await reclassify(trx, [...touched], 'import', ctx);
      return { created: inserted.length, existing: rows.length - inserted.length };
    },

    /** 退赔折价 (archive section 4): takes its amount off the customer's purchases and reclassifies. */
    async createReturn(ctx: RequestContext, input: ReturnInput) {
      const amountCents = toCents(input.amount);
      const problems: FieldError[] = validateTransaction({ date: input.date });
      if (amountCents === null) problems.push({ field: 'amount', message: 'transaction.amount_invalid' });
      if (input.customerId === undefined && input.transactionId === undefined) problems.push({ field: 'customerId', message: 'transaction.customer_required' });
      if (problems.length) throw errors.validation(problems);
      let customerId = input.customerId;
      let transaction: Awaited<ReturnType<typeof q.get>>;
      if (input.transactionId !== undefined) {
        transaction = (await q.visible(db, ctx.actor, input.transactionId)) ? await q.get(db, input.transactionId) : undefined;
        if (!transaction) throw errors.field('transactionId', 'transaction.not_found');
        if (customerId !== undefined && customerId !== transaction.customer_id) throw errors.field('transactionId', 'transaction.customer_mismatch');
        customerId = transaction.customer_id;
      } else if (!(await q.visibleCustomers(db, ctx.actor, [customerId!], [])).length) {
        throw errors.field('customerId', 'transaction.customer_not_found');
      }
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        if (transaction) {
          const earlier = await q.returnedOf(trx, transaction.id);
          if (!returnFits(Number(transaction.amount_cents), earlier, amountCents!)) {
            throw errors.field('amount', 'transaction.return_exceeds', { left: formatYuan(Number(transaction.amount_cents) - earlier) });
          }
        }
        const id = await q.insertReturn(trx, {
          customer_id: customerId!,
          transaction_id: transaction?.id ?? null,
          kind: input.kind,
          date: input.date,
          amount_cents: amountCents!,
          reason: input.reason,
          responsible_party: input.responsibleParty,
          created_by: ctx.actor.id,
          created_at: now,
        });
        await audit.record(trx, actorInfo(ctx), { action: `return.${input.kind}`, entityType: 'transaction_return', entityId: id, summary: input.reason });
        await reclassify(trx, [customerId!], 'return', ctx);
        return id;
      });
      return q.getReturn(db, id);
    },

    listReturns(ctx: RequestContext, f: { customerId?: number }, p: { page: number; pageSize: number }) {
      return q.listReturns(db, ctx.actor, f, p);
    },

    /** The customer's tab: class by amount, yearly totals and the history of classes (the route checks the scope). */
    async summary(lang: Lang, customerId: number) {
      const years = (await q.yearTotals(db, [customerId])).get(customerId) ?? [];
      const cls = await q.classOf(db, customerId);
      const allChanges = await q.classChanges(db, customerId);
      const changes = allChanges.filter((c) => c.dimension === 'amount');
      const dims = (await q.dimensionClassesOf(db, [customerId]))[0];
      const ind: IndustryClassification | null = dims?.industry_class ? { industryClass: dims.industry_class as IndustryClass, industry: dims.industry ?? '', listed: dims.industry_listed === 1 } : null;
      const coop: CooperationClassification | null =
        dims?.cooperation_class && dims.cooperation_from
          ? { cooperationClass: dims.cooperation_class as CooperationClassification['cooperationClass'], from: dims.cooperation_from, years: Number(dims.cooperation_years), longYears: Number(dims.long_years), shortYears: Number(dims.short_years) }
          : null;
      const asClassification = (x: { amount_class: string; amount_year: number; amount_net_cents: number; large_line_cents: number; small_line_cents: number }): AmountClassification => ({
        amountClass: x.amount_class as AmountClass,
        year: x.amount_year,
        netCents: Number(x.amount_net_cents),
        largeLineCents: Number(x.large_line_cents),
        smallLineCents: Number(x.small_line_cents),
      });
      return {
        amountClass: cls ? { ...asClassification(cls), reason: reasonText(lang, asClassification(cls)), changedAt: cls.changed_at, computedAt: cls.computed_at } : null,
        years,
        industryClass: ind ? { ...ind, reason: industryText(lang, ind) } : null,
        cooperationClass: coop ? { ...coop, reason: cooperationText(lang, coop) } : null,
        // Kept in words (zh-CN) when computed: the lines in force then may have changed since.
        dimensionChanges: allChanges
          .filter((c) => c.dimension !== 'amount')
          .map((c) => ({ at: c.at, dimension: c.dimension as 'industry' | 'cooperation', oldClass: c.old_class, newClass: c.new_class, cause: c.cause, actorName: c.actor_name ?? null, reason: c.reason })),
        changes: changes.map((c) => ({
          ...c,
          reason:
            c.new_class && c.year !== null && c.net_cents !== null
              ? reasonText(lang, { amountClass: c.new_class as AmountClass, year: c.year, netCents: Number(c.net_cents), largeLineCents: Number(c.large_line_cents), smallLineCents: Number(c.small_line_cents) })
              : null,
        })),
      };
    },

    /**
     * The nightly run (docs/regulations.md §3): after 02:00 Shanghai time, if no process has run it today,
     * the one that takes the lease reclassifies every customer (a changed line in the settings applies
     * here). Null when this process did not run it.
     */
    async runNightly(leases: Pick<Leases, 'acquire'>): Promise<number | null> {
      const now = clock.now();
      if (shanghaiHour(now) < NIGHTLY_HOUR) return null;
      const last = await q.lastRunAt(db, NIGHTLY_JOB);
      if (last && shanghaiDate(new Date(last)) === shanghaiDate(now) && shanghaiHour(new Date(last)) >= NIGHTLY_HOUR) return null;
      if (!(await leases.acquire(NIGHTLY_JOB, NIGHTLY_LEASE_MS))) return null;
      return reclassifyAll('nightly');
    },

    /** A merge moves the merged customer's records here, then the survivor's class is recomputed. */
    async moveCustomer(trx: Kysely<Database>, fromId: number, toId: number) {
      await q.moveCustomer(trx, fromId, toId);
      await reclassify(trx, [toId], 'merge', null);
    },
  };
}
export type TransactionService = ReturnType<typeof createTransactionService>;
