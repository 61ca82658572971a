/** What the import's use cases share: reading a stored preview, validating it, the duplicate index, the answers. */
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../../db/database';
import type { Database } from '../../../db/schema';
import type { Customer, CustomerImportTable } from '../customers.tables';
import type { AuditService } from '../../../platform/audit/audit.service';
import { t } from '../../../platform/http/i18n';
import type { RequestContext } from '../../../platform/permissions/actor';
import { type Clock, shanghaiDate } from '../../../platform/time';
import { customerQueries } from '../customers.queries';
import { maskAccount, maskPhone } from '../customers.rules';
import type { CustomerService } from '../customers.service';
import { importQueries } from './import.queries';
import {
  DuplicateIndex,
  IMPORT_LIMITS,
  duplicateKeys,
  validateRow,
  type ImportField,
  type RowIssue,
  type ValidatedRow,
  IMPORT_FIELDS,
  NFKC_FIELDS,
} from './import.rules';
import { type DuplicateMode, type DuplicateRowOut, LEDGER_IMPORT_FIELDS } from './import.schemas';
import type { DuplicateReason } from './import.rules';
import { type StoredTable as PlatformStoredTable, MAX_LISTED_ERRORS, createImportJobs } from '../../../platform/import/import.jobs';

export type ImportRow = Selectable<CustomerImportTable>;
export { MAX_LISTED_ERRORS };

/** Rows per chunk of the commit: progress is recorded after each. */
export const CHUNK_ROWS = 500;

export type StoredTable = PlatformStoredTable<ImportField>;

/** Issues found while committing (ambiguous or invisible duplicates), by data row index. */
export interface CommitIssue {
  index: number;
  key: string;
}

/** A duplicate row as the commit met it: its matches (customer ids; negative = an earlier row of the file) and what was done. */
export interface StoredDuplicate {
  index: number;
  action: DuplicateMode;
  matches: [number, DuplicateReason[]][];
}

export interface StoredResult {
  mode: DuplicateMode;
  /** Absent in results stored before duplicates were listed. */
  duplicateRows?: StoredDuplicate[];
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Annual purchase summaries written to the ledger, and those an earlier import had written already. */
  ledgerCreated?: number;
  ledgerExisting?: number;
  commitIssues: CommitIssue[];
  /** Set when this import answered with an earlier import's result (same file, same mapping). */
  alreadyImported?: boolean;
}

/** Whether saving these values would change anything (the comparison updateCustomer's audit diff makes). */
export function differs(before: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).some(([f, v]) => v !== undefined && JSON.stringify(before[f] ?? null) !== JSON.stringify(v ?? null));
}

export const currentRows = (q: Kysely<Database>, ids: number[]): Promise<Map<number, Customer>> => importQueries.customerRows(q, ids);

export interface ImportDeps {
  db: Db;
  customers: CustomerService;
  audit: AuditService;
  clock: Clock;
}

export function createImportCore(deps: ImportDeps) {
  const { customers, audit, clock } = deps;
  const jobs = createImportJobs<object>({ db: deps.db, clock, store: importQueries.store, limits: IMPORT_LIMITS });
  const { db, kind, now, running, own } = jobs;
  const cq = customerQueries(kind);
  const stored = (row: ImportRow): StoredTable => jobs.stored<ImportField>(row);

  /** The year an annual purchase amount is for when the file names none: the current one in Asia/Shanghai. */
  const currentYear = () => Number(shanghaiDate(clock.now()).slice(0, 4));
  const ledgerFields = new Set<ImportField>(LEDGER_IMPORT_FIELDS);
  /** The targets offered: the annual purchase amount and its year only when a module keeps the ledger. */
  const offeredFields = (): ImportField[] => (customers.importLedger() ? [...IMPORT_FIELDS] : IMPORT_FIELDS.filter((f) => !ledgerFields.has(f)));

  function validateAll(table: StoredTable): ValidatedRow[] {
    const flagged = new Map<number, Set<number>>();
    for (const [r, c] of table.flags) flagged.set(r, (flagged.get(r) ?? new Set()).add(c));
    const year = currentYear();
    return table.rows.map((cells, i) => validateRow(cells, table.mapping, flagged.get(i), year));
  }

  function listedErrors(ctx: RequestContext, table: StoredTable, validated: ValidatedRow[], commitIssues: CommitIssue[] = []) {
    const out: { row: number; field: string; column: number | null; header: string | null; message: string }[] = [];
    const push = (index: number, issue: Pick<RowIssue, 'field' | 'column' | 'key' | 'params'>) =>
      out.push({
        row: table.rowNumbers[index],
        field: issue.field,
        column: issue.column,
        header: issue.column === null ? null : table.headers[issue.column],
        message: t(ctx.lang, issue.key, issue.params),
      });
    validated.forEach((v, i) => v.issues.forEach((issue) => push(i, issue)));
    for (const c of commitIssues) push(c.index, { field: 'name', column: table.mapping.indexOf('name'), key: c.key });
    out.sort((a, b) => a.row - b.row);
    return { errors: out.slice(0, MAX_LISTED_ERRORS), errorCount: out.length };
  }

  /** Existing customers sharing a key with the valid rows, and which of them the actor may see. */
  async function loadIndex(q: typeof db, ctx: RequestContext, validated: ValidatedRow[]) {
    const keys = validated.filter((v) => v.values).map((v) => duplicateKeys(v.values!, v.archiveNo));
    const pick = (k: keyof (typeof keys)[number]) => keys.map((x) => x[k]).filter((v): v is string => !!v);
    const phones = pick('phoneDigits');
    const rows = await importQueries.customersByKeys(q, { creditCodes: pick('creditCode'), phoneDigits: phones, names: pick('nameNormalized'), archiveNos: pick('archiveNo') });
    const index = new DuplicateIndex();
    for (const r of rows) index.add(r.id, { archiveNo: r.archive_no, creditCode: r.credit_code, phoneDigits: r.phone_digits, nameNormalized: r.name_normalized });
    const contacts = await importQueries.contactMobiles(q, phones);
    for (const c of contacts) index.add(c.customer_id, { phoneDigits: c.mobile_digits });
    const ids = [...new Set([...rows.map((r) => r.id), ...contacts.map((c) => c.customer_id)])];
    const visible = new Set<number>();
    for (const part of importQueries.chunks(ids)) for (const id of await cq.visibleIds(q, ctx.actor, part)) visible.add(id);
    return { index, visible };
  }

  async function preview(ctx: RequestContext, row: ImportRow) {
    const table = stored(row);
    const validated = validateAll(table);
    const { index, visible } = await loadIndex(db, ctx, validated);
    const found: StoredDuplicate[] = [];
    validated.forEach((v, i) => {
      if (!v.values) return;
      const keys = duplicateKeys(v.values, v.archiveNo);
      const matches = index.matchReasons(keys);
      if (matches.size) found.push({ index: i, action: 'skip', matches: [...matches] });
      index.add(-(i + 1), keys); // a later row of the file meets this one
    });
    const duplicates = found.length;
    const duplicateRows = await describeDuplicates(db, table, validated, found, visible, false);
    const twin = await importQueries.store.committedTwin(db, row.file_sha256, row.mapping, row.id);
    const validCount = validated.filter((v) => v.values).length;
    return {
      id: row.id,
      filename: row.filename,
      fileType: row.file_type as 'xlsx' | 'csv',
      encoding: row.encoding,
      sheetName: row.sheet_name,
      status: row.status,
      columns: table.headers.map((header, index) => ({ index, header, field: table.mapping[index] ?? null })),
      fields: offeredFields(),
      purchaseYearDefault: customers.importLedger() ? currentYear() : null,
      unmappedRequired: table.mapping.includes('name') ? [] : ['name'],
      rowCount: table.rows.length,
      validCount,
      errorRowCount: table.rows.length - validCount,
      duplicates,
      duplicateRows,
      formulaCells: formulaCells(table),
      sample: table.rows.slice(0, 20).map((cells, i) => {
        const values: Record<string, string> = {};
        table.mapping.forEach((f, col) => {
          if (!f || !cells[col]) return;
          const cell = NFKC_FIELDS.has(f) ? cells[col].normalize('NFKC') : cells[col];
          values[f] = f === 'phone' || f === 'fixedPhone' || f === 'contactMobile' ? maskPhone(cell)! : f === 'bankAccount' ? maskAccount(cell)! : cell;
        });
        return { row: table.rowNumbers[i], valid: !!validated[i].values, values };
      }),
      ...listedErrors(ctx, table, validated),
      alreadyImported: twin ? { at: twin.committed_at, byName: twin.created_by_name } : null,
    };
  }

  /**
   * The duplicate rows for the preview and the result: each match by archive number and name (linked on the
   * page), or only "outside your scope" when the actor may not see it, or the earlier row of the file.
   */
  /** Mapped cells that held a formula: imported as the result saved with the file, and said so. */
  function formulaCells(table: StoredTable) {
    return (table.formulas ?? [])
      .filter(([, c]) => table.mapping[c])
      .slice(0, MAX_LISTED_ERRORS)
      .map(([r, c]) => ({ row: table.rowNumbers[r], column: c, header: table.headers[c], value: table.rows[r][c] }));
  }

  async function describeDuplicates(
    q: typeof db,
    table: StoredTable,
    validated: ValidatedRow[],
    found: StoredDuplicate[],
    visible: ReadonlySet<number>,
    withAction: boolean,
  ): Promise<DuplicateRowOut[]> {
    const listed = found.slice(0, MAX_LISTED_ERRORS);
    const ids = listed.flatMap((d) => d.matches.map(([id]) => id)).filter((id) => id > 0);
    const labels = await importQueries.customerLabels(q, ids);
    return listed.map((d) => ({
      row: table.rowNumbers[d.index],
      name: String(validated[d.index].values?.name ?? ''),
      action: withAction ? d.action : null,
      matches: d.matches.map(([id, reasons]) => {
        const fileRow = id < 0 ? table.rowNumbers[-id - 1] : null;
        const shown = id > 0 && visible.has(id) ? labels.get(id) : undefined;
        return { customerId: shown ? id : null, archiveNo: shown?.archive_no ?? null, name: shown?.name ?? null, fileRow, reasons };
      }),
    }));
  }

  async function resultAnswer(ctx: RequestContext, row: Pick<ImportRow, 'id' | 'status' | 'committed_at'>, table: StoredTable, validated: ValidatedRow[], r: StoredResult) {
    const found = r.duplicateRows ?? [];
    const ids = found.flatMap((d) => d.matches.map(([id]) => id)).filter((id) => id > 0);
    const visible = new Set<number>();
    for (const part of importQueries.chunks([...new Set(ids)])) for (const id of await cq.visibleIds(db, ctx.actor, part)) visible.add(id);
    const duplicateRows = await describeDuplicates(db, table, validated, found, visible, true);
    return {
      id: row.id,
      status: row.status,
      duplicates: r.mode,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      skipped: r.skipped,
      failed: r.failed,
      ledgerCreated: r.ledgerCreated ?? 0,
      ledgerExisting: r.ledgerExisting ?? 0,
      duplicateRows,
      formulaCells: formulaCells(table),
      ...listedErrors(ctx, table, validated, r.commitIssues),
      alreadyImported: !!r.alreadyImported,
      committedAt: row.committed_at,
    };
  }

  return { db, kind, customers, audit, clock, cq, jobs, now, running, own, stored, validateAll, listedErrors, loadIndex, preview, resultAnswer, formulaCells, currentYear, offeredFields, ledgerFields };
}
export type ImportCore = ReturnType<typeof createImportCore>;
