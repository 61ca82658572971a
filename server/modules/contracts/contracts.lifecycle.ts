import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { shanghaiDate } from '../../platform/time';
import { contractQueries as q } from './contracts.queries';
import { type ContractStatus, canEdit, canSign, canTerminate, formatContractNo, toCents, validateContractFields } from './contracts.rules';
import { type ContractCore, type ContractInput, type NewContractInput, COLUMNS, apiValue, authorityOf, readSettings } from './contracts.core';

/** Drafting, editing, signing, terminating and expiring contracts. */
export function createContractLifecycle(core: ContractCore) {
  const { db, audit, clock, approvals, reminders, settings, get, wrongStatus, assertReferences, uniqueClash, reminderKeys, takeEffect } = core;
  return {
    async create(ctx: RequestContext, raw: NewContractInput) {
      // A blank number means "number it for me".
      const input = { ...raw, contractNo: raw.contractNo?.trim() || null };
      const problems = validateContractFields(input);
      if (problems.length) throw errors.validation(problems);
      await assertReferences(ctx, input);
      const customer = (await q.customer(db, input.customerId))!;
      const now = clock.now();
      const t0 = now.toISOString();
      try {
        const id = await db.transaction().execute(async (trx) => {
          let contractNo = input.contractNo ?? null;
          if (!contractNo) {
            // Skip numbers someone typed by hand in the HT pattern.
            const year = Number(shanghaiDate(now).slice(0, 4));
            do contractNo = formatContractNo(year, await q.nextContractNo(trx, year));
            while (await q.contractNoTaken(trx, contractNo));
          }
          const id = await q.insert(trx, {
            contract_no: contractNo,
            title: input.title,
            customer_id: input.customerId,
            amount_cents: toCents(input.amount)!,
            currency: input.currency ?? 'CNY',
            signing_date: input.signingDate ?? null,
            start_date: input.startDate,
            end_date: input.endDate,
            terms: input.terms ?? null,
            signer_id: input.signerId,
            status: 'draft',
            owner_id: customer.owner_id,
            team_id: customer.team_id,
            department_id: customer.department_id,
            created_by: ctx.actor.id,
            created_at: t0,
            updated_at: t0,
          });
          const changes: Record<string, [unknown, unknown]> = { contractNo: [null, contractNo] };
          for (const [k, v] of Object.entries(input)) if (v !== undefined && k !== 'contractNo') changes[k] = [null, v];
          await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'contract', entityId: id, summary: contractNo, changes });
          return id;
        });
        return get(id);
      } catch (err) {
        if (uniqueClash(err)) throw errors.conflict('contract.no_taken', 'contractNo');
        throw err;
      }
    },

    /** A draft is edited freely (issue 4 §7); once signed the terms are fixed. */
    async update(ctx: RequestContext, id: number, input: ContractInput & { version: number }) {
      const { version, ...fields } = input;
      const before = await get(id);
      if (!canEdit(before.status as ContractStatus)) throw wrongStatus(ctx, before.status);
      // A contract keeps its number once it has one; only another number replaces it.
      if (fields.contractNo !== undefined && !fields.contractNo?.trim()) throw errors.field('contractNo', 'validation.required');
      const merged = {
        contractNo: fields.contractNo,
        amount: fields.amount,
        signingDate: fields.signingDate,
        startDate: fields.startDate ?? before.start_date,
        endDate: fields.endDate ?? before.end_date,
      };
      const problems = validateContractFields(merged);
      if (problems.length) throw errors.validation(problems);
      const customerId = fields.customerId ?? before.customer_id;
      if (fields.customerId !== undefined || fields.signerId !== undefined || fields.contractNo !== undefined) {
        await assertReferences(ctx, { customerId, signerId: fields.signerId ?? before.signer_id, contractNo: fields.contractNo }, id);
      }
      const patch: Record<string, unknown> = {};
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [k, v] of Object.entries(fields) as [keyof ContractInput, unknown][]) {
        if (v === undefined) continue;
        const value = k === 'amount' ? toCents(v as number) : v;
        if ((before as Record<string, unknown>)[COLUMNS[k]] === value) continue;
        patch[COLUMNS[k]] = value;
        changes[k] = [apiValue(k, before as Record<string, unknown>), v];
      }
      if (fields.customerId !== undefined && fields.customerId !== before.customer_id) {
        // The contract follows its customer's data scope (docs/regulations.md §1).
        const customer = (await q.customer(db, customerId))!;
        Object.assign(patch, { owner_id: customer.owner_id, team_id: customer.team_id, department_id: customer.department_id });
      }
      try {
        await db.transaction().execute(async (trx) => {
          await updateVersioned(trx, 'contracts', id, version, patch, clock.now().toISOString());
          if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'contract', entityId: id, summary: before.contract_no, changes });
        });
      } catch (err) {
        if (uniqueClash(err)) throw errors.conflict('contract.no_taken', 'contractNo');
        throw err;
      }
      return get(id);
    },

    /**
     * 签订 by the named signer (docs/regulations.md §13): within their limit and term the contract takes effect at
     * once, without any approval request; otherwise it goes to the director's approval.
     */
    async sign(ctx: RequestContext, id: number, version: number) {
      const c = await get(id);
      if (!canSign(c.status as ContractStatus)) throw wrongStatus(ctx, c.status);
      if (c.signer_id !== ctx.actor.id) throw errors.forbidden('contract.not_signer');
      const a = authorityOf(c, ctx.actor.roles, await readSettings(settings, db));
      const now = clock.now();
      const status: ContractStatus = a.within ? 'effective' : 'pending';
      await db.transaction().execute(async (trx) => {
        await updateVersioned(
          trx,
          'contracts',
          id,
          version,
          // Within authority takeEffect() sets 生效 below; else 审批中 before the engine loads the document.
          { ...(a.within ? {} : { status: 'pending' }), exceeds_limit: a.exceedsLimit ? 1 : 0, exceeds_term: a.exceedsTerm ? 1 : 0, signed_at: now.toISOString(), signing_date: c.signing_date ?? shanghaiDate(now) },
          now.toISOString(),
        );
        await audit.record(trx, actorInfo(ctx), {
          action: 'sign',
          entityType: 'contract',
          entityId: id,
          summary: c.contract_no,
          changes: { status: [c.status, status], exceedsLimit: [null, a.exceedsLimit], exceedsTerm: [null, a.exceedsTerm] },
        });
        if (a.within) await takeEffect(trx, id, ctx, 'sign');
        else await approvals.submit(trx, ctx, 'contract', id);
      });
      return get(id);
    },

    async terminate(ctx: RequestContext, id: number, input: { reason: string; version: number }) {
      const c = await get(id);
      if (!canTerminate(c.status as ContractStatus)) throw wrongStatus(ctx, c.status);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'contracts', id, input.version, { status: 'terminated', termination_reason: input.reason, terminated_at: now, terminated_by: ctx.actor.id }, now);
        for (const key of reminderKeys(id)) await reminders.cancel(trx, key);
        await audit.record(trx, actorInfo(ctx), { action: 'terminate', entityType: 'contract', entityId: id, summary: input.reason, changes: { status: [c.status, 'terminated'], terminationReason: [null, input.reason] } });
      });
      return get(id);
    },

    /** The daily run: effective contracts past their end date become 到期 (system actor in the audit log). */
    async expireDue(): Promise<number> {
      const now = clock.now();
      const due = await q.pastEnd(db, shanghaiDate(now));
      for (const c of due) {
        await db.transaction().execute(async (trx) => {
          if (!(await q.markExpired(trx, c.id, now.toISOString()))) return; // terminated meanwhile
          for (const key of reminderKeys(c.id)) await reminders.cancel(trx, key);
          await audit.record(trx, actorInfo(null), { action: 'expire', entityType: 'contract', entityId: c.id, summary: c.contract_no, changes: { status: ['effective', 'expired'] } });
        });
      }
      return due.length;
    },
  };
}
