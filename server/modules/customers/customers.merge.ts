import type { Kysely } from 'kysely';
import type { DialectKind } from '../../db/database';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { mergeQueries } from './customers.merge.queries';
import type { CustomerService } from './customers.service';
import { customerValues } from './customers.service';

/**
 * Merging two customers found to be the same (issue 3 §7): contacts, attachments and history move to
 * the survivor; fields empty on the survivor are filled from the merged record; the merged record's
 * full snapshot is kept in customer_merges and the merge is audited on both.
 */
/** Moves a module's rows from the merged customer to the survivor, inside the merge's transaction. */
export type MergeHook = (trx: Kysely<Database>, mergedId: number, survivorId: number) => Promise<void>;

/**
 * How one module's records follow a merge: the columns pointing at customers it answers for, and the
 * mover (omitted where the merge itself moves them: the archive's own tables). The merged customer row
 * is deleted, so a column no module answers for would lose or detach its rows; a test reads the schema
 * and fails on such a column.
 */
export interface CustomerMergeBehaviour {
  /** `table.column` pointing at customers.id. */
  columns: string[];
  move?: MergeHook;
}

// The archive owns the `customerMerge` extension point: every module with records pointing at customers contributes.
declare module '../../platform/modules/manifest' {
  interface ExtensionPoints {
    customerMerge: CustomerMergeBehaviour;
  }
}

export function createMergeService(deps: { db: Kysely<Database>; kind: DialectKind; audit: AuditService; customers: CustomerService }) {
  const { db, kind, audit, customers } = deps;
  const hooks: MergeHook[] = [];

  return {
    /** Modules whose records point at customers (contracts, plans, prospects …) register here, so a merge keeps them. */
    onMerge(hook: MergeHook) {
      hooks.push(hook);
    },


    async merge(ctx: RequestContext, survivorId: number, mergedId: number, reason: string) {
      if (survivorId === mergedId) throw errors.field('mergedId', 'customer.merge_self');
      const merged = await mergeQueries.visibleRow(db, ctx.actor, mergedId);
      if (!merged) throw errors.notFound();
      const survivor = (await mergeQueries.row(db, survivorId))!;
      const survivorValues = customerValues(survivor);
      const mergedValues = customerValues(merged);
      const fill: Record<string, unknown> = {};
      for (const [f, v] of Object.entries(mergedValues)) {
        const current = survivorValues[f];
        if (f === 'tags') {
          const union = [...new Set([...(current as string[]), ...(v as string[])])];
          if (union.length !== (current as string[]).length) fill.tags = union;
        } else if ((current === null || current === '') && v !== null && v !== '') fill[f] = v;
      }
      await db.transaction().execute(async (trx) => {
        const moved = await mergeQueries.moveOwnRows(trx, mergedId, survivorId);
        for (const hook of hooks) await hook(trx, mergedId, survivorId);
        await mergeQueries.insertMerge(trx, {
          survivor_id: survivorId,
          merged_id: mergedId,
          merged_archive_no: merged.archive_no,
          merged_name: merged.name,
          snapshot: JSON.stringify({ ...mergedValues, archiveNo: merged.archive_no, ownerId: merged.owner_id, createdAt: merged.created_at }),
          reason,
          merged_by: ctx.actor.id,
          merged_at: new Date().toISOString(),
        });
        await mergeQueries.deleteCustomer(trx, kind, mergedId);
        // Bumps the version and fills the empty fields; the index must also learn the moved contacts.
        await customers.updateCustomer(trx, ctx, survivorId, null, fill);
        await customers.reindex(trx, survivorId);
        const summary = `${merged.archive_no} ${merged.name} → ${survivor.archive_no}: ${reason}`;
        await audit.record(trx, actorInfo(ctx), { action: 'merge', entityType: 'customer', entityId: survivorId, summary, changes: { mergedArchiveNo: [null, merged.archive_no], mergedName: [null, merged.name], reason: [null, reason], movedContacts: [null, moved.contacts], movedAttachments: [null, moved.attachments] } });
        // The merged record's own trail ends here; no field changes, so the survivor's history shows the merge once.
        await audit.record(trx, actorInfo(ctx), { action: 'merged_into', entityType: 'customer', entityId: mergedId, summary });
      });
      return customers.get(survivorId);
    },

    /** Ids whose history belongs to this customer: itself and every customer merged into it. */
    async historyIds(customerId: number): Promise<number[]> {
      return [customerId, ...(await mergeQueries.mergedIds(db, customerId))];
    },
  };
}
export type MergeService = ReturnType<typeof createMergeService>;
