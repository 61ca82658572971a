import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, type Changes, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import { RESOURCES } from '../../platform/permissions/scope';
import type { Clock } from '../../platform/time';
import { MOBILE_RE, digitsOf, maskPhone } from '../customers/customers.rules';
import type { CustomerService } from '../customers/customers.service';
import { developmentQueries as q } from './development.queries';

export interface RecordFields {
  customerName?: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  products?: string | null;
  firstDealAmount?: number | null;
  howWon?: string | null;
  notes?: string | null;
}

const COLUMNS: Record<keyof RecordFields, string> = {
  customerName: 'customer_name',
  address: 'address',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  products: 'products',
  firstDealAmount: 'first_deal_amount',
  howWon: 'how_won',
  notes: 'notes',
};

const auditValue = (field: string, v: unknown) => (field === 'contactPhone' && typeof v === 'string' ? maskPhone(v) : (v ?? null));

function columns(input: RecordFields) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[COLUMNS[k as keyof RecordFields]] = v;
  return out;
}

/**
 * 客户开发记录表 (docs/regulations.md §6, 003 第二章第二节): written when a prospect is won. Creating it enters the
 * customer into the archive through the archive's own path — the duplicate check first (409 with the
 * suspects unless confirmed), then the archive's insert with its number, search keys and audit entry —
 * or links the prospect to an existing customer the user can see.
 */
export function createRecordService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; customers: CustomerService }) {
  const { db, audit, clock, customers } = deps;

  async function get(id: number) {
    const row = await q.record(db, id);
    if (!row) throw errors.notFound();
    return row;
  }

  return {
    get,
    list: (ctx: RequestContext, f: { q?: string; ownerId?: number }, p: { page: number; pageSize: number }) => q.listRecords(db, ctx.actor, f, p),

    async create(ctx: RequestContext, prospectId: number, input: RecordFields & { customerName: string; creditCode?: string | null; linkCustomerId?: number; confirmDuplicate?: boolean }) {
      const { creditCode, linkCustomerId, confirmDuplicate, ...fields } = input;
      const prospect = await q.prospectRow(db, prospectId);
      if (!prospect) throw errors.notFound();
      if (prospect.stage !== 'contract') throw errors.field('stage', 'development.record_needs_contract');
      if (await q.recordIdOfProspect(db, prospectId)) throw errors.conflict('development.record_exists');

      if (linkCustomerId !== undefined) {
        // Only a customer the user can see may be linked (ids of others cannot be probed: 404).
        if (!(await q.visible(db, ctx.actor, RESOURCES.customer, linkCustomerId))) throw errors.notFound();
      } else {
        if (!hasCapability(ctx.actor, 'customers.create')) throw errors.forbidden();
        if (!confirmDuplicate) {
          const duplicates = await customers.findDuplicatesFor(ctx.actor, { name: fields.customerName, creditCode, phone: fields.contactPhone });
          if (duplicates.length) throw new AppError('conflict', 'customer.duplicate', [], {}, 409, { code: 'duplicate', duplicates });
        }
      }
      // The customer and the record belong to whoever developed the prospect.
      const placement = await customers.ownerPlacement(prospect.owner_id);
      const t = clock.now().toISOString();

      const { recordId, customerId, created } = await db.transaction().execute(async (trx) => {
        let customerId = linkCustomerId;
        if (customerId === undefined) {
          [customerId] = await customers.insertCustomers(
            trx,
            ctx,
            [
              {
                name: fields.customerName,
                creditCode: creditCode ?? null,
                address: fields.address ?? null,
                phone: fields.contactPhone ?? null,
                mainProducts: fields.products ?? null,
                sourceChannel: prospect.channel,
                // A signed contract makes it a formal customer (客户档案 status 正式).
                status: 'formal',
              },
            ],
            placement,
          );
        }
        const recordId = await q.insertRecord(trx, {
          ...(columns(fields) as { customer_name: string }),
          prospect_id: prospectId,
          customer_id: customerId,
          ...placement,
          created_by: ctx.actor.id,
          created_at: t,
          updated_at: t,
        });
        await q.linkProspectCustomer(trx, prospectId, customerId!, t);
        const changes: Changes = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [null, auditValue(k, v)]]));
        changes.customerId = [null, customerId!];
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'development_record', entityId: recordId, summary: fields.customerName, changes });
        await audit.record(trx, actorInfo(ctx), { action: linkCustomerId !== undefined ? 'link_customer' : 'create_customer', entityType: 'prospect', entityId: prospectId, changes: { customerId: [prospect.customer_id, customerId!] } });
        return { recordId, customerId: customerId!, created: linkCustomerId === undefined };
      });

      // The contact person becomes the new customer's first contact through the archive's own path
      // (its own transaction: it re-indexes the customer's search document and writes the archive history).
      if (created && fields.contactName) {
        const mobile = fields.contactPhone && MOBILE_RE.test(digitsOf(fields.contactPhone)) ? fields.contactPhone : null;
        await customers.addContact(ctx, customerId, { name: fields.contactName, mobile, phone: mobile ? null : (fields.contactPhone ?? null), isKey: true });
      }
      return get(recordId);
    },

    async update(ctx: RequestContext, id: number, input: RecordFields & { version: number }) {
      const { version, ...fields } = input;
      const before = (await q.record(db, id))!;
      const changes: Changes = {};
      for (const [k, v] of Object.entries(fields)) {
        const old = (before as unknown as Record<string, unknown>)[COLUMNS[k as keyof RecordFields]] ?? null;
        if (v !== undefined && old !== v) changes[k] = [auditValue(k, old), auditValue(k, v)];
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'development_records', id, version, columns(fields), clock.now().toISOString());
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'development_record', entityId: id, changes });
      });
      return get(id);
    },

    /** 批示: the supervisor's or manager's instruction on the record. */
    async instruct(ctx: RequestContext, id: number, input: { instruction: string; version: number }) {
      const before = (await q.record(db, id))!;
      const t = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'development_records', id, input.version, { instruction: input.instruction, instruction_by: ctx.actor.id, instruction_at: t }, t);
        await audit.record(trx, actorInfo(ctx), { action: 'instruct', entityType: 'development_record', entityId: id, changes: { instruction: [before.instruction, input.instruction] } });
      });
      return get(id);
    },
  };
}
export type RecordService = ReturnType<typeof createRecordService>;

/**
 * For the customer merge (customers.merge.ts), inside its transaction before it deletes the merged record:
 * the prospects and development records linked to the merged customer then point at the survivor
 * (otherwise the foreign keys' ON DELETE SET NULL empties the links).
 */
export async function moveDevelopmentCustomer(trx: Kysely<Database>, mergedId: number, survivorId: number) {
  await q.repointCustomer(trx, mergedId, survivorId);
}
