import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import { attachmentQueries } from './attachments.queries';
import { createFileStore } from './attachments.store';

/** Another module's say over a download (e.g. the archive's confidentiality, docs/regulations.md §2): it throws to refuse. */
export interface AttachmentAccessGuard {
  beforeDownload(ctx: RequestContext, attachment: { id: number; customerId: number; filename: string; kind: string }): Promise<void>;
}

// The archive owns the `attachmentAccess` extension point: every download, from any route, passes its guards.
declare module '../../platform/modules/manifest' {
  interface ExtensionPoints {
    attachmentAccess: AttachmentAccessGuard;
  }
}

/** A customer's attachments (issue 3 §5): rows, audit and download guards; the files themselves are in the file store. */
export function createAttachmentService(deps: { db: Kysely<Database>; audit: AuditService; settings: SettingsService; clock: Clock; dataDir: string }) {
  const { db, audit } = deps;
  const files = createFileStore(deps);
  const guards: AttachmentAccessGuard[] = [];

  return {
    /** Registered from the manifest's `attachmentAccess` contributions. */
    guardDownloads(guard: AttachmentAccessGuard) {
      guards.push(guard);
    },

    async list(customerId: number) {
      return attachmentQueries.list(db, customerId);
    },

    async upload(ctx: RequestContext, customerId: number, input: { filename: string; kind: string; description?: string; body: Buffer }) {
      return files.keep(input, (file) =>
        db.transaction().execute(async (trx) => {
          const row = await attachmentQueries.insert(trx, { ...file, customer_id: customerId, kind: input.kind, description: input.description ?? null, uploaded_by: ctx.actor.id });
          await audit.record(trx, actorInfo(ctx), { action: 'attachment.create', entityType: 'customer', entityId: customerId, summary: file.filename, changes: { 'attachment.filename': [null, file.filename] } });
          return row;
        }),
      );
    },

    /** The file for a permitted download; every download is audit-logged. */
    async open(ctx: RequestContext, customerId: number, attachmentId: number) {
      const row = await attachmentQueries.row(db, customerId, attachmentId);
      if (!row) throw errors.notFound();
      for (const g of guards) await g.beforeDownload(ctx, { id: row.id, customerId, filename: row.filename, kind: row.kind });
      await audit.record(db, actorInfo(ctx), { action: 'attachment.download', entityType: 'customer', entityId: customerId, summary: row.filename });
      return { row, stream: files.read(row.stored_name) };
    },

    async remove(ctx: RequestContext, customerId: number, attachmentId: number) {
      const row = await attachmentQueries.row(db, customerId, attachmentId);
      if (!row) throw errors.notFound();
      await db.transaction().execute(async (trx) => {
        await attachmentQueries.delete(trx, attachmentId);
        await audit.record(trx, actorInfo(ctx), { action: 'attachment.delete', entityType: 'customer', entityId: customerId, summary: row.filename, changes: { 'attachment.filename': [row.filename, null] } });
      });
      files.remove(row.stored_name);
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
