import { z } from 'zod';
import { ROLES } from '../../platform/permissions/roles';
import { sortQuery, pagingQuery, version } from '../../platform/http/schemas';
import type { UserSortField } from './org.queries';

/** Written out so this file (which the web reads for its types) loads no query code; the check fails to compile on drift. */
export const USER_SORT_FIELDS = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;
type SortFieldsHere = (typeof USER_SORT_FIELDS)[number];
const sortFieldsCovered: [UserSortField] extends [SortFieldsHere] ? ([SortFieldsHere] extends [UserSortField] ? true : false) : false = true;
void sortFieldsCovered;

export const username = z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/, 'validation.username');
const name = z.string().trim().min(1, 'validation.required').max(50);
const email = z.string().trim().max(120).pipe(z.email({ error: 'validation.email' }));
// Staff phones: mainland mobile or landline with area code; free text is refused.
const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, 'validation.mobile');
const role = z.enum(ROLES);
const id = z.number().int().positive();

export const userOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string(),
  active: z.boolean(),
  roles: z.array(role),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export const userListQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    departmentId: z.coerce.number().int().positive().optional(),
    teamId: z.coerce.number().int().positive().optional(),
    role: role.optional(),
    active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    sort: sortQuery(USER_SORT_FIELDS),
    ...pagingQuery,
  })
  .strict();

export const userCreate = z
  .object({
    username,
    displayName: name,
    password: z.string().min(1).max(256),
    departmentId: id.nullable().optional(),
    teamId: id.nullable().optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    roles: z.array(role).max(ROLES.length).default([]),
  })
  .strict();

export const userUpdate = z
  .object({
    displayName: name.optional(),
    departmentId: id.nullable().optional(),
    teamId: id.nullable().optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    version,
  })
  .strict();

export const rolesUpdate = z.object({ roles: z.array(role).max(ROLES.length), version }).strict();
export const passwordReset = z.object({ password: z.string().min(1).max(256), mustChange: z.boolean().default(true) }).strict();
export const versionOnly = z.object({ version }).strict();

export const departmentOut = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
  /** 部门负责人: approves as department head in approval chains (docs/regulations.md §18). */
  headId: z.number().nullable(),
  headName: z.string().nullable(),
  version: z.number(),
});
export const departmentCreate = z
  .object({ name, code: z.string().trim().max(20).nullable().optional(), sortOrder: z.number().int().min(0).max(9999).optional(), headId: id.nullable().optional() })
  .strict();
export const departmentUpdate = departmentCreate.partial().extend({ active: z.boolean().optional(), version }).strict();

export const teamOut = z.object({
  id: z.number(),
  name: z.string(),
  departmentId: z.number(),
  departmentName: z.string(),
  supervisorId: z.number().nullable(),
  supervisorName: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export const teamCreate = z.object({ name, departmentId: id, supervisorId: id.nullable().optional() }).strict();
export const teamUpdate = z
  .object({ name: name.optional(), departmentId: id.optional(), supervisorId: id.nullable().optional(), active: z.boolean().optional(), version })
  .strict();
