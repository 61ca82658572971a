import { actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { contractQueries as q } from './contracts.queries';
import { type ContractStatus, canEdit } from './contracts.rules';
import type { ContractCore } from './contracts.core';

/** A contract's files, kept in its customer's archive as 合同 attachments. */
export function createContractAttachments(core: ContractCore) {
  const { db, audit, attachments, get, wrongStatus } = core;
  return {
      list: (id: number) => q.attachments(db, id),

      /** Filed in the customer's archive as a 合同 attachment (same type and size checks) and linked here. */
      async upload(ctx: RequestContext, id: number, input: { filename: string; description?: string; body: Buffer }) {
        const c = await get(id);
        const row = await attachments.upload(ctx, c.customer_id, { ...input, kind: 'contract' });
        await db.transaction().execute(async (trx) => {
          await q.linkAttachment(trx, id, row.id);
          await audit.record(trx, actorInfo(ctx), { action: 'attachment.create', entityType: 'contract', entityId: id, summary: row.filename, changes: { 'attachment.filename': [null, row.filename] } });
        });
        return row;
      },

      async open(ctx: RequestContext, id: number, attachmentId: number) {
        const row = (await q.attachments(db, id)).find((a) => a.id === attachmentId);
        if (!row) throw errors.notFound();
        return attachments.open(ctx, row.customer_id, attachmentId);
      },

      /** Only a draft's files can be removed: a signed contract's copies stay on file. */
      async remove(ctx: RequestContext, id: number, attachmentId: number) {
        const c = await get(id);
        const row = (await q.attachments(db, id)).find((a) => a.id === attachmentId);
        if (!row) throw errors.notFound();
        if (!canEdit(c.status as ContractStatus)) throw wrongStatus(ctx, c.status);
        await attachments.remove(ctx, row.customer_id, attachmentId);
        await audit.record(db, actorInfo(ctx), { action: 'attachment.delete', entityType: 'contract', entityId: id, summary: row.filename, changes: { 'attachment.filename': [row.filename, null] } });
      },
    };
}
