import { z } from 'zod';

/** A filed attachment (customers and contracts) as the lists and the upload answer send it. */
export const attachmentOut = z.object({
  id: z.number(),
  kind: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  description: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
