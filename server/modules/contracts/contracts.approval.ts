import { actorInfo } from '../../platform/audit/audit.service';
import type { ApprovalDocument, ApprovalOutcome, DocumentTypeHandler } from '../approvals/approvals.types';
import { contractQueries as q } from './contracts.queries';
import { type ContractStatus, fromCents } from './contracts.rules';
import { type ContractCore, authorityOf, checkCapacity, readSettings } from './contracts.core';

/** The approval engine's view of a contract (issue 4 §1): the signer applies; the director's step depends on the flags. */
export function createContractApprovalHandler(core: ContractCore): DocumentTypeHandler {
  const { audit, clock, settings, get, takeEffect } = core;
  return {
    type: 'contract',
    label: { 'zh-CN': '合同', 'zh-TW': '合約', en: 'Contract' },
    async load(trx, id): Promise<ApprovalDocument | undefined> {
      const c = await q.get(trx, id);
      if (!c) return undefined;
      const signer = await q.placement(trx, c.signer_id);
      // Evaluated afresh on every (re)submission: a returned contract may have been made smaller or shorter.
      const a = authorityOf(c, signer?.roles ?? [], await readSettings(settings, trx));
      const cap = await checkCapacity(trx, c);
      return {
        applicantId: c.signer_id,
        departmentId: signer?.department_id ?? null,
        teamId: signer?.team_id ?? null,
        title: `${c.contract_no} ${c.title}`,
        fields: { amount: fromCents(a.amountCnyCents), currency: c.currency, exceedsLimit: a.exceedsLimit, exceedsTerm: a.exceedsTerm, overCapacity: !!cap?.overCapacity },
        link: `/contracts/${id}`,
      };
    },
    /** Whoever sees the contract (its customer's owner, team, finance …) reads its approval history too. */
    async canView(trx, actor, id) {
      return q.visible(trx, actor, id);
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const c = await get(id, trx);
      const now = clock.now().toISOString();
      if (outcome === 'approved') {
        await takeEffect(trx, id, ctx, 'approval');
        return;
      }
      const next: ContractStatus = outcome === 'pending' ? 'pending' : 'draft';
      if (c.status === next) return;
      await q.setStatus(trx, id, outcome === 'pending' ? { status: next, signed_at: now } : { status: next }, now);
      await audit.record(trx, actorInfo(ctx), { action: `approval.${outcome}`, entityType: 'contract', entityId: id, summary: c.contract_no, changes: { status: [c.status, next] } });
    },
  };
}
