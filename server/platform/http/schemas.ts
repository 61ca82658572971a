import { z } from 'zod';
import { isValidDate } from '../time';

/** Schemas shared by every module's routes (docs/api.md). */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const MAX_PAGE_SIZE = 200;
export const pagingQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
};

/** `sort=field` or `sort=-field`, only for the allow-listed fields. */
export function sortQuery<const F extends readonly [string, ...string[]]>(fields: F) {
  const allowed = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(allowed).optional();
}

export function parseSort(sort: string | undefined, fallback: string): { field: string; direction: 'asc' | 'desc' } {
  const s = sort ?? fallback;
  return s.startsWith('-') ? { field: s.slice(1), direction: 'desc' } : { field: s, direction: 'asc' };
}

export const dateString = z.string().refine(isValidDate, 'validation.date');
export const version = z.number({ error: 'validation.version' }).int().min(0);
export const instant = z.string();

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
    requestId: z.string().optional(),
  }),
});

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Masks a phone number for lists and logs: 138****1234 (issue 3 §9). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\s/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
