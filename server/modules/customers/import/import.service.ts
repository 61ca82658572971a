/**
 * Excel/CSV import of customers (issue point 10). Two steps: the upload is parsed, checked and kept as a
 * preview (columns mapped automatically, adjustable); the commit imports every valid row in ONE
 * transaction. Both new and updated customers go through the customer service (insertCustomers in
 * batches, updateCustomer), so an imported customer is written exactly like one created by hand.
 */
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../../db/database';
import type { Database } from '../../../db/schema';
import type { Customer, CustomerImportTable } from '../customers.tables';
import { type AuditService, actorInfo } from '../../../platform/audit/audit.service';
import { AppError, errors } from '../../../platform/http/errors';
import { t } from '../../../platform/http/i18n';
import type { RequestContext } from '../../../platform/permissions/actor';
import { hasCapability } from '../../../platform/permissions/policy';
import type { Clock } from '../../../platform/time';
import { customerQueries } from '../customers.queries';
import { maskAccount, maskPhone } from '../customers.rules';
import { customerValues, type CustomerService } from '../customers.service';
import { importQueries } from './import.queries';
import {
  DuplicateIndex,
  FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  autoMap,
  decodeText,
  duplicateKeys,
  inspectZip,
  isWorkbookZip,
  mappingProblem,
  sniffFile,
  validateRow,
  type CustomerValues,
  type ImportField,
  type ParsedTable,
  type RowIssue,
  type ValidatedRow,
} from './import.rules';
import type { DuplicateMode } from './import.schemas';
import { XlsxWriter, readCsv, readXlsx } from './spreadsheet';

type ImportRow = Selectable<CustomerImportTable>;

/** Rows listed in JSON answers; the downloadable report has all of them. */
const MAX_LISTED_ERRORS = 1000;
/** Rows per chunk of the commit: progress is recorded after each. */
const CHUNK_ROWS = 500;
/** Previews nobody committed are deleted after this long. */
const PREVIEW_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** A commit without progress for this long died with its process (its transaction was rolled back). */
const STALE_COMMIT_MS = 15 * 60 * 1000;

interface StoredTable extends ParsedTable {
  mapping: (ImportField | null)[];
}

/** Issues found while committing (ambiguous or invisible duplicates), by data row index. */
interface CommitIssue {
  index: number;
  key: string;
}

interface StoredResult {
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
function differs(before: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).some(([f, v]) => v !== undefined && JSON.stringify(before[f] ?? null) !== JSON.stringify(v ?? null));
}

const currentRows = (q: Kysely<Database>, ids: number[]): Promise<Map<number, Customer>> => importQueries.customerRows(q, ids);

const fileError = (status: number, code: string, key: string, params: Record<string, string | number> = {}) =>
  new AppError('validation', key, [], params, status, { code });

export function createCustomerImportService(deps: { db: Db; customers: CustomerService; audit: AuditService; clock: Clock }) {
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

  return {
    async upload(ctx: RequestContext, body: Buffer, filename: string) {
      if (!body.length) throw fileError(422, 'empty_file', 'import.empty');
      if (body.length > IMPORT_LIMITS.maxUploadBytes) throw fileError(413, 'payload_too_large', 'import.too_large', { mb: IMPORT_LIMITS.maxUploadBytes / 1024 / 1024 });
      const { table, fileType, encoding, sheetName } = await parseFile(body);
      if ('problem' in table) throw fileError(422, 'validation', table.problem, table.params);
      const t0 = now();
      await importQueries.purgeStalePreviews(db, new Date(clock.now().getTime() - PREVIEW_RETENTION_MS).toISOString());
      const id = await importQueries.insert(db, {
        created_by: ctx.actor.id,
        filename,
        file_sha256: crypto.createHash('sha256').update(body).digest('hex'),
        file_type: fileType,
        encoding,
        sheet_name: sheetName,
        status: 'previewed',
        headers: JSON.stringify(table.headers),
        mapping: JSON.stringify(autoMap(table.headers)),
        rows: JSON.stringify(table.rows),
        row_numbers: JSON.stringify(table.rowNumbers),
        cell_flags: JSON.stringify(table.flags),
        row_count: table.rows.length,
        progress_total: table.rows.length,
        created_at: t0,
        updated_at: t0,
      });
      return preview(ctx, (await importQueries.get(db, id))!);
    },

    async preview(ctx: RequestContext, id: number) {
      return preview(ctx, await own(ctx, id));
    },

    async setMapping(ctx: RequestContext, id: number, mapping: (ImportField | null)[]) {
      const row = await own(ctx, id);
      if (row.status !== 'previewed') throw errors.conflict('import.already_committed');
      const headers = JSON.parse(row.headers) as string[];
      const problem = mappingProblem(mapping, headers.length);
      if (problem) throw errors.field('mapping', problem);
      await importQueries.update(db, id, { mapping: JSON.stringify(mapping), updated_at: now() });
      return preview(ctx, (await importQueries.get(db, id))!);
    },

    async status(ctx: RequestContext, id: number) {
      const row = await importQueries.summary(db, id);
      if (!row || row.created_by !== ctx.actor.id) throw errors.notFound();
      const live = running.get(id);
      const r = row.result ? (JSON.parse(row.result) as StoredResult) : null;
      return {
        id: row.id,
        filename: row.filename,
        fileType: row.file_type,
        status: row.status,
        rowCount: row.row_count,
        progress: live ?? { processed: row.status === 'committed' ? row.row_count : row.progress_processed, total: row.row_count },
        result: r && {
          id: row.id,
          status: row.status,
          duplicates: r.mode,
          created: r.created,
          updated: r.updated,
          unchanged: r.unchanged,
          skipped: r.skipped,
          failed: r.failed,
          errorCount: r.failed,
          alreadyImported: !!r.alreadyImported,
          committedAt: row.committed_at,
        },
        createdAt: row.created_at,
        committedAt: row.committed_at,
      };
    },

    async list(ctx: RequestContext, page: number, pageSize: number) {
      const { rows, total } = await importQueries.listOwn(db, ctx.actor.id, page, pageSize);
      return { rows, total };
    },

    /**
     * Imports every valid row in one transaction; bad rows are left out and reported. Idempotent: the
     * same import committed again, or another upload of a file already committed with the same mapping,
     * answers the earlier result with alreadyImported and changes nothing.
     */
    async commit(ctx: RequestContext, id: number, mode: DuplicateMode) {
      if (mode === 'update' && !hasCapability(ctx.actor, 'customers.update')) throw errors.forbidden();
      const row = await own(ctx, id);
      const table = stored(row);
      const validated = validateAll(table);
      if (row.status === 'committed' && row.result) {
        return resultAnswer(ctx, row, table, validated, { ...(JSON.parse(row.result) as StoredResult), alreadyImported: true });
      }
      const problem = mappingProblem(table.mapping, table.headers.length);
      if (problem) throw errors.field('mapping', problem);
      if (!table.mapping.includes('name')) throw errors.field('mapping', 'import.name_not_mapped');
      const placement = await customers.ownerPlacement(ctx.actor.id);
      const claimedAt = now();
      if (!(await importQueries.claim(db, id, claimedAt, new Date(clock.now().getTime() - STALE_COMMIT_MS).toISOString()))) {
        throw errors.conflict('import.in_progress');
      }
      const total = table.rows.length;
      running.set(id, { processed: 0, total });
      const reportProgress = async (processed: number) => {
        running.set(id, { processed, total });
        // PostgreSQL: written through another connection, so every instance can answer the poll.
        // SQLite has one connection, held by the transaction: the progress stays in this process.
        if (kind === 'postgres') await importQueries.update(db, id, { progress_processed: processed, updated_at: now() });
      };
      let result: StoredResult;
      try {
        result = await db.transaction().execute(async (trx) => {
          if (kind === 'postgres') {
            // Two uploads of the same file committed at once: the second waits and then finds the first.
            await importQueries.lockFile(trx, row.file_sha256);
          }
          const twin = await importQueries.committedTwin(trx, row.file_sha256, row.mapping, id, mode === 'update');
          if (twin?.result) {
            const earlier = { ...(JSON.parse(twin.result) as StoredResult), alreadyImported: true };
            await importQueries.update(trx, id, { status: 'committed', duplicates_mode: earlier.mode, result: JSON.stringify(earlier), committed_at: now(), updated_at: now(), progress_processed: total });
            return earlier;
          }
          const { index, visible } = await loadIndex(trx, ctx, validated);
          const current = mode === 'update' ? await currentRows(trx, [...visible]) : new Map<number, Customer>();
          const r: StoredResult = { mode, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, commitIssues: [] };
          // New customers are written in batches; until then the index knows them by a negative placeholder.
          const pending: { placeholder: number; values: CustomerValues }[] = [];
          const realId = new Map<number, number>();
          const resolve = (ids: number[]) => [...new Set(ids.map((x) => realId.get(x) ?? x))];
          const flush = async () => {
            if (!pending.length) return;
            const ids = await customers.insertCustomers(trx, ctx, pending.map((p) => p.values), placement);
            pending.forEach((p, k) => {
              realId.set(p.placeholder, ids[k]);
              visible.add(ids[k]);
            });
            pending.length = 0;
          };
          for (let i = 0; i < total; i++) {
            if (i > 0 && i % CHUNK_ROWS === 0) {
              await flush();
              await reportProgress(i);
            }
            const v = validated[i];
            if (!v.values) {
              r.failed++;
              continue;
            }
            const keys = duplicateKeys(v.values, v.archiveNo);
            if (mode !== 'create') {
              let matches = resolve(index.match(keys));
              if (matches.length && mode === 'skip') {
                r.skipped++;
                continue;
              }
              if (matches.length) {
                if (matches.some((x) => x < 0)) {
                  await flush(); // the row updates one created earlier in this file
                  matches = resolve(matches);
                }
                if (matches.length > 1 || !visible.has(matches[0])) {
                  // Never guess which record to change, nor change one outside the caller's data scope.
                  r.failed++;
                  r.commitIssues.push({ index: i, key: matches.length > 1 ? 'import.duplicate_ambiguous' : 'import.duplicate_hidden' });
                  continue;
                }
                const before = current.get(matches[0]);
                if (before && !differs(customerValues(before), v.values)) {
                  r.unchanged++; // the same values again: nothing written, no audit entry
                  continue;
                }
                const changes = await customers.updateCustomer(trx, ctx, matches[0], null, v.values);
                current.delete(matches[0]);
                if (Object.keys(changes).length) {
                  r.updated++;
                  index.add(matches[0], keys);
                } else r.unchanged++;
                continue;
              }
            }
            const placeholder = -(i + 1);
            pending.push({ placeholder, values: v.values });
            index.add(placeholder, keys);
            r.created++;
          }
          await flush();
          const at = now();
          await importQueries.update(trx, id, { status: 'committed', duplicates_mode: mode, result: JSON.stringify(r), committed_at: at, updated_at: at, progress_processed: total });
          await audit.record(trx, actorInfo(ctx), {
            action: 'import',
            entityType: 'customer_import',
            entityId: id,
            summary: `${row.filename}: created ${r.created}, updated ${r.updated}, skipped ${r.skipped}, failed ${r.failed}`,
            changes: {
              filename: [null, row.filename],
              sha256: [null, row.file_sha256],
              duplicates: [null, mode],
              rows: [null, total],
              created: [null, r.created],
              updated: [null, r.updated],
              unchanged: [null, r.unchanged],
              skipped: [null, r.skipped],
              failed: [null, r.failed],
            },
          });
          return r;
        });
      } catch (err) {
        await importQueries.update(db, id, { status: 'previewed', progress_processed: 0, updated_at: now() }).catch(() => undefined);
        throw err;
      } finally {
        running.delete(id);
      }
      const after = (await importQueries.summary(db, id))!;
      return resultAnswer(ctx, after, table, validated, result);
    },

    /** The bad rows as they were uploaded, with a column naming every problem: fix them and upload this file again. */
    async report(ctx: RequestContext, id: number): Promise<{ filename: string; body: Buffer }> {
      const row = await own(ctx, id);
      const table = stored(row);
      const validated = validateAll(table);
      const commitIssues = row.result ? (JSON.parse(row.result) as StoredResult).commitIssues : [];
      const problems = new Map<number, string[]>();
      const label = (issue: Pick<RowIssue, 'field' | 'column'>) =>
        issue.column !== null && table.headers[issue.column] ? table.headers[issue.column] : FIELD_LABELS[issue.field];
      validated.forEach((v, i) => {
        if (v.issues.length) problems.set(i, v.issues.map((issue) => `${label(issue)}：${t(ctx.lang, issue.key, issue.params)}`));
      });
      for (const c of commitIssues) problems.set(c.index, [...(problems.get(c.index) ?? []), t(ctx.lang, c.key)]);
      const writer = new XlsxWriter(
        t(ctx.lang, 'import.report_sheet'),
        [t(ctx.lang, 'import.report_row'), ...table.headers, t(ctx.lang, 'import.report_errors')],
        [8, ...table.headers.map(() => 16), 60],
      );
      for (const i of [...problems.keys()].sort((a, b) => a - b)) writer.addRow([table.rowNumbers[i], ...table.rows[i], problems.get(i)!.join('；')]);
      const base = row.filename.replace(/\.(xlsx|csv|txt)$/i, '');
      return { filename: `${base}-errors.xlsx`, body: await writer.finish() };
    },
  };
}
export type CustomerImportService = ReturnType<typeof createCustomerImportService>;
