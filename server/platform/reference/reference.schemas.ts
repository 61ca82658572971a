import { z } from 'zod';

const labels = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });
/** One value of a reference list with its labels in the three languages (the value is the zh-CN label). */
export const referenceLabelOut = z.object({ list: z.string(), value: z.string(), labels });
export const referenceLabelsOut = z.object({ lists: z.array(z.object({ name: z.string(), label: labels })), items: z.array(referenceLabelOut) });
export const referenceLabelsQuery = z.object({ list: z.string().max(50).optional() }).strict();
export const referenceLabelIn = z
  .object({
    list: z.string().min(1).max(50),
    value: z.string().trim().min(1).max(100),
    zhTW: z.string().max(100).nullable().optional(),
    en: z.string().max(100).nullable().optional(),
  })
  .strict();
