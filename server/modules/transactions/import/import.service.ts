/**
 * Excel/CSV import of transactions 交易记录 and returns 退赔折价 (archive sections 3–4, docs/regulations.md §2).
 * The upload is parsed, checked against the archive and kept as a preview (columns mapped automatically,
 * adjustable); the commit writes every valid row in ONE transaction and reclassifies each affected customer
 * once afterwards (§3). Idempotent by source document number: a row already recorded is left as it is.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../../db/database';
import type { Database } from '../../../db/schema';
import { type AuditService, actorInfo } from '../../../platform/audit/audit.service';
import { errors } from '../../../platform/http/errors';
import { type Lang, t } from '../../../platform/http/i18n';
import { MAX_LISTED_ERRORS, type StoredTable, createImportJobs, errorReport } from '../../../platform/import/import.jobs';
import type { RequestContext } from '../../../platform/permissions/actor';
import type { Clock } from '../../../platform/time';
import { XlsxWriter } from '../../../platform/import/spreadsheet';
import { formatYuan, lineAmountCents } from '../transactions.rules';
import type { TransactionService } from '../transactions.service';
import { txImportQueries as q } from './import.queries';
import {
  FIELD_LABELS,
  IMPORT_SOURCE,
  type ImportKind,
  type ParsedRow,
  type RowIssue,
  TEMPLATE_EXAMPLE,
  TX_IMPORT_LIMITS,
  type TxImportField,
  autoMapFor,
  fieldsOf,
  rowParser,
  unmappedRequired,
} from './import.rules';

/** Rows per insert round of the commit: progress is recorded after each. */
const COMMIT_CHUNK = 5000;
/** Customers per reclassification round. */
const RECLASSIFY_CHUNK = 500;

interface CheckedRow {
  issues: RowIssue[];
  /** Already recorded (same source document number): nothing to write. */
  existing: boolean;
  customerId?: number;
  salespersonId?: number | null;
  contractId?: number | null;
  transactionId?: number | null;
  values?: ParsedRow;
}

interface StoredResult {
  created: number;
  unchanged: number;
  failed: number;
  reclassified: number;
}

export interface TransactionImportDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  transactions: TransactionService;
}

/** "已导入 3 行；已存在 2 行，未改动；1 行有错误，未导入" in the caller's language. */
function outcome(lang: Lang, r: StoredResult): string {
  const parts = [t(lang, 'transaction_import.created', { count: r.created })];
  if (r.unchanged) parts.push(t(lang, 'transaction_import.existing', { count: r.unchanged }));
  if (r.failed) parts.push(t(lang, 'transaction_import.failed', { count: r.failed }));
  return parts.join(lang === 'en' ? '; ' : '；');
}

export function createTransactionImportService(deps: TransactionImportDeps) {
  const { audit, transactions } = deps;
  const jobs = createImportJobs<{ kind: string }>({ db: deps.db, clock: deps.clock, store: q.store, limits: TX_IMPORT_LIMITS });
  const { db, kind: dialect, now, own } = jobs;
  type Row = Awaited<ReturnType<typeof own>>;

  /**
   * Every row's problems, with the references resolved inside the caller's data scope: a customer outside
   * it is "not found", never written (docs/regulations.md §1).
   */
  async function check(conn: Kysely<Database>, ctx: RequestContext, kind: ImportKind, table: StoredTable<TxImportField>): Promise<CheckedRow[]> {
    const flagged = new Map<number, Set<number>>();
    for (const [r, c] of table.flags) flagged.set(r, (flagged.get(r) ?? new Set()).add(c));
    const parse = rowParser(kind, table.mapping);
    const parsed = table.rows.map((cells, i) => parse(cells, flagged.get(i)));
    const ok = parsed.flatMap((p) => (p.values ? [p.values] : []));
    const pick = (f: (v: ParsedRow) => string | null | undefined) => ok.flatMap((v) => (f(v) ? [f(v)!] : []));

    const taken =
      kind === 'transactions'
        ? await q.transactionDocNosTaken(conn, IMPORT_SOURCE, pick((v) => v.sourceDocNo))
        : await q.returnDocNosTaken(conn, IMPORT_SOURCE, pick((v) => v.sourceDocNo));
    const fresh = ok.filter((v) => !taken.has(v.sourceDocNo));
    const freshPick = (f: (v: ParsedRow) => string | null | undefined) => fresh.flatMap((v) => (f(v) ? [f(v)!] : []));
    const customers = await q.visibleCustomers(conn, ctx.actor, freshPick((v) => v.customerArchiveNo), freshPick((v) => (v.customerArchiveNo ? null : v.customerName)));
    const byNo = new Map(customers.byNo.map((c) => [c.archive_no, c.id]));
    const byName = new Map<string, number[]>();
    for (const c of customers.byName) byName.set(c.name, [...(byName.get(c.name) ?? []), c.id]);
    const people = await q.activeUsers(conn, freshPick((v) => v.salesperson));
    const byLogin = new Map(people.byLogin.map((u) => [u.username, u.id]));
    const byDisplay = new Map<string, number[]>();
    for (const u of people.byName) byDisplay.set(u.display_name, [...(byDisplay.get(u.display_name) ?? []), u.id]);
    const contracts = new Map((await q.contractsByNo(conn, freshPick((v) => v.contractNo))).map((c) => [c.contract_no, c]));
    const txs = new Map<string, { id: number; customer_id: number; amount_cents: number; returned_cents: number }[]>();
    for (const x of await q.transactionsByDocNo(conn, ctx.actor, freshPick((v) => v.transactionDocNo))) {
      const list = txs.get(x.source_doc_no!) ?? [];
      list.push({ id: x.id, customer_id: x.customer_id, amount_cents: Number(x.amount_cents), returned_cents: Number(x.returned_cents ?? 0) });
      txs.set(x.source_doc_no!, list);
    }
    const returnedInFile = new Map<number, number>();
    const firstRowOf = new Map<string, number>();

    return parsed.map((p, i): CheckedRow => {
      if (!p.values) return { issues: p.issues, existing: false };
      const v = p.values;
      if (taken.has(v.sourceDocNo)) return { issues: [], existing: true };
      const issues: RowIssue[] = [];
      const col = (f: TxImportField) => {
        const c = table.mapping.indexOf(f);
        return c < 0 ? null : c;
      };
      const add = (field: TxImportField, key: string, params?: Record<string, string | number>) => issues.push({ field, column: col(field), key, params });
      const first = firstRowOf.get(v.sourceDocNo);
      if (first !== undefined) add('sourceDocNo', 'transaction_import.doc_no_repeated', { row: first });
      else firstRowOf.set(v.sourceDocNo, table.rowNumbers[i]);

      let customerId: number | undefined;
      if (v.customerArchiveNo) {
        customerId = byNo.get(v.customerArchiveNo);
        if (customerId === undefined) add('customerArchiveNo', 'transaction_import.customer_not_found');
      } else if (v.customerName) {
        const ids = byName.get(v.customerName) ?? [];
        if (ids.length === 1) customerId = ids[0];
        else add('customerName', ids.length ? 'transaction_import.customer_ambiguous' : 'transaction_import.customer_not_found');
      }
      const out: CheckedRow = { issues, existing: false, values: v };
      if (kind === 'transactions') {
        out.salespersonId = null;
        if (v.salesperson) {
          const login = byLogin.get(v.salesperson);
          const named = byDisplay.get(v.salesperson) ?? [];
          if (login !== undefined) out.salespersonId = login;
          else if (named.length === 1) out.salespersonId = named[0];
          else add('salesperson', named.length ? 'transaction_import.salesperson_ambiguous' : 'transaction.salesperson_invalid');
        }
        out.contractId = null;
        if (v.contractNo) {
          const c = contracts.get(v.contractNo);
          if (!c || (customerId !== undefined && c.customer_id !== customerId)) add('contractNo', 'transaction.contract_invalid');
          else out.contractId = c.id;
        }
      } else {
        out.transactionId = null;
        if (v.transactionDocNo) {
          const found = txs.get(v.transactionDocNo) ?? [];
          if (found.length !== 1) add('transactionDocNo', found.length ? 'transaction_import.transaction_ambiguous' : 'transaction.not_found');
          else {
            const x = found[0];
            if (customerId !== undefined && customerId !== x.customer_id) add('transactionDocNo', 'transaction.customer_mismatch');
            else if (!v.customerArchiveNo && !v.customerName) customerId = x.customer_id;
            const before = x.returned_cents + (returnedInFile.get(x.id) ?? 0);
            if (before + (v.amountCents ?? 0) > x.amount_cents) add('amount', 'transaction.return_exceeds', { left: formatYuan(x.amount_cents - before) });
            else if (!issues.length) returnedInFile.set(x.id, before - x.returned_cents + (v.amountCents ?? 0));
            out.transactionId = x.id;
          }
        }
      }
      out.customerId = customerId;
      issues.sort((a, b) => (a.column ?? -1) - (b.column ?? -1));
      return out;
    });
  }

  function listedErrors(lang: Lang, table: StoredTable<TxImportField>, checked: CheckedRow[]) {
    const out: { row: number; field: string; column: number | null; header: string | null; message: string }[] = [];
    checked.forEach((c, i) => {
      for (const issue of c.issues) {
        out.push({ row: table.rowNumbers[i], field: issue.field, column: issue.column, header: issue.column === null ? null : table.headers[issue.column], message: t(lang, issue.key, issue.params) });
      }
    });
    return { errors: out.slice(0, MAX_LISTED_ERRORS), errorCount: out.length };
  }

  async function preview(ctx: RequestContext, row: Row) {
    const kind = row.kind as ImportKind;
    const table = jobs.stored<TxImportField>(row);
    const missing = unmappedRequired(kind, table.mapping);
    const checked = await check(db, ctx, kind, table);
    const existing = checked.filter((c) => c.existing).length;
    const errorRowCount = checked.filter((c) => c.issues.length).length;
    const twin = await q.store.committedTwin(db, row.file_sha256, row.mapping, row.id);
    return {
      id: row.id,
      kind,
      filename: row.filename,
      fileType: row.file_type as 'xlsx' | 'csv',
      encoding: row.encoding,
      sheetName: row.sheet_name,
      status: row.status,
      columns: table.headers.map((header, index) => ({ index, header, field: table.mapping[index] ?? null })),
      fields: [...fieldsOf(kind)],
      unmappedRequired: missing,
      rowCount: table.rows.length,
      validCount: missing.length ? 0 : table.rows.length - existing - errorRowCount,
      errorRowCount,
      existing,
      sample: table.rows.slice(0, 20).map((cells, i) => {
        const values: Record<string, string> = {};
        table.mapping.forEach((f, c) => {
          if (f && cells[c]) values[f] = cells[c];
        });
        return { row: table.rowNumbers[i], valid: !checked[i].issues.length, values };
      }),
      ...listedErrors(ctx.lang, table, checked),
      alreadyImported: twin ? { at: twin.committed_at, byName: twin.created_by_name } : null,
    };
  }

  function resultAnswer(ctx: RequestContext, row: Pick<Row, 'id' | 'kind' | 'status' | 'committed_at'>, r: StoredResult, errs: ReturnType<typeof listedErrors>) {
    return { id: row.id, kind: row.kind as ImportKind, status: row.status, ...r, message: outcome(ctx.lang, r), ...errs, committedAt: row.committed_at };
  }

  return {
    async upload(ctx: RequestContext, kind: ImportKind, body: Buffer, filename: string) {
      return preview(ctx, await jobs.upload(ctx, body, filename, autoMapFor(kind), fieldsOf(kind), { kind }));
    },

    async preview(ctx: RequestContext, id: number) {
      return preview(ctx, await own(ctx, id));
    },

    async setMapping(ctx: RequestContext, id: number, mapping: (TxImportField | null)[]) {
      const row = await own(ctx, id);
      const allowed = new Set<string>(fieldsOf(row.kind as ImportKind));
      const wrong = mapping.find((f) => f !== null && !allowed.has(f));
      if (wrong) throw errors.field('mapping', 'transaction_import.field_not_of_kind', { field: wrong });
      return preview(ctx, await jobs.setMapping(ctx, id, mapping));
    },

    async status(ctx: RequestContext, id: number) {
      const { row, progress } = await jobs.status(ctx, id);
      const kind = (await own(ctx, id)).kind as ImportKind;
      const r = row.result ? (JSON.parse(row.result) as StoredResult) : null;
      return {
        id: row.id,
        kind,
        filename: row.filename,
        fileType: row.file_type,
        status: row.status,
        rowCount: row.row_count,
        progress,
        result: r && { id: row.id, kind, status: row.status, ...r, message: outcome(ctx.lang, r), errorCount: r.failed, committedAt: row.committed_at },
        createdAt: row.created_at,
        committedAt: row.committed_at,
      };
    },

    list(ctx: RequestContext, page: number, pageSize: number) {
      return jobs.list(ctx, page, pageSize);
    },

    /**
     * Writes every valid row in one transaction; bad rows are left out and reported, rows already recorded
     * are left as they are. Then each affected customer is reclassified once (docs/regulations.md §3).
     */
    async commit(ctx: RequestContext, id: number) {
      const row = await own(ctx, id);
      const kind = row.kind as ImportKind;
      const table = jobs.stored<TxImportField>(row);
      if (row.status === 'committed' && row.result) {
        const r = JSON.parse(row.result) as StoredResult;
        return resultAnswer(ctx, row, r, listedErrors(ctx.lang, table, await check(db, ctx, kind, table)));
      }
      const missing = unmappedRequired(kind, table.mapping);
      if (missing.length) throw errors.field('mapping', 'transaction_import.fields_not_mapped', { fields: missing.map((f) => FIELD_LABELS[f as TxImportField]).join('、') });
      const total = table.rows.length;
      let checked: CheckedRow[] = [];
      const result = await jobs.runCommit(id, total, async (trx, progress) => {
        // Two uploads of the same file committed at once: the second waits, then finds the rows recorded.
        if (dialect === 'postgres') await q.store.lockFile(trx, row.file_sha256);
        checked = await check(trx, ctx, kind, table);
        const at = now();
        const good = checked.filter((c) => !c.existing && !c.issues.length);
        let created = 0;
        for (let i = 0; i < good.length; i += COMMIT_CHUNK) {
          const part = good.slice(i, i + COMMIT_CHUNK);
          if (kind === 'transactions') {
            created += await q.insertTransactions(
              trx,
              dialect,
              part.map((c) => {
                const v = c.values!;
                return {
                  customer_id: c.customerId!,
                  date: v.date,
                  product: v.product!,
                  model: v.model || null,
                  quantity: v.quantity!,
                  unit_price_cents: v.unitPriceCents!,
                  amount_cents: lineAmountCents(v.quantity!, v.unitPriceCents!, v.amountCents ?? null),
                  salesperson_id: c.salespersonId ?? null,
                  contract_id: c.contractId ?? null,
                  source_system: IMPORT_SOURCE,
                  source_doc_no: v.sourceDocNo,
                  created_by: ctx.actor.id,
                  created_at: at,
                };
              }),
            );
          } else {
            created += await q.insertReturns(
              trx,
              dialect,
              part.map((c) => {
                const v = c.values!;
                return {
                  customer_id: c.customerId!,
                  transaction_id: c.transactionId ?? null,
                  kind: v.kind!,
                  date: v.date,
                  amount_cents: v.amountCents!,
                  reason: v.reason!,
                  responsible_party: v.responsibleParty!,
                  source_system: IMPORT_SOURCE,
                  source_doc_no: v.sourceDocNo,
                  created_by: ctx.actor.id,
                  created_at: at,
                };
              }),
            );
          }
          await progress(Math.min(total, i + part.length));
        }
        const failed = checked.filter((c) => c.issues.length).length;
        const r: StoredResult = { created, unchanged: total - failed - created, failed, reclassified: 0 };
        if (created) {
          const customers = [...new Set(good.map((c) => c.customerId!))].sort((a, b) => a - b);
          for (let i = 0; i < customers.length; i += RECLASSIFY_CHUNK) {
            r.reclassified += await transactions.reclassify(trx, customers.slice(i, i + RECLASSIFY_CHUNK), 'import', ctx);
          }
          await audit.record(trx, actorInfo(ctx), {
            action: 'import',
            entityType: kind === 'transactions' ? 'transaction_import' : 'transaction_return_import',
            entityId: id,
            summary: `${row.filename}: created ${r.created}, unchanged ${r.unchanged}, failed ${r.failed}`,
            changes: { filename: [null, row.filename], sha256: [null, row.file_sha256], rows: [null, total], created: [null, r.created], unchanged: [null, r.unchanged], failed: [null, r.failed] },
          });
        }
        await q.store.update(trx, id, { status: 'committed', result: JSON.stringify(r), committed_at: at, updated_at: at, progress_processed: total });
        return r;
      });
      const after = (await q.store.get(db, id))!;
      return resultAnswer(ctx, after, result, listedErrors(ctx.lang, table, checked));
    },

    /** The bad rows as uploaded, with a column naming each problem. */
    async report(ctx: RequestContext, id: number) {
      const row = await own(ctx, id);
      const table = jobs.stored<TxImportField>(row);
      const checked = await check(db, ctx, row.kind as ImportKind, table);
      const problems = new Map<number, string[]>();
      checked.forEach((c, i) => {
        if (!c.issues.length) return;
        problems.set(
          i,
          c.issues.map((issue) => `${issue.column !== null && table.headers[issue.column] ? table.headers[issue.column] : FIELD_LABELS[issue.field]}：${t(ctx.lang, issue.key, issue.params)}`),
        );
      });
      return errorReport(ctx.lang, row.filename, table, problems);
    },

    /** The template: Chinese headers (recognised by the automatic mapping) and one example row. */
    async template(kind: ImportKind) {
      const fields = fieldsOf(kind);
      const writer = new XlsxWriter(kind === 'transactions' ? '交易记录' : '退赔折价', fields.map((f) => FIELD_LABELS[f]), fields.map((f) => (f === 'customerName' || f === 'reason' ? 28 : 16)));
      writer.addRow(fields.map((f) => TEMPLATE_EXAMPLE[kind][f]));
      return { filename: kind === 'transactions' ? '交易记录导入模板.xlsx' : '退赔折价导入模板.xlsx', body: await writer.finish() };
    },
  };
}
export type TransactionImportService = ReturnType<typeof createTransactionImportService>;
