/**
 * Excel/CSV import of customers (issue point 10). Two steps: the upload is parsed, checked and kept as a
 * preview (columns mapped automatically, adjustable); the commit imports every valid row in ONE
 * transaction. Both new and updated customers go through the customer service (insertCustomers in
 * batches, updateCustomer), so an imported customer is written exactly like one created by hand.
 */
import { errors } from '../../../platform/http/errors';
import { t } from '../../../platform/http/i18n';
import type { RequestContext } from '../../../platform/permissions/actor';
import { FIELD_LABELS, autoMap, type ImportField, type RowIssue } from './import.rules';
import { errorReport } from '../../../platform/import/import.jobs';
import { createImportCommit } from './import.commit';
import { type ImportDeps, type StoredResult, createImportCore } from './import.core';

export function createCustomerImportService(deps: ImportDeps) {
  const core = createImportCore(deps);
  const { jobs, own, stored, validateAll, preview, offeredFields } = core;
  /** Headers naming a target that is not offered (年采购额 without the ledger) are left unmapped. */
  const mapOffered = (headers: string[]) => {
    const offered = new Set<string>(offeredFields());
    return autoMap(headers).map((f) => (f && offered.has(f) ? f : null));
  };

  return {
    async upload(ctx: RequestContext, body: Buffer, filename: string) {
      return preview(ctx, await jobs.upload(ctx, body, filename, mapOffered, offeredFields(), {}));
    },

    async preview(ctx: RequestContext, id: number) {
      return preview(ctx, await own(ctx, id));
    },

    async setMapping(ctx: RequestContext, id: number, mapping: (ImportField | null)[]) {
      const offered = new Set<string>(offeredFields());
      if (mapping.some((f) => f && !offered.has(f))) throw errors.field('mapping', 'import.ledger_absent');
      return preview(ctx, await jobs.setMapping(ctx, id, mapping));
    },

    async status(ctx: RequestContext, id: number) {
      const { row, progress } = await jobs.status(ctx, id);
      const r = row.result ? (JSON.parse(row.result) as StoredResult) : null;
      return {
        id: row.id,
        filename: row.filename,
        fileType: row.file_type,
        status: row.status,
        rowCount: row.row_count,
        progress,
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

    list(ctx: RequestContext, page: number, pageSize: number) {
      return jobs.list(ctx, page, pageSize);
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
      // Every duplicate row with the customer it matched, why, and what was done (or, before the commit, that it is one).
      const result = row.result ? (JSON.parse(row.result) as StoredResult) : null;
      const described = result ? (await core.resultAnswer(ctx, row, table, validated, result)).duplicateRows : (await preview(ctx, row)).duplicateRows;
      const indexOfRow = new Map(table.rowNumbers.map((n, i) => [n, i]));
      for (const d of described) {
        const i = indexOfRow.get(d.row)!;
        const matches = d.matches
          .map((m) => {
            const who = m.fileRow !== null ? t(ctx.lang, 'import.duplicate_file_row', { row: m.fileRow }) : m.customerId !== null ? `${m.archiveNo} ${m.name}` : t(ctx.lang, 'import.duplicate_hidden_customer');
            const why = m.reasons.map((reason) => t(ctx.lang, `import.reason_${reason}`)).join(ctx.lang === 'en' ? ', ' : '、');
            return `${who}（${why}）`;
          })
          .join(ctx.lang === 'en' ? '; ' : '；');
        const line = t(ctx.lang, 'import.duplicate_of', { matches }) + (d.action ? ` → ${t(ctx.lang, `import.action_${d.action}`)}` : '');
        problems.set(i, [...(problems.get(i) ?? []), line]);
      }
      const indexByRow = indexOfRow;
      for (const f of core.formulaCells(table)) {
        const i = indexByRow.get(f.row)!;
        problems.set(i, [...(problems.get(i) ?? []), t(ctx.lang, 'import.formula_cell', { header: f.header, value: f.value })]);
      }
      return errorReport(ctx.lang, row.filename, table, problems);
    },
  };
}
export type CustomerImportService = ReturnType<typeof createCustomerImportService>;
