/**
 * What every spreadsheet import does the same way, whatever it imports: the upload judged by its bytes and
 * kept as a preview owned by its uploader, the column mapping, the commit claimed once (a second click or
 * instance is refused) with its progress, and the status poll. The module supplies the table (with the
 * ImportStoreTable columns), the field mapping and the commit itself.
 */
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, errors } from '../http/errors';
import { type Lang, t } from '../http/i18n';
import type { RequestContext } from '../permissions/actor';
import type { Clock } from '../time';
import { type ImportLimits, type ParsedTable, decodeText, inspectZip, isWorkbookZip, mappingProblem, rememberedMapping, sniffFile } from './import.rules';
import type { ImportStore, ImportStoreTable } from './import.store.queries';
import { XlsxWriter, readCsv, readXlsx } from './spreadsheet';

/** Previews nobody committed are deleted after this long. */
export const PREVIEW_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** A commit without progress for this long died with its process (its transaction was rolled back). */
export const STALE_COMMIT_MS = 15 * 60 * 1000;
/** How many of the user's latest committed imports are read for remembered column choices. */
const REMEMBERED_IMPORTS = 20;
/** Rows listed in JSON answers; the downloadable report has all of them. */
export const MAX_LISTED_ERRORS = 1000;

export const fileError = (status: number, code: string, key: string, params: Record<string, string | number> = {}) =>
  new AppError('validation', key, [], params, status, { code });

/** The file → a table, judged by its bytes: .xlsx (a safe zip that is a workbook) or CSV text. */
export async function parseFile(body: Buffer, limits: ImportLimits) {
  if (!body.length) throw fileError(422, 'empty_file', 'import.empty');
  if (body.length > limits.maxUploadBytes) throw fileError(413, 'payload_too_large', 'import.too_large', { mb: limits.maxUploadBytes / 1024 / 1024 });
  const kindOfFile = sniffFile(body);
  if (kindOfFile === 'xls') throw fileError(415, 'unsupported_media_type', 'import.legacy_xls');
  if (kindOfFile === 'other') throw fileError(415, 'unsupported_media_type', 'import.unsupported_type');
  if (kindOfFile === 'xlsx') {
    const zip = inspectZip(body, { maxUnzippedBytes: limits.maxUnzippedBytes, maxRatio: limits.maxRatio, maxEntries: limits.maxZipEntries });
    if (zip === 'zip_bomb') throw fileError(422, 'zip_bomb', 'import.zip_bomb', { mb: limits.maxUnzippedBytes / 1024 / 1024, ratio: limits.maxRatio });
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

/** cell_flags holds [row, column] of rounded numbers and [row, column, 'formula'] of formula cells. */
function cellFlags(json: string): { flags: [number, number][]; formulas: [number, number][] } {
  const all = JSON.parse(json) as ([number, number] | [number, number, 'formula'])[];
  return {
    flags: all.filter((f) => f.length === 2).map(([r, c]) => [r, c]),
    formulas: all.filter((f) => f[2] === 'formula').map(([r, c]) => [r, c]),
  };
}

/** The stored cells of an import, with its mapping. */
export interface StoredTable<F extends string = string> extends ParsedTable {
  mapping: (F | null)[];
}

export interface ImportJobDeps<Extra extends object> {
  db: Db;
  clock: Clock;
  store: ImportStore<Extra>;
  limits: ImportLimits;
}

export function createImportJobs<Extra extends object = object>(deps: ImportJobDeps<Extra>) {
  const { db: database, clock, store, limits } = deps;
  const db = database.kysely;
  const now = () => clock.now().toISOString();
  /** Progress of running commits in this process (SQLite cannot write it outside the open transaction). */
  const running = new Map<number, { processed: number; total: number }>();
  type Row = Selectable<ImportStoreTable> & Extra;

  /** An import belongs to whoever uploaded it: anyone else gets the same 404 as for a missing id. */
  async function own(ctx: RequestContext, id: number): Promise<Row> {
    const row = await store.get(db, id);
    if (!row || row.created_by !== ctx.actor.id) throw errors.notFound();
    return row;
  }

  function stored<F extends string>(row: Pick<ImportStoreTable, 'headers' | 'mapping' | 'rows' | 'row_numbers'> & { cell_flags: string }): StoredTable<F> {
    return {
      headers: JSON.parse(row.headers) as string[],
      mapping: JSON.parse(row.mapping) as (F | null)[],
      rows: JSON.parse(row.rows) as string[][],
      rowNumbers: JSON.parse(row.row_numbers) as number[],
      ...cellFlags(row.cell_flags),
    };
  }

  return {
    db,
    kind: database.kind,
    now,
    running,
    own,
    stored,

    /**
     * Parses the upload and keeps it as a preview, mapped by `autoMap` and by the choices this user made by
     * hand in earlier imports of the same table (for fields of `fields`); the new row.
     */
    async upload(ctx: RequestContext, body: Buffer, filename: string, autoMap: (headers: string[]) => (string | null)[], fields: readonly string[], extra: Extra): Promise<Row> {
      const { table, fileType, encoding, sheetName } = await parseFile(body, limits);
      if ('problem' in table) throw fileError(422, 'validation', table.problem, table.params);
      const earlier = (await store.recentMappings(db, ctx.actor.id, REMEMBERED_IMPORTS)).map((r) => {
        const headers = JSON.parse(r.headers) as string[];
        return { headers, mapping: JSON.parse(r.mapping) as (string | null)[], automatic: autoMap(headers) };
      });
      const mapping = rememberedMapping(table.headers, autoMap(table.headers), earlier, fields);
      const t0 = now();
      await store.purgeStalePreviews(db, new Date(clock.now().getTime() - PREVIEW_RETENTION_MS).toISOString());
      const id = await store.insert(db, {
        ...extra,
        created_by: ctx.actor.id,
        filename,
        file_sha256: crypto.createHash('sha256').update(body).digest('hex'),
        file_type: fileType,
        encoding,
        sheet_name: sheetName,
        status: 'previewed',
        headers: JSON.stringify(table.headers),
        mapping: JSON.stringify(mapping),
        rows: JSON.stringify(table.rows),
        row_numbers: JSON.stringify(table.rowNumbers),
        cell_flags: JSON.stringify([...table.flags, ...(table.formulas ?? []).map(([r, c]) => [r, c, 'formula'])]),
        row_count: table.rows.length,
        progress_total: table.rows.length,
        created_at: t0,
        updated_at: t0,
      });
      return (await store.get(db, id))!;
    },

    /** A new mapping (one field or null per column) for a previewed import. */
    async setMapping(ctx: RequestContext, id: number, mapping: (string | null)[]): Promise<Row> {
      const row = await own(ctx, id);
      if (row.status !== 'previewed') throw errors.conflict('import.already_committed');
      const problem = mappingProblem(mapping, (JSON.parse(row.headers) as string[]).length);
      if (problem) throw errors.field('mapping', problem);
      await store.update(db, id, { mapping: JSON.stringify(mapping), updated_at: now() });
      return (await store.get(db, id))!;
    },

    /** Status and progress for the poll; the result as the module stored it. */
    async status(ctx: RequestContext, id: number) {
      const row = await store.summary(db, id);
      if (!row || row.created_by !== ctx.actor.id) throw errors.notFound();
      const live = running.get(id);
      return { row, progress: live ?? { processed: row.status === 'committed' ? row.row_count : row.progress_processed, total: row.row_count } };
    },

    list(ctx: RequestContext, page: number, pageSize: number) {
      return store.listOwn(db, ctx.actor.id, page, pageSize);
    },

    /**
     * Runs a commit once: claims the import (409 while another commit of it runs), reports progress
     * (PostgreSQL: through another connection, so every instance can answer the poll; SQLite has one
     * connection, held by the transaction, so the progress stays in this process), and puts the import
     * back to "previewed" when the commit fails. `work` runs inside one transaction.
     */
    async runCommit<R>(id: number, total: number, work: (trx: Kysely<Database>, progress: (processed: number) => Promise<void>) => Promise<R>): Promise<R> {
      if (!(await store.claim(db, id, now(), new Date(clock.now().getTime() - STALE_COMMIT_MS).toISOString()))) throw errors.conflict('import.in_progress');
      running.set(id, { processed: 0, total });
      const progress = async (processed: number) => {
        running.set(id, { processed, total });
        if (database.kind === 'postgres') await store.update(db, id, { progress_processed: processed, updated_at: now() });
      };
      try {
        return await db.transaction().execute((trx) => work(trx, progress));
      } catch (err) {
        await store.update(db, id, { status: 'previewed', progress_processed: 0, updated_at: now() }).catch(() => undefined);
        throw err;
      } finally {
        running.delete(id);
      }
    },
  };
}
export type ImportJobs<Extra extends object = object> = ReturnType<typeof createImportJobs<Extra>>;

/**
 * The downloadable error report: the bad rows as they were uploaded, their spreadsheet row number first and
 * a column naming every problem last, so the user fixes them and uploads this file again.
 */
export async function errorReport(lang: Lang, filename: string, table: ParsedTable, problems: Map<number, string[]>): Promise<{ filename: string; body: Buffer }> {
  const writer = new XlsxWriter(
    t(lang, 'import.report_sheet'),
    [t(lang, 'import.report_row'), ...table.headers, t(lang, 'import.report_errors')],
    [8, ...table.headers.map(() => 16), 60],
  );
  for (const i of [...problems.keys()].sort((a, b) => a - b)) writer.addRow([table.rowNumbers[i], ...table.rows[i], problems.get(i)!.join(lang === 'en' ? '; ' : '；')]);
  const base = filename.replace(/\.(xlsx|csv|txt)$/i, '');
  return { filename: `${base}-errors.xlsx`, body: await writer.finish() };
}
