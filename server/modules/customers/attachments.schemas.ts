import { z } from 'zod';
import { ATTACHMENT_KINDS } from './attachments.rules';

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

/** `POST /api/customers/:id/attachments`: the file is the raw body, these go in the query. */
export const attachmentUploadQuery = z
  .object({ filename: z.string().trim().min(1).max(200), kind: z.enum(ATTACHMENT_KINDS), description: z.string().trim().max(200).optional() })
  .strict();
