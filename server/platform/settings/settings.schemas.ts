import { z } from 'zod';

const text = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });

/** One setting as `GET /api/settings` and `PUT /api/settings/:key` send it; values are numbers, texts (blank = off) or on / off. */
export const settingOut = z.object({
  key: z.string(),
  label: text,
  unit: text.nullable(),
  // On / off, numbers and texts, or a table (a module's rule table or matrix, e.g. credit.ratingRules) as JSON.
  value: z.union([z.boolean(), z.number(), z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  default: z.union([z.boolean(), z.number(), z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  version: z.number(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  source: z.string().nullable(),
  /** A credential: `value` is `{ set }` only. */
  secret: z.boolean(),
  /** The environment variable that may supply it, and whether it does now (then it wins over the page). */
  env: z.string().nullable(),
  fromEnv: z.boolean(),
});
export const settingGroupsOut = z.object({ groups: z.array(z.object({ group: z.string(), label: text, items: z.array(settingOut) })) });
