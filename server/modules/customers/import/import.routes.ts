import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/database';
import type { AuditService } from '../../../platform/audit/audit.service';
import { registerImportRecordRoutes, registerUploadRoute, sendXlsx } from '../../../platform/import/import.http';
import { requestContext } from '../../../platform/http/guard';
import { idParams, page, parseSort } from '../../../platform/http/schemas';
import type { Clock } from '../../../platform/time';
import type { CustomerSortField } from '../customers.queries';
import type { CustomerService } from '../customers.service';
import { createCustomerExportService } from './export.service';
import { IMPORT_LIMITS } from './import.rules';
import * as s from './import.schemas';
import { createCustomerImportService } from './import.service';

/** Excel/CSV import (issue point 10) and Excel export (issue point 11) of the customer archive. */
export async function customerImportRoutes(root: FastifyInstance, deps: { db: Db; clock: Clock; customers: CustomerService; audit: AuditService }) {
  const imports = createCustomerImportService(deps);
  const exporter = createCustomerExportService({ customers: deps.customers, audit: deps.audit, clock: deps.clock, db: deps.db.kysely });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers 客户档案'];
  // An import's :id names no scoped record type (RESOURCES has no owner/team columns for it); it belongs
  // to the user who uploaded it, and the service answers 404 to anyone else — the same as a missing id.
  const ownImport = { capability: 'customers.import', companyWide: true } as const;

  app.get('/api/customers/export.xlsx', {
    config: { policy: { capability: 'customers.export' } },
    schema: { tags, summary: 'The filtered customer list as .xlsx (same filters as GET /api/customers)', querystring: s.exportQuery },
    handler: async (req, reply) => {
      const { sort, createdTo, updatedTo, fields, unmasked, ...filter } = req.query;
      // Date filters are inclusive calendar days in Asia/Shanghai, as on the list.
      const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
      const nextDayStart = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86400_000).toISOString();
      const order = parseSort(sort, 'name');
      const out = await exporter.export(requestContext(req), {
        filter: {
          ...filter,
          createdFrom: filter.createdFrom && dayStart(filter.createdFrom),
          createdTo: createdTo && nextDayStart(createdTo),
          updatedFrom: filter.updatedFrom && dayStart(filter.updatedFrom),
          updatedTo: updatedTo && nextDayStart(updatedTo),
        },
        sort: order.field as CustomerSortField,
        direction: order.direction,
        fields: fields ? fields.split(',').map((f) => f.trim()).filter(Boolean) : undefined,
        unmasked: unmasked ?? false,
      });
      return sendXlsx(reply, out.filename, out.body);
    },
  });

  await registerUploadRoute(root, {
    url: '/api/customer-imports',
    capability: 'customers.import',
    tags,
    summary: 'Upload .xlsx or .csv (request body = the file; ?filename= or X-Filename header) → preview',
    limits: IMPORT_LIMITS,
    response: s.previewOut,
    handler: (req, body, filename) => imports.upload(requestContext(req), body, filename),
  });

  registerImportRecordRoutes(root, { base: '/api/customer-imports', capability: 'customers.import', tags, service: imports, statusOut: s.statusOut, previewOut: s.previewOut, mappingBody: s.mappingBody });

  app.get('/api/customer-imports', {
    config: { policy: { capability: 'customers.import' } },
    schema: {
      tags,
      querystring: s.listQuery,
      response: {
        200: page(
          z.object({ id: z.number(), filename: z.string(), fileType: z.string(), status: z.string(), rowCount: z.number(), duplicates: z.string().nullable(), createdAt: z.string(), committedAt: z.string().nullable() }),
        ),
      },
    },
    handler: async (req) => {
      const { rows, total } = await imports.list(requestContext(req), req.query.page, req.query.pageSize);
      return {
        items: rows.map((r) => ({ id: r.id, filename: r.filename, fileType: r.file_type, status: r.status, rowCount: r.row_count, duplicates: r.duplicates_mode, createdAt: r.created_at, committedAt: r.committed_at })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  });

  app.post('/api/customer-imports/:id/commit', {
    config: { policy: ownImport },
    schema: { tags, summary: 'Import the valid rows in one transaction; duplicates: skip | update | create, or per row in rows', params: idParams, body: s.commitBody, response: { 200: s.resultOut } },
    handler: async (req) => imports.commit(requestContext(req), req.params.id, req.body.duplicates, req.body.rows),
  });

}
