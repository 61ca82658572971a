import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import { attachmentQueries } from './attachments.queries';
import { detectFileType, safeFilename } from './attachments.rules';

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

/**
 * Files live under DATA_DIR/attachments with generated names (issue 3 §5); with several app
 * instances DATA_DIR must be shared storage (docs/operations.md). Writes go to a temporary file,
 * are flushed, then renamed, so a half-written file is never listed.
 */
export function createAttachmentService(deps: { db: Kysely<Database>; audit: AuditService; settings: SettingsService; clock: Clock; dataDir: string }) {
  const { db, audit, settings, clock, dataDir } = deps;
  const root = path.join(dataDir, 'attachments');
  const pathOf = (storedName: string) => path.join(root, storedName.slice(0, 4), storedName);
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
      const maxBytes = (await settings.number('archive.attachmentMaxMb')) * 1024 * 1024;
      if (input.body.length === 0) throw errors.field('file', 'attachment.empty');
      if (input.body.length > maxBytes) throw new AppError('validation', 'attachment.too_large', [{ field: 'file', message: 'attachment.too_large', params: { mb: maxBytes / 1048576 } }], { mb: maxBytes / 1048576 }, 413);
      const detected = detectFileType(input.body);
      if (!detected) throw new AppError('validation', 'attachment.type_refused', [{ field: 'file', message: 'attachment.type_refused' }], {}, 415);
      const now = clock.now();
      const storedName = `${now.toISOString().slice(0, 4)}-${crypto.randomUUID()}.${detected.extension}`;
      const target = pathOf(storedName);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.part`;
      const fd = fs.openSync(tmp, 'wx', 0o600);
      try {
        fs.writeSync(fd, input.body);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
      const filename = safeFilename(input.filename, detected);
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await attachmentQueries.insert(trx, {
            customer_id: customerId,
            kind: input.kind,
            filename,
            stored_name: storedName,
            mime: detected.mime,
            size: input.body.length,
            sha256: crypto.createHash('sha256').update(input.body).digest('hex'),
            description: input.description ?? null,
            uploaded_by: ctx.actor.id,
            created_at: now.toISOString(),
          });
          await audit.record(trx, actorInfo(ctx), { action: 'attachment.create', entityType: 'customer', entityId: customerId, summary: filename, changes: { 'attachment.filename': [null, filename] } });
          return row;
        });
      } catch (err) {
        fs.rmSync(target, { force: true }); // no orphan file when the row was not written
        throw err;
      }
    },

    /** The file for a permitted download; every download is audit-logged. */
    async open(ctx: RequestContext, customerId: number, attachmentId: number) {
      const row = await attachmentQueries.row(db, customerId, attachmentId);
      if (!row) throw errors.notFound();
      for (const g of guards) await g.beforeDownload(ctx, { id: row.id, customerId, filename: row.filename, kind: row.kind });
      await audit.record(db, actorInfo(ctx), { action: 'attachment.download', entityType: 'customer', entityId: customerId, summary: row.filename });
      return { row, stream: fs.createReadStream(pathOf(row.stored_name)) };
    },

    async remove(ctx: RequestContext, customerId: number, attachmentId: number) {
      const row = await attachmentQueries.row(db, customerId, attachmentId);
      if (!row) throw errors.notFound();
      await db.transaction().execute(async (trx) => {
        await attachmentQueries.delete(trx, attachmentId);
        await audit.record(trx, actorInfo(ctx), { action: 'attachment.delete', entityType: 'customer', entityId: customerId, summary: row.filename, changes: { 'attachment.filename': [row.filename, null] } });
      });
      fs.rmSync(pathOf(row.stored_name), { force: true });
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
