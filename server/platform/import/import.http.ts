import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ZodType } from 'zod';
import { AppError } from '../http/errors';
import { requestContext } from '../http/guard';
import { idParams } from '../http/schemas';
import type { RequestContext } from '../permissions/actor';
import type { ImportLimits } from './import.rules';

/** The HTTP side every spreadsheet import and export shares: the raw-body upload route and the .xlsx answer. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendXlsx(reply: FastifyReply, filename: string, body: Buffer) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** A file name for display only: no path, no control characters. */
export function cleanFilename(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it as sent */
  }
  name = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return name || 'upload';
}

export const uploadQuery = z.object({ filename: z.string().trim().min(1).max(255).optional() }).strict();

/**
 * The upload route: the request body is the file itself (the web app sends the File as is), judged later
 * by its bytes, whatever the content type or name says. Parsers are scoped to this one route, and a body
 * over the limit is refused before a byte of it is read, with the limit in the message.
 */
export async function registerUploadRoute(
  root: FastifyInstance,
  opts: {
    url: string;
    capability: string;
    tags: string[];
    summary: string;
    limits: Pick<ImportLimits, 'maxUploadBytes'>;
    /** The query string: `filename` and whatever the module adds (validated, handed to the handler as req.query). */
    querystring?: ZodType;
    response: ZodType;
    handler: (req: FastifyRequest, body: Buffer, filename: string) => Promise<unknown>;
  },
) {
  const tooLarge = () => new AppError('validation', 'import.too_large', [], { mb: opts.limits.maxUploadBytes / 1024 / 1024 }, 413, { code: 'payload_too_large' });
  await root.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.limits.maxUploadBytes }, (_req, body, done) => done(null, body));
    scope.addHook('onRequest', async (req) => {
      if (Number(req.headers['content-length'] ?? 0) > opts.limits.maxUploadBytes) throw tooLarge();
    });
    scope.withTypeProvider<ZodTypeProvider>().post(opts.url, {
      config: { policy: { capability: opts.capability } },
      bodyLimit: opts.limits.maxUploadBytes,
      schema: { tags: opts.tags, summary: opts.summary, querystring: opts.querystring ?? uploadQuery, response: { 201: opts.response } },
      handler: async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const filename = cleanFilename((req.query as { filename?: string }).filename ?? (req.headers['x-filename'] as string | undefined));
        return reply.status(201).send(await opts.handler(req, body, filename));
      },
    });
  });
}

/** What every import service answers about one stored upload (the uploader's own: others get 404). */
export interface ImportRecordService {
  status(ctx: RequestContext, id: number): Promise<unknown>;
  preview(ctx: RequestContext, id: number): Promise<unknown>;
  setMapping(ctx: RequestContext, id: number, mapping: (string | null)[]): Promise<unknown>;
  report(ctx: RequestContext, id: number): Promise<{ filename: string; body: Buffer }>;
}

/**
 * The routes on one stored upload that every import shares — status and progress, preview, mapping, the
 * report of bad rows — under `base` (e.g. /api/customer-imports). The list and the commit stay with the
 * module: their fields differ (the customer import's duplicates choice).
 */
export function registerImportRecordRoutes(
  root: FastifyInstance,
  opts: { base: string; capability: string; tags: string[]; service: ImportRecordService; statusOut: ZodType; previewOut: ZodType; mappingBody: ZodType<{ mapping: (string | null)[] }> },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { base, tags, service } = opts;
  // An import's :id names no scoped record type; it belongs to the uploader, and the service answers 404 to
  // anyone else — the same as a missing id. Hence companyWide.
  const policy = { capability: opts.capability, companyWide: true } as const;
  app.get(`${base}/:id`, {
    config: { policy },
    schema: { tags, summary: 'Status and progress (poll while committing)', params: idParams, response: { 200: opts.statusOut } },
    handler: async (req) => service.status(requestContext(req), req.params.id),
  });
  app.get(`${base}/:id/preview`, {
    config: { policy },
    schema: { tags, params: idParams, response: { 200: opts.previewOut } },
    handler: async (req) => service.preview(requestContext(req), req.params.id),
  });
  app.put(`${base}/:id/mapping`, {
    config: { policy },
    schema: { tags, summary: 'Adjust the column mapping (one field or null per column) → preview', params: idParams, body: opts.mappingBody, response: { 200: opts.previewOut } },
    handler: async (req) => service.setMapping(requestContext(req), req.params.id, (req.body as { mapping: (string | null)[] }).mapping),
  });
  app.get(`${base}/:id/report.xlsx`, {
    config: { policy },
    schema: { tags, summary: 'The bad rows as uploaded, with a column naming each problem', params: idParams },
    handler: async (req, reply) => {
      const out = await service.report(requestContext(req), req.params.id);
      return sendXlsx(reply, out.filename, out.body);
    },
  });
}
