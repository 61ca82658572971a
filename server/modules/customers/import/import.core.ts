/** What the import's use cases share: reading a stored preview, validating it, the duplicate index, the answers. */
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../../db/database';
import type { Database } from '../../../db/schema';
import type { Customer, CustomerImportTable } from '../customers.tables';
import type { AuditService } from '../../../platform/audit/audit.service';
import { AppError, errors } from '../../../platform/http/errors';
import { t } from '../../../platform/http/i18n';
import type { RequestContext } from '../../../platform/permissions/actor';
import type { Clock } from '../../../platform/time';
import { customerQueries } from '../customers.queries';
import { maskAccount, maskPhone } from '../customers.rules';
import type { CustomerService } from '../customers.service';
import { importQueries } from './import.queries';
import {
  DuplicateIndex,
  IMPORT_LIMITS,
  decodeText,
  duplicateKeys,
  inspectZip,
  isWorkbookZip,
  sniffFile,
  validateRow,
  type ImportField,
  type ParsedTable,
  type RowIssue,
  type ValidatedRow,
  IMPORT_FIELDS,
} from './import.rules';
import type { DuplicateMode } from './import.schemas';
import { readCsv, readXlsx } from './spreadsheet';

export type ImportRow = Selectable<CustomerImportTable>;

/** Rows listed in JSON answers; the downloadable report has all of them. */
export const MAX_LISTED_ERRORS = 1000;
/** Rows per chunk of the commit: progress is recorded after each. */
export const CHUNK_ROWS = 500;
/** Previews nobody committed are deleted after this long. */
export const PREVIEW_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** A commit without progress for this long died with its process (its transaction was rolled back). */
export const STALE_COMMIT_MS = 15 * 60 * 1000;

export interface StoredTable extends ParsedTable {
  mapping: (ImportField | null)[];
}

/** Issues found while committing (ambiguous or invisible duplicates), by data row index. */
export interface CommitIssue {
  index: number;
  key: string;
}

export interface StoredResult {
  mode: DuplicateMode;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  commitIssues: CommitIssue[];
  /** Set when this import answered with an earlier import's result (same file, same mapping). */
  alreadyImported?: boolean;
}

/** Whether saving these values would change anything (the comparison updateCustomer's audit diff makes). */
export function differs(before: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).some(([f, v]) => v !== undefined && JSON.stringify(before[f] ?? null) !== JSON.stringify(v ?? null));
}

export const currentRows = (q: Kysely<Database>, ids: number[]): Promise<Map<number, Customer>> => importQueries.customerRows(q, ids);

export const fileError = (status: number, code: string, key: string, params: Record<string, string | number> = {}) =>
  new AppError('validation', key, [], params, status, { code });

export interface ImportDeps {
  db: Db;
  customers: CustomerService;
  audit: AuditService;
  clock: Clock;
}

export function createImportCore(deps: ImportDeps) {
  const { kysely: db, kind } = deps.db;
  const { customers, audit, clock } = deps;
  const cq = customerQueries(kind);
  const now = () => clock.now().toISOString();
  /** Progress of running commits in this process (SQLite cannot write it outside the open transaction). */
  const running = new Map<number, { processed: number; total: number }>();

  async function own(ctx: RequestContext, id: number): Promise<ImportRow> {
    const row = await importQueries.get(db, id);
    // An import belongs to whoever uploaded it: anyone else gets the same 404 as for a missing id.
    if (!row || row.created_by !== ctx.actor.id) throw errors.notFound();
    return row;
  }

  function stored(row: ImportRow): StoredTable {
    return {
      headers: JSON.parse(row.headers) as string[],
      mapping: JSON.parse(row.mapping) as (ImportField | null)[],
      rows: JSON.parse(row.rows) as string[][],
      rowNumbers: JSON.parse(row.row_numbers) as number[],
      flags: JSON.parse(row.cell_flags) as [number, number][],
    };
  }

  function validateAll(table: StoredTable): ValidatedRow[] {
    const flagged = new Map<number, Set<number>>();
    for (const [r, c] of table.flags) flagged.set(r, (flagged.get(r) ?? new Set()).add(c));
    return table.rows.map((cells, i) => validateRow(cells, table.mapping, flagged.get(i)));
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
    const { index } = await loadIndex(db, ctx, validated);
    let duplicates = 0;
    validated.forEach((v, i) => {
      if (!v.values) return;
      const keys = duplicateKeys(v.values, v.archiveNo);
      if (index.match(keys).length) duplicates++;
      index.add(-(i + 1), keys); // a later row of the file meets this one
    });
    const twin = await importQueries.committedTwin(db, row.file_sha256, row.mapping, row.id);
    const validCount = validated.filter((v) => v.values).length;
    return {
      id: row.id,
      filename: row.filename,
      fileType: row.file_type as 'xlsx' | 'csv',
      encoding: row.encoding,
      sheetName: row.sheet_name,
      status: row.status,
      columns: table.headers.map((header, index) => ({ index, header, field: table.mapping[index] ?? null })),
      fields: [...IMPORT_FIELDS],
      unmappedRequired: table.mapping.includes('name') ? [] : ['name'],
      rowCount: table.rows.length,
      validCount,
      errorRowCount: table.rows.length - validCount,
      duplicates,
      sample: table.rows.slice(0, 20).map((cells, i) => {
        const values: Record<string, string> = {};
        table.mapping.forEach((f, col) => {
          if (!f || !cells[col]) return;
          values[f] = f === 'phone' ? maskPhone(cells[col])! : f === 'bankAccount' ? maskAccount(cells[col])! : cells[col];
        });
        return { row: table.rowNumbers[i], valid: !!validated[i].values, values };
      }),
      ...listedErrors(ctx, table, validated),
      alreadyImported: twin ? { at: twin.committed_at, byName: twin.created_by_name } : null,
    };
  }

  /** The file → a table, judged by its bytes: .xlsx (a safe zip that is a workbook) or CSV text. */
  async function parseFile(body: Buffer) {
    const limits = { maxRows: IMPORT_LIMITS.maxRows, maxColumns: IMPORT_LIMITS.maxColumns };
    const kindOfFile = sniffFile(body);
    if (kindOfFile === 'xls') throw fileError(415, 'unsupported_media_type', 'import.legacy_xls');
    if (kindOfFile === 'other') throw fileError(415, 'unsupported_media_type', 'import.unsupported_type');
    if (kindOfFile === 'xlsx') {
      const zip = inspectZip(body);
      if (zip === 'zip_bomb') throw fileError(422, 'zip_bomb', 'import.zip_bomb', { mb: IMPORT_LIMITS.maxUnzippedBytes / 1024 / 1024, ratio: IMPORT_LIMITS.maxRatio });
      if (zip === 'corrupt') throw fileError(422, 'corrupt_file', 'import.corrupt_xlsx');
      if (!isWorkbookZip(zip.names)) throw fileError(415, 'unsupported_media_type', 'import.unsupported_type');
      let table: Awaited<ReturnType<typeof readXlsx>>;
      try {
        table = await readXlsx(body, limits);
      } catch {
        throw fileError(422, 'corrupt_file', 'import.corrupt_xlsx');
      }
      return { table, fileType: 'xlsx' as const, encoding: null, sheetName: 'sheetName' in table ? (table.sheetName ?? null) : null };
    }
    const text = decodeText(body)!;
    return { table: readCsv(text.text, limits), fileType: 'csv' as const, encoding: text.encoding, sheetName: null };
  }

  function resultAnswer(ctx: RequestContext, row: Pick<ImportRow, 'id' | 'status' | 'committed_at'>, table: StoredTable, validated: ValidatedRow[], r: StoredResult) {
    return {
      id: row.id,
      status: row.status,
      duplicates: r.mode,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      skipped: r.skipped,
      failed: r.failed,
      ...listedErrors(ctx, table, validated, r.commitIssues),
      alreadyImported: !!r.alreadyImported,
      committedAt: row.committed_at,
    };
  }

  return { db, kind, customers, audit, clock, cq, now, running, own, stored, validateAll, listedErrors, loadIndex, preview, parseFile, resultAnswer };
}
export type ImportCore = ReturnType<typeof createImportCore>;
