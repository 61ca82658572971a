import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import { createFileStore } from '../customers/attachments.store';
import { proposalQueries as q } from './proposals.queries';

/**
 * The files of a 客户提案表 (docs/regulations.md §14): the same storage, type check and size limit as the
 * archive's attachments, but a staff proposal has no customer to file them under, so they are the proposal's own.
 */
export function createProposalAttachments(deps: { db: Kysely<Database>; audit: AuditService; settings: SettingsService; clock: Clock; dataDir: string }) {
  const { db, audit } = deps;
  const files = createFileStore(deps);

  async function proposal(id: number) {
    const r = await q.get(db, id);
    if (!r) throw errors.notFound();
    return r;
  }

  return {
    list: (proposalId: number) => q.attachments(db, proposalId),

    async upload(ctx: RequestContext, proposalId: number, input: { filename: string; body: Buffer }) {
      await proposal(proposalId);
      return files.keep(input, (file) =>
        db.transaction().execute(async (trx) => {
          const row = await q.insertAttachment(trx, { ...file, proposal_id: proposalId, uploaded_by: ctx.actor.id });
          await audit.record(trx, actorInfo(ctx), { action: 'attachment.create', entityType: 'proposal', entityId: proposalId, summary: file.filename, changes: { 'attachment.filename': [null, file.filename] } });
          return row;
        }),
      );
    },

    /** Every download is audit-logged. */
    async open(ctx: RequestContext, proposalId: number, attachmentId: number) {
      const row = await q.attachment(db, proposalId, attachmentId);
      if (!row) throw errors.notFound();
      await audit.record(db, actorInfo(ctx), { action: 'attachment.download', entityType: 'proposal', entityId: proposalId, summary: row.filename });
      return { row, stream: files.read(row.stored_name) };
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
      files.remove(row.stored_name);
    },
  };
}
export type ProposalAttachments = ReturnType<typeof createProposalAttachments>;
