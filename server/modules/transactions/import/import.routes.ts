import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/database';
import type { AuditService } from '../../../platform/audit/audit.service';
import { requestContext } from '../../../platform/http/guard';
import { idParams, page, parseSort } from '../../../platform/http/schemas';
import { registerImportRecordRoutes, registerUploadRoute, sendXlsx } from '../../../platform/import/import.http';
import type { Clock } from '../../../platform/time';
import type { TransactionSortField } from '../transactions.queries';
import { listQuery as transactionListQuery } from '../transactions.schemas';
import type { TransactionService } from '../transactions.service';
import { createTransactionExportService } from './export.service';
import { TX_IMPORT_LIMITS } from './import.rules';
import * as s from './import.schemas';
import { createTransactionImportService } from './import.service';

/**
 * Excel/CSV import of transactions and returns, its template, and the export of the filtered list
 * (archive sections 3–4, docs/regulations.md §2). Importing needs transactions.manage; every row's
 * customer must lie in the importer's data scope.
 */
export async function transactionImportRoutes(root: FastifyInstance, deps: { db: Db; clock: Clock; audit: AuditService; transactions: TransactionService }) {
  const imports = createTransactionImportService(deps);
  const exporter = createTransactionExportService({ db: deps.db.kysely, audit: deps.audit, clock: deps.clock });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['transactions 交易记录'];
  // An import belongs to whoever uploaded it: the service answers 404 to anyone else, as for a missing id.
  const ownImport = { capability: 'transactions.manage', companyWide: true } as const;

  app.get('/api/transactions/export.xlsx', {
    config: { policy: { capability: 'transactions.read' } },
    schema: { tags, summary: 'The filtered transactions list as .xlsx (same filters as GET /api/transactions); audit-logged', querystring: transactionListQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const { sort, ...filters } = req.query;
      const order = parseSort(sort, '-date') as { field: TransactionSortField; direction: 'asc' | 'desc' };
      const out = await exporter.export(requestContext(req), filters, order);
      return sendXlsx(reply, out.filename, out.body);
    },
  });

  app.get('/api/transaction-imports/template.xlsx', {
    config: { policy: { capability: 'transactions.manage' } },
    schema: { tags, summary: 'The import template: Chinese headers and an example row', querystring: s.kindQuery },
    handler: async (req, reply) => {
      const out = await imports.template(req.query.kind);
      return sendXlsx(reply, out.filename, out.body);
    },
  });

  await registerUploadRoute(root, {
    url: '/api/transaction-imports',
    capability: 'transactions.manage',
    tags,
    summary: 'Upload .xlsx or .csv of transactions or returns (?kind=; request body = the file) → preview',
    limits: TX_IMPORT_LIMITS,
    querystring: s.uploadQuery,
    response: s.previewOut,
    handler: (req, body, filename) => imports.upload(requestContext(req), (req.query as z.infer<typeof s.uploadQuery>).kind, body, filename),
  });

  registerImportRecordRoutes(root, { base: '/api/transaction-imports', capability: 'transactions.manage', tags, service: imports, statusOut: s.statusOut, previewOut: s.previewOut, mappingBody: s.mappingBody });

  app.get('/api/transaction-imports', {
    config: { policy: { capability: 'transactions.manage' } },
    schema: {
      tags,
      querystring: s.listQuery,
      response: { 200: page(z.object({ id: z.number(), filename: z.string(), fileType: z.string(), status: z.string(), rowCount: z.number(), createdAt: z.string(), committedAt: z.string().nullable() })) },
    },
    handler: async (req) => {
      const { rows, total } = await imports.list(requestContext(req), req.query.page, req.query.pageSize);
      return {
        items: rows.map((r) => ({ id: r.id, filename: r.filename, fileType: r.file_type, status: r.status, rowCount: r.row_count, createdAt: r.created_at, committedAt: r.committed_at })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  });

  app.post('/api/transaction-imports/:id/commit', {
    config: { policy: ownImport },
    schema: { tags, summary: 'Write the valid rows in one transaction; rows already recorded are left as they are', params: idParams, body: s.commitBody, response: { 200: s.resultOut } },
    handler: async (req) => imports.commit(requestContext(req), req.params.id),
  });

}
