import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import type { Role } from '../../platform/permissions/roles';
import { shanghaiDate } from '../../platform/time';
import { type ContractFilters, type ContractRow, type ContractSortField, contractQueries as q } from './contracts.queries';
import { type AuthorityResult, SIGNER_ROLES } from './contracts.rules';
import { type ContractDeps, authorityOf, checkCapacity, createContractCore, readSettings } from './contracts.core';
import { createContractApprovalHandler } from './contracts.approval';
import { createContractAttachments } from './contracts.attachments';
import { createContractLifecycle } from './contracts.lifecycle';

export type { ContractDeps, ContractInput, NewContractInput } from './contracts.core';

export function createContractService(deps: ContractDeps) {
  const core = createContractCore(deps);
  const { db, clock, settings, get } = core;

  return {
    approvalHandler: createContractApprovalHandler(core),
    get,

    /** For the public pool (docs/regulations.md §8): customers with an open contract, and when each one's latest contract ended. */
    async poolFacts(customerIds: number[], today: string) {
      const [open, ended] = await Promise.all([q.openCustomers(db, customerIds, today), q.lastEnded(db, customerIds, today)]);
      return { open: new Set(open), ended: new Map(ended.map((r) => [r.customer_id, String(r.ended)])) };
    },

    list(
      ctx: RequestContext,
      f: Omit<ContractFilters, 'expiring'> & { expiringWithinDays?: number },
      p: { page: number; pageSize: number; sort: { field: ContractSortField; direction: 'asc' | 'desc' } },
    ) {
      const { expiringWithinDays, ...rest } = f;
      let expiring: ContractFilters['expiring'];
      if (expiringWithinDays !== undefined) {
        const today = shanghaiDate(clock.now());
        const until = new Date(`${today}T00:00:00Z`);
        until.setUTCDate(until.getUTCDate() + expiringWithinDays);
        expiring = { today, until: until.toISOString().slice(0, 10) };
      }
      return q.list(db, ctx.actor, { ...rest, expiring }, p);
    },

    /** Whether the named signer may sign the contract alone, as the rules judge it today (shown before signing). */
    async authority(c: ContractRow): Promise<AuthorityResult> {
      const signer = await q.scopeActorOf(db, c.signer_id);
      return authorityOf(c, signer?.roles ?? [], await readSettings(settings, db));
    },

    /** The capacity check as it stands now, for the warning before signing (docs/regulations.md §13). */
    capacity(c: ContractRow) {
      return checkCapacity(db, c);
    },

    /** The people who may sign for a customer: active signer roles who handle it (docs/regulations.md §1 scope). */
    async signers(ctx: RequestContext, customerId: number) {
      if (!(await q.customerVisible(db, ctx.actor, customerId))) throw errors.notFound();
      const candidates = await q.usersWithRoles(db, SIGNER_ROLES);
      const out: { id: number; displayName: string; roles: Role[] }[] = [];
      for (const u of candidates) {
        const a = await q.scopeActorOf(db, u.id);
        if (a && (await q.customerVisible(db, a, customerId))) out.push({ id: u.id, displayName: u.display_name, roles: a.roles.filter((r) => (SIGNER_ROLES as readonly string[]).includes(r)) });
      }
      return out;
    },

    ...createContractLifecycle(core),

    attachments: createContractAttachments(core),
  };
}
export type ContractService = ReturnType<typeof createContractService>;
