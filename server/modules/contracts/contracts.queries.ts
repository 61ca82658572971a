import { sql, type Insertable, type Kysely } from 'kysely';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import { type Actor, loadActor } from '../../platform/permissions/actor';
import { isRole, type Role } from '../../platform/permissions/roles';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { ContractStatus } from './contracts.rules';
import { paged } from '../../db/paging';
import { customerLookups } from '../customers/customers.queries';
import { people } from '../org/org.queries';

type Q = Kysely<Database>;

export interface ContractFilters {
  customerId?: number;
  status?: ContractStatus;
  signerId?: number;
  /** Effective contracts ending between `today` and `until` (inclusive). */
  expiring?: { today: string; until: string };
  q?: string;
}

export const CONTRACT_SORT = {
  contractNo: 'contracts.contract_no',
  signingDate: 'contracts.signing_date',
  startDate: 'contracts.start_date',
  endDate: 'contracts.end_date',
  amount: 'contracts.amount_cents',
  createdAt: 'contracts.created_at',
} as const;
export type ContractSortField = keyof typeof CONTRACT_SORT;

function base(db: Q) {
  return db
    .selectFrom('contracts')
    .innerJoin('customer_directory as customers', 'customers.id', 'contracts.customer_id')
    .leftJoin('user_directory as signer', 'signer.id', 'contracts.signer_id')
    .leftJoin('user_directory as owner', 'owner.id', 'contracts.owner_id')
    .leftJoin('user_directory as creator', 'creator.id', 'contracts.created_by')
    .leftJoin('user_directory as terminator', 'terminator.id', 'contracts.terminated_by')
    .selectAll('contracts')
    .select([
      'customers.name as customer_name',
      'customers.archive_no as customer_archive_no',
      'signer.display_name as signer_name',
      'owner.display_name as owner_name',
      'creator.display_name as created_by_name',
      'terminator.display_name as terminated_by_name',
    ]);
}
export type ContractRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The only SQL of contracts (style.md habit 4); every call takes the transaction when there is one. */
export const contractQueries = {
  /** Contract numbers by id, for the audit log. */
  async numbers(db: Q, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('contracts').select(['id', 'contract_no']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.contract_no]));
  },

  /** For the public pool (docs/regulations.md §8): customers with a contract in draft, in approval or in force. */
  async openCustomers(db: Q, customerIds: number[], today: string): Promise<number[]> {
    if (!customerIds.length) return [];
    const rows = await db
      .selectFrom('contracts')
      .select('customer_id')
      .distinct()
      .where('customer_id', 'in', customerIds)
      .where((eb) => eb.or([eb('status', 'in', ['draft', 'pending']), eb.and([eb('status', '=', 'effective'), eb('end_date', '>=', today)])]))
      .execute();
    return rows.map((r) => r.customer_id);
  },
  /** For the public pool: the end date of each customer's latest contract that has ended. */
  async lastEnded(db: Q, customerIds: number[], today: string) {
    if (!customerIds.length) return [];
    return db
      .selectFrom('contracts')
      .select((eb) => ['customer_id', eb.fn.max('end_date').as('ended')])
      .where('customer_id', 'in', customerIds)
      .where((eb) => eb.or([eb('status', 'in', ['expired', 'terminated']), eb.and([eb('status', '=', 'effective'), eb('end_date', '<', today)])]))
      .groupBy('customer_id')
      .execute();
  },
  /** A merge (查重) keeps the survivor: the merged customer's contracts follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('contracts').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('contract_bookings').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  async list(db: Q, actor: Actor, f: ContractFilters, p: { page: number; pageSize: number; sort: { field: ContractSortField; direction: 'asc' | 'desc' } }) {
    let qb = base(db).where(scopeCondition(actor, RESOURCES.contract));
    if (f.customerId !== undefined) qb = qb.where('contracts.customer_id', '=', f.customerId);
    if (f.status) qb = qb.where('contracts.status', '=', f.status);
    if (f.signerId !== undefined) qb = qb.where('contracts.signer_id', '=', f.signerId);
    if (f.expiring) {
      qb = qb.where('contracts.status', '=', 'effective').where('contracts.end_date', '>=', f.expiring.today).where('contracts.end_date', '<=', f.expiring.until);
    }
    if (f.q) {
      const text = f.q;
      qb = qb.where((eb) => eb.or([containsText('contracts.contract_no', text), containsText('contracts.title', text), containsText('customers.name', text)]));
    }
    return paged(
      qb
        .orderBy(sql.ref(CONTRACT_SORT[p.sort.field]), p.sort.direction)
        .orderBy('contracts.id', p.sort.direction),
      qb.clearSelect(),
      p,
    );
  },

  get(db: Q, id: number) {
    return base(db).where('contracts.id', '=', id).executeTakeFirst();
  },

  async insert(db: Q, values: Insertable<Database['contracts']>) {
    return (await db.insertInto('contracts').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },

  async contractNoTaken(db: Q, contractNo: string, exceptId?: number) {
    let qb = db.selectFrom('contracts').select('id').where('contract_no', '=', contractNo);
    if (exceptId !== undefined) qb = qb.where('id', '!=', exceptId);
    return !!(await qb.executeTakeFirst());
  },

  /** Next number of the year, atomic (the same upsert as the archive numbers). */
  async nextContractNo(db: Q, year: number): Promise<number> {
    const row = await db
      .insertInto('contract_sequences')
      .values({ year, last_no: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_no: sql`contract_sequences.last_no + 1` }))
      .returning('last_no')
      .executeTakeFirstOrThrow();
    return Number(row.last_no);
  },

  customer(db: Q, id: number) {
    return customerLookups.byId(db, id);
  },

  async visible(db: Q, actor: Actor, id: number) {
    return !!(await db.selectFrom('contracts').select('id').where('id', '=', id).where(scopeCondition(actor, RESOURCES.contract)).executeTakeFirst());
  },

  async customerVisible(db: Q, actor: Actor, id: number) {
    return !!(await customerLookups.inScope(db, actor, id));
  },

  /**
   * A user as the data-scope check sees them (roles → scope, own and supervised teams), for asking
   * whether a prospective signer handles a customer; undefined when the user is missing or inactive.
   */
  async scopeActorOf(db: Q, userId: number): Promise<(Actor & { teamId: number | null }) | undefined> {
    const [user] = await people.byIds(db, [userId]);
    if (!user || !user.active) return undefined;
    return { ...(await loadActor(db, user)), teamId: user.team_id };
  },


  /** Active users holding one of `roles`, with their interface language (for notifications). */
  usersWithRoles(db: Q, roles: readonly Role[]) {
    return people.activeWithRoles(db, roles);
  },

  localesOf(db: Q, userIds: number[]) {
    return people.byIds(db, userIds);
  },

  /** Sets the status (and more) of a contract without a client version: bumps the version so open forms get 409. */
  async setStatus(db: Q, id: number, patch: Partial<Insertable<Database['contracts']>>, now: string) {
    await db
      .updateTable('contracts')
      .set({ ...patch, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  /** The signer's team, department and roles (the approval engine's applicant). */
  async placement(db: Q, userId: number) {
    const user = await people.placement(db, userId);
    if (!user) return undefined;
    const roles = (await people.roleNames(db, userId)).filter(isRole);
    return { team_id: user.team_id, department_id: user.department_id, roles };
  },

  /** 生效 → 到期, only if still effective (a termination may have come first); true when it changed. */
  async markExpired(db: Q, id: number, now: string) {
    const res = await db
      .updateTable('contracts')
      .set({ status: 'expired', version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'effective')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  },

  /** Effective contracts whose end date lies before `today`, for the daily expiry run. */
  pastEnd(db: Q, today: string) {
    return db.selectFrom('contracts').select(['id', 'contract_no', 'end_date']).where('status', '=', 'effective').where('end_date', '<', today).orderBy('id').execute();
  },

  attachments(db: Q, contractId: number) {
    return db
      .selectFrom('contract_attachments')
      .innerJoin('customer_attachments', 'customer_attachments.id', 'contract_attachments.attachment_id')
      .leftJoin('user_directory as users', 'users.id', 'customer_attachments.uploaded_by')
      .selectAll('customer_attachments')
      .select('users.display_name as uploaded_by_name')
      .where('contract_attachments.contract_id', '=', contractId)
      .orderBy('customer_attachments.created_at', 'desc')
      .orderBy('customer_attachments.id', 'desc')
      .execute();
  },

  async attachmentLinked(db: Q, contractId: number, attachmentId: number) {
    return !!(await db.selectFrom('contract_attachments').select('attachment_id').where('contract_id', '=', contractId).where('attachment_id', '=', attachmentId).executeTakeFirst());
  },

  async linkAttachment(db: Q, contractId: number, attachmentId: number) {
    await db.insertInto('contract_attachments').values({ contract_id: contractId, attachment_id: attachmentId }).execute();
  },

  // ── Capacity and bookings (docs/regulations.md §13) ──
  capacities(db: Q, resource?: string) {
    let qb = db.selectFrom('contract_capacities').select(['resource', 'day', 'capacity']);
    if (resource !== undefined) qb = qb.where('resource', '=', resource);
    return qb.orderBy('resource').orderBy('day').execute();
  },

  /** Sets (or, with capacity null, removes) the capacity of a resource on a day, or on any day when `day` is null. */
  async setCapacity(db: Q, v: { resource: string; day: string | null; capacity: number | null }, now: string) {
    let del = db.deleteFrom('contract_capacities').where('resource', '=', v.resource);
    del = v.day === null ? del.where('day', 'is', null) : del.where('day', '=', v.day);
    await del.execute();
    if (v.capacity !== null) await db.insertInto('contract_capacities').values({ resource: v.resource, day: v.day, capacity: v.capacity, updated_at: now }).execute();
  },

  /** Other contracts in approval or in force booking the resource between the dates (their quantity and dates). */
  bookedBy(db: Q, resource: string, from: string, to: string, exceptId: number) {
    return db
      .selectFrom('contracts')
      .select(['id', 'quantity', 'start_date', 'end_date'])
      .where('resource', '=', resource)
      .where('status', 'in', ['pending', 'effective'])
      .where('start_date', '<=', to)
      .where('end_date', '>=', from)
      .where('id', '!=', exceptId)
      .execute();
  },

  async insertBooking(db: Q, values: Insertable<Database['contract_bookings']>) {
    return (await db.insertInto('contract_bookings').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },

  bookings(db: Q, actor: Actor, customerId: number) {
    return db
      .selectFrom('contract_bookings')
      .leftJoin('contracts', 'contracts.id', 'contract_bookings.contract_id')
      .selectAll('contract_bookings')
      .select('contracts.contract_no')
      .where('contract_bookings.customer_id', '=', customerId)
      .where(scopeCondition(actor, RESOURCES.contractBooking))
      .orderBy('contract_bookings.day', 'desc')
      .orderBy('contract_bookings.id', 'desc')
      .limit(200)
      .execute();
  },
};
