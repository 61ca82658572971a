import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from './errors';
import { isMessageKey, t, type Lang } from './i18n';

// A missing or empty value is only known while zod still holds the input: it is named "required" then.
z.config({ customError: (iss) => (iss.code === 'invalid_type' && (iss.input === undefined || iss.input === null) ? 'validation.required' : undefined) });

/**
 * The message key and parameters of a validator issue: the schema's own key when it names one, otherwise a
 * plain message per kind of problem, so no validator wording ("数值过小：期望 number >=1") reaches a user.
 */
export function zodIssueMessage(issue: { code: string; message: string; [k: string]: unknown }): { key: string; params: Record<string, string | number> } {
  if (isMessageKey(issue.message)) {
    const params: Record<string, string | number> = {};
    for (const k of ['minimum', 'maximum'] as const) if (typeof issue[k] === 'number' || typeof issue[k] === 'bigint') params[k === 'minimum' ? 'min' : 'max'] = Number(issue[k]);
    return { key: issue.message, params };
  }
  const origin = String(issue.origin ?? '');
  const numeric = ['number', 'int', 'bigint'].includes(origin);
  const listy = ['array', 'set'].includes(origin);
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (numeric) return { key: issue.inclusive === false ? 'validation.above' : 'validation.min', params: { min } };
      if (origin === 'string') return min <= 1 ? { key: 'validation.required', params: {} } : { key: 'validation.min_length', params: { min } };
      if (listy) return { key: 'validation.min_items', params: { min } };
      return { key: 'validation.invalid', params: {} };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (numeric) return { key: issue.inclusive === false ? 'validation.below' : 'validation.max', params: { max } };
      if (origin === 'string') return { key: 'validation.max_length', params: { max } };
      if (listy) return { key: 'validation.max_items', params: { max } };
      return { key: 'validation.invalid', params: {} };
    }
    case 'invalid_value':
      return { key: 'validation.choice', params: {} };
    case 'unrecognized_keys':
      return { key: 'validation.unknown_field', params: {} };
    case 'invalid_type':
      return { key: issue.expected === 'number' || issue.expected === 'int' ? 'validation.number' : 'validation.invalid', params: {} };
    default:
      return { key: 'validation.invalid', params: {} };
  }
}

function zodMessage(lang: Lang, issue: { code: string; message: string; [k: string]: unknown }): string {
  const { key, params } = zodIssueMessage(issue);
  return t(lang, key, params);
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
