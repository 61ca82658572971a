import { z } from 'zod';
import { dateString, page, pagingQuery, version } from '../../platform/http/schemas';
import { isPhone } from '../customers/customers.rules';

/** Request and response schemas of individual customers (docs/api.md "Individual customers"). */
export const GENDERS = ['male', 'female'] as const;

export const individualFields = {
  name: z.string().trim().min(1, 'validation.required').max(50),
  gender: z.enum(GENDERS).nullable().optional(),
  birthday: dateString.nullable().optional(),
  nationality: z.string().trim().max(50).nullable().optional(),
  mobile: z.string().trim().max(40).refine(isPhone, 'validation.phone').nullable().optional(),
  idNumber: z.string().trim().max(30).nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
};
export const individualCreate = z.object(individualFields).strict();
export const individualUpdate = z.object({ ...individualFields, name: individualFields.name.optional(), version }).strict();
export const individualListQuery = z
  .object({ q: z.string().trim().max(50).optional(), initial: z.string().regex(/^[A-Z#]$/).optional(), ...pagingQuery })
  .strict();
export const individualRevealBody = z.object({ field: z.enum(['mobile', 'idNumber']) }).strict();

export const individualOut = z.object({
  id: z.number(),
  name: z.string(),
  /** A–Z, or # for names that start with neither a Chinese character nor a Latin letter. */
  initial: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthday: z.string().nullable(),
  nationality: z.string().nullable(),
  /** Masked (138****5678). */
  mobile: z.string().nullable(),
  /** Masked (6 + 4). */
  idNumber: z.string().nullable(),
  notes: z.string().nullable(),
  ownerId: z.number(),
  ownerName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const individualPageOut = page(individualOut).extend({ initials: z.array(z.object({ initial: z.string(), count: z.number() })) });
