import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { t } from '../../platform/http/i18n';
import { isValidDate, shanghaiDate } from '../../platform/time';
import { contractQueries as q } from './contracts.queries';
import { type BusinessType, type ContractStatus, needsContract, canEdit, canSign, canTerminate, formatContractNo, toCents, validateContractFields } from './contracts.rules';
import { type ContractCore, type ContractInput, type NewContractInput, COLUMNS, apiValue, authorityOf, checkCapacity, readSettings } from './contracts.core';

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
            business_type: input.businessType ?? null,
            resource: input.resource?.trim() || null,
            quantity: input.quantity ?? null,
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
        resource: fields.resource !== undefined ? fields.resource : before.resource,
        quantity: fields.quantity !== undefined ? fields.quantity : before.quantity,
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
      // Over capacity on any booked day: the manager decides through the approval engine (docs/regulations.md §13).
      const cap = await checkCapacity(db, c);
      const overCapacity = !!cap?.overCapacity;
      const within = a.within && !overCapacity;
      const now = clock.now();
      const status: ContractStatus = within ? 'effective' : 'pending';
      await db.transaction().execute(async (trx) => {
        await updateVersioned(
          trx,
          'contracts',
          id,
          version,
          // Within authority takeEffect() sets 生效 below; else 审批中 before the engine loads the document.
          { ...(within ? {} : { status: 'pending' }), exceeds_limit: a.exceedsLimit ? 1 : 0, exceeds_term: a.exceedsTerm ? 1 : 0, over_capacity: cap ? (overCapacity ? 1 : 0) : null, signed_at: now.toISOString(), signing_date: c.signing_date ?? shanghaiDate(now) },
          now.toISOString(),
        );
        await audit.record(trx, actorInfo(ctx), {
          action: 'sign',
          entityType: 'contract',
          entityId: id,
          summary: c.contract_no,
          changes: { status: [c.status, status], exceedsLimit: [null, a.exceedsLimit], exceedsTerm: [null, a.exceedsTerm], ...(cap ? { overCapacity: [null, overCapacity] } : {}) },
        });
        if (within) await takeEffect(trx, id, ctx, 'sign');
        else await approvals.submit(trx, ctx, 'contract', id);
      });
      return get(id);
    },

    /** Where the signed original is kept (docs/regulations.md §13 "original filed"); recorded in any state. */
    async setFilingLocation(ctx: RequestContext, id: number, input: { filingLocation: string | null; version: number }) {
      const c = await get(id);
      const value = input.filingLocation?.trim() || null;
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'contracts', id, input.version, { filing_location: value }, clock.now().toISOString());
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'contract', entityId: id, summary: c.contract_no, changes: { filingLocation: [c.filing_location, value] } });
      });
      return get(id);
    },

    /**
     * A group stay or an order as recorded (docs/regulations.md §13, 001 篇1 九 (1)): from the size line of its business
     * type on it must name an effective contract of the same customer, or it is refused (422 on contractId).
     */
    async recordBooking(ctx: RequestContext, input: { customerId: number; businessType: BusinessType; quantity: number; day: string; resource?: string | null; contractId?: number | null; note?: string | null }) {
      if (!isValidDate(input.day)) throw errors.field('day', 'validation.date');
      if (!(await q.customerVisible(db, ctx.actor, input.customerId))) throw errors.field('customerId', 'contract.customer_not_found');
      const s = await readSettings(settings, db);
      const line = s.sizeLines[input.businessType];
      if (input.contractId == null) {
        if (needsContract(input.quantity, line)) throw errors.field('contractId', 'contract.booking_needs_contract', { line, unit: t(ctx.lang, `contract.unit.${input.businessType}`) });
      } else {
        const c = await q.get(db, input.contractId);
        if (!c || c.customer_id !== input.customerId || c.status !== 'effective') throw errors.field('contractId', 'contract.booking_contract_invalid');
      }
      const customer = (await q.customer(db, input.customerId))!;
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const id = await q.insertBooking(trx, {
          customer_id: input.customerId,
          business_type: input.businessType,
          quantity: input.quantity,
          day: input.day,
          resource: input.resource?.trim() || null,
          contract_id: input.contractId ?? null,
          note: input.note?.trim() || null,
          owner_id: customer.owner_id,
          team_id: customer.team_id,
          department_id: customer.department_id,
          created_by: ctx.actor.id,
          created_at: now,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'booking.create', entityType: 'customer', entityId: input.customerId, summary: `${input.businessType} ${input.quantity}`, changes: { quantity: [null, input.quantity], day: [null, input.day], contractId: [null, input.contractId ?? null] } });
        return id;
      });
    },

    bookings(ctx: RequestContext, customerId: number) {
      return q.bookings(db, ctx.actor, customerId);
    },

    capacities(resource?: string) {
      return q.capacities(db, resource);
    },

    async setCapacity(ctx: RequestContext, v: { resource: string; day: string | null; capacity: number | null }) {
      if (v.day !== null && !isValidDate(v.day)) throw errors.field('day', 'validation.date');
      const resource = v.resource.trim();
      await db.transaction().execute(async (trx) => {
        await q.setCapacity(trx, { ...v, resource }, clock.now().toISOString());
        await audit.record(trx, actorInfo(ctx), { action: 'capacity.set', entityType: 'contract_capacity', entityId: null, summary: `${resource} ${v.day ?? '*'}`, changes: { capacity: [null, v.capacity] } });
      });
      return q.capacities(db, resource);
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
