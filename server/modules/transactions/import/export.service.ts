import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { type AuditService, actorInfo } from '../../../platform/audit/audit.service';
import { errors } from '../../../platform/http/errors';
import { t } from '../../../platform/http/i18n';
import type { RequestContext } from '../../../platform/permissions/actor';
import { XlsxWriter } from '../../../platform/import/spreadsheet';
import { type Clock, shanghaiDate } from '../../../platform/time';
import { type TransactionFilters, type TransactionSortField, transactionQueries } from '../transactions.queries';
import { fromCents } from '../transactions.rules';

/** One export holds at most this many rows (narrow the filter for more). */
export const EXPORT_MAX_ROWS = 200_000;
const PAGE = 5000;

/**
 * The filtered transactions list as .xlsx (the same filters and data scope as the list), written with the
 * platform's writer (formulas neutralised), and audit-logged with its filter and row count.
 */
export function createTransactionExportService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;
  return {
    async export(ctx: RequestContext, filters: TransactionFilters, sort: { field: TransactionSortField; direction: 'asc' | 'desc' }) {
      const first = await transactionQueries.list(db, ctx.actor, filters, { page: 1, pageSize: PAGE, sort });
      if (first.total > EXPORT_MAX_ROWS) throw errors.field('filter', 'transaction_import.export_too_many', { count: first.total, max: EXPORT_MAX_ROWS });
      const L = (k: string) => t(ctx.lang, `transaction_import.export.${k}`);
      const writer = new XlsxWriter(
        L('sheet'),
        ['date', 'archiveNo', 'customer', 'product', 'model', 'quantity', 'unitPrice', 'amount', 'salesperson', 'contract', 'source', 'docNo'].map(L),
        [12, 16, 30, 24, 14, 10, 14, 16, 12, 16, 10, 20],
      );
      let rows = first.rows;
      for (let page = 1; rows.length; ) {
        for (const r of rows) {
          writer.addRow([
            r.date,
            r.customer_archive_no,
            r.customer_name,
            r.product,
            r.model,
            Number(r.quantity),
            fromCents(Number(r.unit_price_cents)),
            fromCents(Number(r.amount_cents)),
            r.salesperson_name,
            r.contract_no,
            r.source_system,
            r.source_doc_no,
          ]);
        }
        if (page * PAGE >= first.total) break;
        page++;
        rows = (await transactionQueries.list(db, ctx.actor, filters, { page, pageSize: PAGE, sort })).rows;
      }
      await audit.record(db, actorInfo(ctx), {
        action: 'export',
        entityType: 'transaction',
        entityId: null,
        summary: `${writer.rowCount} rows`,
        changes: { filter: [null, JSON.stringify(filters)], rows: [null, writer.rowCount] },
      });
      return { filename: `${L('sheet')}-${shanghaiDate(clock.now())}.xlsx`, body: await writer.finish() };
    },
  };
}
