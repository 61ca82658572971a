import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ZodType } from 'zod';
import { AppError } from '../http/errors';
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
