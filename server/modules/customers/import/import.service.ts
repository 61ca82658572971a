/**
 * Excel/CSV import of customers (issue point 10). Two steps: the upload is parsed, checked and kept as a
 * preview (columns mapped automatically, adjustable); the commit imports every valid row in ONE
 * transaction. Both new and updated customers go through the customer service (insertCustomers in
 * batches, updateCustomer), so an imported customer is written exactly like one created by hand.
 */
import crypto from 'node:crypto';
import { errors } from '../../../platform/http/errors';
import { t } from '../../../platform/http/i18n';
import type { RequestContext } from '../../../platform/permissions/actor';
import { importQueries } from './import.queries';
import { FIELD_LABELS, IMPORT_LIMITS, autoMap, mappingProblem, type ImportField, type RowIssue } from './import.rules';
import { XlsxWriter } from './spreadsheet';
import { createImportCommit } from './import.commit';
import { type ImportDeps, type StoredResult, PREVIEW_RETENTION_MS, createImportCore, fileError } from './import.core';

export function createCustomerImportService(deps: ImportDeps) {
  const core = createImportCore(deps);
  const { db, clock, now, running, own, stored, validateAll, preview, parseFile } = core;

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

    ...createImportCommit(core),

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
