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
import { detectFileType, safeFilename } from '../customers/attachments.rules';
import { proposalQueries as q } from './proposals.queries';

/**
 * The files of a 客户提案表 (docs/regulations.md §14): the same storage, type check and size limit as the
 * archive's attachments, but a staff proposal has no customer to file them under, so they are the proposal's own.
 */
export function createProposalAttachments(deps: { db: Kysely<Database>; audit: AuditService; settings: SettingsService; clock: Clock; dataDir: string }) {
  const { db, audit, settings, clock, dataDir } = deps;
  const root = path.join(dataDir, 'attachments');
  const pathOf = (storedName: string) => path.join(root, storedName.slice(0, 4), storedName);

  async function proposal(id: number) {
    const r = await q.get(db, id);
    if (!r) throw errors.notFound();
    return r;
  }

  return {
    list: (proposalId: number) => q.attachments(db, proposalId),

    async upload(ctx: RequestContext, proposalId: number, input: { filename: string; body: Buffer }) {
      await proposal(proposalId);
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
          const row = await q.insertAttachment(trx, {
            proposal_id: proposalId,
            filename,
            stored_name: storedName,
            mime: detected.mime,
            size: input.body.length,
            sha256: crypto.createHash('sha256').update(input.body).digest('hex'),
            uploaded_by: ctx.actor.id,
            created_at: now.toISOString(),
          });
          await audit.record(trx, actorInfo(ctx), { action: 'attachment.create', entityType: 'proposal', entityId: proposalId, summary: filename, changes: { 'attachment.filename': [null, filename] } });
          return row;
        });
      } catch (err) {
        fs.rmSync(target, { force: true }); // no orphan file when the row was not written
        throw err;
      }
    },

    /** Every download is audit-logged. */
    async open(ctx: RequestContext, proposalId: number, attachmentId: number) {
      const row = await q.attachment(db, proposalId, attachmentId);
      if (!row) throw errors.notFound();
      await audit.record(db, actorInfo(ctx), { action: 'attachment.download', entityType: 'proposal', entityId: proposalId, summary: row.filename });
      return { row, stream: fs.createReadStream(pathOf(row.stored_name)) };
    },

    /** Only a draft's files can be removed: what the reviewers assessed stays on file. */
    async remove(ctx: RequestContext, proposalId: number, attachmentId: number) {
      const p = await proposal(proposalId);
      const row = await q.attachment(db, proposalId, attachmentId);
      if (!row) throw errors.notFound();
      if (p.status !== 'draft') throw errors.conflict('proposal.wrong_status', 'status');
      await db.transaction().execute(async (trx) => {
        await q.deleteAttachment(trx, attachmentId);
        await audit.record(trx, actorInfo(ctx), { action: 'attachment.delete', entityType: 'proposal', entityId: proposalId, summary: row.filename, changes: { 'attachment.filename': [row.filename, null] } });
      });
      fs.rmSync(pathOf(row.stored_name), { force: true });
    },
  };
}
export type ProposalAttachments = ReturnType<typeof createProposalAttachments>;
