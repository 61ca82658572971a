import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CustomerAttachmentTable } from './customers.tables';
import { attachmentOut } from './attachments.schemas';

type CustomerAttachment = Selectable<CustomerAttachmentTable>;

/**
 * The HTTP side of customer attachments, shared by the customer routes and the contract routes
 * (a contract's copies are customer attachments of kind 合同 linked to the contract).
 */
export { attachmentOut };

export const attachmentParams = z.object({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() });

export function presentAttachment(a: CustomerAttachment & { uploaded_by_name?: string | null }): z.infer<typeof attachmentOut> {
  return {
    id: a.id,
    kind: a.kind,
    filename: a.filename,
    mime: a.mime,
    size: a.size,
    description: a.description,
    uploadedByName: a.uploaded_by_name ?? null,
    createdAt: a.created_at,
  };
}

/** A download: the stored type and size, the original name only in the RFC 5987 form, never cached. */
export function sendAttachment(reply: FastifyReply, file: { row: Pick<CustomerAttachment, 'mime' | 'size' | 'filename'>; stream: Readable }) {
  return reply
    .header('content-type', file.row.mime)
    .header('content-length', file.row.size)
    .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.row.filename)}`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}

/** Within this scope the request body is the file itself (the web app sends the File as is); its type is judged by content. */
export function acceptFileBody(scope: FastifyInstance) {
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 200 * 1024 * 1024 }, (_req, body, done) => done(null, body));
}
