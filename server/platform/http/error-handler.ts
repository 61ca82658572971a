import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from './errors';
import { isMessageKey, t, type Lang } from './i18n';

const zodLocales: Record<Lang, (issue: any) => string | undefined | { message: string }> = {
  'zh-CN': z.locales.zhCN().localeError as any,
  'zh-TW': z.locales.zhTW().localeError as any,
  en: z.locales.en().localeError as any,
};

function zodMessage(lang: Lang, issue: { code: string; message: string; [k: string]: unknown }): string {
  if (isMessageKey(issue.message)) return t(lang, issue.message);
  const out = zodLocales[lang](issue);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}

export interface ErrorBody {
  error: { code: string; message: string; fields: { field: string; message: string }[]; requestId?: string; [k: string]: unknown };
}

function body(code: string, message: string, fields: { field: string; message: string }[] = [], requestId?: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { ...details, code, message, fields, ...(requestId ? { requestId } : {}) } };
}

/** The one place where errors become HTTP responses (style.md habit 8). */
export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = request.lang ?? 'zh-CN';
  if (error instanceof AppError) {
    const fields = error.fields.map((f: FieldError) => ({ field: f.field, message: t(lang, f.message, f.params) }));
    if (error.status >= 500) request.log.error({ err: error }, 'application error');
    return reply.status(error.status).send(body(error.details.code ? String(error.details.code) : error.code, t(lang, error.messageKey, error.params), fields, undefined, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: { field: string; message: string }[] = [];
    for (const v of error.validation) {
      const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
      const issue = { code: v.keyword, message: v.message ?? '', path, ...(v.params as object) } as { code: string; message: string; keys?: string[] };
      const message = zodMessage(lang, issue);
      if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
        for (const k of issue.keys) fields.push({ field: [...path, k].join('.'), message });
      } else {
        fields.push({ field: path.join('.') || (error.validationContext ?? 'body'), message });
      }
    }
    // Malformed path parameters (an id that is not a number) name nothing that exists.
    if (error.validationContext === 'params') return reply.status(404).send(body('not_found', t(lang, 'error.not_found')));
    return reply.status(400).send(body('validation', t(lang, 'error.validation'), fields));
  }
  const fe = error as FastifyError;
  if (fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send(body('payload_too_large', t(lang, 'error.payload_too_large')));
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors (malformed JSON, wrong content type …).
    return reply.status(fe.statusCode).send(body('bad_request', fe.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(body('internal', t(lang, 'error.internal'), [], request.id));
}
