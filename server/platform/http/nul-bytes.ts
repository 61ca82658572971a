import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * The path of the first text in a parsed JSON body that holds a NUL character (U+0000), e.g. `contacts.0.name`,
 * or null. PostgreSQL cannot store NUL in text at all and other tools cut the text there, so no field takes one.
 */
export function nulBytePath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'body' : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulBytePath(value[i], [...path, String(i)], depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.includes('\u0000')) return [...path, k.replace(/\u0000/g, '\\u0000')].join('.');
    const found = nulBytePath(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** preValidation hook for every route: a JSON body with a NUL in any text is refused with 400 naming the field. */
export async function refuseNulBytes(req: FastifyRequest): Promise<void> {
  if (Buffer.isBuffer(req.body) || req.body === null || typeof req.body !== 'object') return; // file uploads are judged by content
  const field = nulBytePath(req.body);
  if (field !== null) throw new AppError('validation', 'error.validation', [{ field, message: 'validation.nul_byte' }], {}, 400);
}
