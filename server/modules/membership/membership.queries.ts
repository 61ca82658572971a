import { sql, type Insertable, type Kysely } from 'kysely';
import { paged } from '../../db/paging';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { customerLookups } from '../customers/customers.queries';
import { individualQueries } from '../individuals/individuals.queries';
import { transactionQueries } from '../transactions/transactions.queries';

type Q = Kysely<Database>;

export interface MemberFilters {
  q?: string;
  tier?: string;
  holder?: 'customer' | 'individual';
}

export const MEMBER_SORT = {
  memberNo: 'memberships.member_no',
  joinedOn: 'memberships.joined_on',
  balance: 'balance',
} as const;
export type MemberSortField = keyof typeof MEMBER_SORT;

const balanceOf = (kinds?: 'qualifying') =>
  sql<number>`coalesce((select sum(p.points) from membership_points p where p.member_id = memberships.id${kinds ? sql` and p.kind <> 'redeemed'` : sql``}), 0)`;

function base(db: Q) {
  return db
    .selectFrom('memberships')
    .innerJoin('member_scope', 'member_scope.id', 'memberships.id')
    .selectAll('memberships')
    .select(['member_scope.holder_name', 'member_scope.holder_no', 'member_scope.owner_id', balanceOf().as('balance'), balanceOf('qualifying').as('qualifying')]);
}
export type MemberRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The only SQL of membership; every call takes the transaction when there is one. */
export const membershipQueries = {
  async list(db: Q, actor: Actor, f: MemberFilters, p: { page: number; pageSize: number; sort: { field: MemberSortField; direction: 'asc' | 'desc' } }) {
    let qb = base(db).where(scopeCondition(actor, RESOURCES.member));
    if (f.tier) qb = qb.where('memberships.tier', '=', f.tier);
    if (f.holder === 'customer') qb = qb.where('memberships.customer_id', 'is not', null);
    if (f.holder === 'individual') qb = qb.where('memberships.individual_id', 'is not', null);
    if (f.q) {
      const text = f.q;
      qb = qb.where((eb) => eb.or([containsText('member_scope.holder_name', text), containsText('memberships.member_no', text), containsText('member_scope.holder_no', text)]));
    }
    return paged(qb.orderBy(sql.ref(MEMBER_SORT[p.sort.field]), p.sort.direction).orderBy('memberships.id', p.sort.direction), qb.clearSelect(), p);
  },

  get(db: Q, id: number) {
    return base(db).where('memberships.id', '=', id).executeTakeFirst();
  },

  /** customer id → tier of these company customers that are members. */
  byCustomer(db: Q, customerId: number) {
    return base(db).where('memberships.customer_id', '=', customerId).executeTakeFirst();
  },

  async visible(db: Q, actor: Actor, id: number) {
    return !!(await db.selectFrom('member_scope').select('id').where('member_scope.id', '=', id).where(scopeCondition(actor, RESOURCES.member)).executeTakeFirst());
  },

  /** Members per tier within the actor's scope. */
  async distribution(db: Q, actor: Actor) {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('member_scope', 'member_scope.id', 'memberships.id')
      .select(['memberships.tier', (eb) => eb.fn.countAll<number>().as('n')])
      .where(scopeCondition(actor, RESOURCES.member))
      .groupBy('memberships.tier')
      .execute();
    return rows.map((r) => ({ tier: r.tier, count: Number(r.n) }));
  },

  customerInScope: (db: Q, actor: Actor, id: number) => customerLookups.inScope(db, actor, id),

  individualInScope: (db: Q, actor: Actor, id: number) => individualQueries.inScope(db, actor, id),

  async nextMemberNo(db: Q, year: number): Promise<number> {
    const row = await db
      .insertInto('membership_sequences')
      .values({ year, last_no: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_no: sql`membership_sequences.last_no + 1` }))
      .returning('last_no')
      .executeTakeFirstOrThrow();
    return Number(row.last_no);
  },

  /** Inserts unless the holder is a member already; the id, or undefined. */
  async insertMember(db: Q, values: Insertable<Database['memberships']>) {
    const row = await db
      .insertInto('memberships')
      .values(values)
      .onConflict((oc) => oc.column(values.customer_id != null ? 'customer_id' : 'individual_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  /** Inserts a ledger entry unless its source (or its year end) already has one; the id, or undefined. */
  async insertEntry(db: Q, values: Insertable<Database['membership_points']>) {
    const row = await db.insertInto('membership_points').values(values).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    return row?.id;
  },

  ledger(db: Q, memberId: number, limit = 500) {
    return db
      .selectFrom('membership_points')
      .leftJoin('user_directory as users', 'users.id', 'membership_points.actor_id')
      .selectAll('membership_points')
      .select('users.display_name as actor_name')
      .where('membership_points.member_id', '=', memberId)
      .orderBy('membership_points.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Kind, points and day of every entry of these members (for the year-end expiry). */
  ledgerLines(db: Q, memberIds: number[]) {
    if (!memberIds.length) return Promise.resolve([]);
    return db.selectFrom('membership_points').select(['member_id', 'kind', 'points', 'occurred_on']).where('member_id', 'in', memberIds).orderBy('id').execute();
  },

  async totals(db: Q, memberId: number) {
    const r = await db
      .selectFrom('membership_points')
      .select([(eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.val(0)).as('balance'), sql<number>`coalesce(sum(case when kind <> 'redeemed' then points else 0 end), 0)`.as('qualifying')])
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow();
    return { balance: Number(r.balance), qualifying: Number(r.qualifying) };
  },

  /** The ledger's sources of these members: which transactions and returns already count, with their points. */
  async sourcesOf(db: Q, memberIds: number[]) {
    if (!memberIds.length) return [];
    return db.selectFrom('membership_points').select(['source_kind', 'source_id', 'points']).where('member_id', 'in', memberIds).where('source_kind', 'is not', null).execute();
  },

  /** Points a transaction earned and what its returns took back so far (whichever member holds them now). */
  async pointsOfSources(db: Q, kind: 'transaction', ids: number[]) {
    if (!ids.length) return new Map<number, number>();
    const rows = await db.selectFrom('membership_points').select(['source_id', 'points']).where('source_kind', '=', kind).where('source_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.source_id!, Number(r.points)]));
  },

  pointSources: (db: Q, customerIds: number[], fromDate: string) => transactionQueries.pointSources(db, customerIds, fromDate),

  /** Company members in id order from `afterId` (the processing job's batches). */
  async customerMembersAfter(db: Q, afterId: number, limit: number) {
    return db.selectFrom('memberships').select(['id', 'customer_id', 'joined_on', 'tier']).where('customer_id', 'is not', null).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  },

  async membersAfter(db: Q, afterId: number, limit: number) {
    return db.selectFrom('memberships').select(['id', 'customer_id', 'tier']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  },

  /** Sets the tier if it is still `from` (another process may have changed it meanwhile); true when set. */
  async setTier(db: Q, id: number, from: string, to: string, now: string) {
    const r = await db
      .updateTable('memberships')
      .set({ tier: to, updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .where('tier', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async insertTierChange(db: Q, values: Insertable<Database['membership_tier_changes']>) {
    await db.insertInto('membership_tier_changes').values(values).execute();
  },

  tierChanges(db: Q, memberId: number) {
    return db
      .selectFrom('membership_tier_changes')
      .leftJoin('user_directory as users', 'users.id', 'membership_tier_changes.actor_id')
      .selectAll('membership_tier_changes')
      .select('users.display_name as actor_name')
      .where('membership_tier_changes.member_id', '=', memberId)
      .orderBy('membership_tier_changes.id', 'desc')
      .limit(200)
      .execute();
  },

  /** Takes the member's row lock, so two redemptions cannot both spend the same balance. */
  async lock(db: Q, id: number, now: string) {
    await db.updateTable('memberships').set({ updated_at: now }).where('id', '=', id).execute();
  },

  async yearEndDone(db: Q, year: number) {
    return !!(await db.selectFrom('membership_year_ends').select('year').where('year', '=', year).executeTakeFirst());
  },

  async markYearEnd(db: Q, year: number, expiredMembers: number, now: string) {
    await db.insertInto('membership_year_ends').values({ year, expired_members: expiredMembers, done_at: now }).onConflict((oc) => oc.column('year').doNothing()).execute();
  },

  /**
   * A merge (查重) keeps the survivor. A merged customer's membership moves to it; when both were members,
   * the ledger and tier history join the survivor's and the merged membership goes (its expiry marker
   * for a year the survivor also has is cleared, the entry itself stays).
   */
  async moveCustomer(db: Q, fromId: number, toId: number): Promise<number | null> {
    const from = await db.selectFrom('memberships').select('id').where('customer_id', '=', fromId).executeTakeFirst();
    if (!from) return null;
    const to = await db.selectFrom('memberships').select('id').where('customer_id', '=', toId).executeTakeFirst();
    if (!to) {
      await db.updateTable('memberships').set({ customer_id: toId }).where('id', '=', from.id).execute();
      return from.id;
    }
    const taken = db.selectFrom('membership_points').select('expiry_year').where('member_id', '=', to.id).where('expiry_year', 'is not', null);
    await db.updateTable('membership_points').set({ expiry_year: null }).where('member_id', '=', from.id).where('expiry_year', 'in', taken).execute();
    await db.updateTable('membership_points').set({ member_id: to.id }).where('member_id', '=', from.id).execute();
    await db.updateTable('membership_tier_changes').set({ member_id: to.id }).where('member_id', '=', from.id).execute();
    await db.deleteFrom('memberships').where('id', '=', from.id).execute();
    return to.id;
  },

  /** customer id → tier, for the cadence of members (docs/regulations.md §8). */
  async tiersOfCustomers(db: Q, customerIds: number[]) {
    if (!customerIds.length) return new Map<number, string>();
    const rows = await db.selectFrom('memberships').select(['customer_id', 'tier']).where('customer_id', 'in', customerIds).execute();
    return new Map(rows.map((r) => [r.customer_id!, r.tier]));
  },

  tierOfIndividual: (db: Q, individualId: number) => db.selectFrom('memberships').select(['id', 'tier']).where('individual_id', '=', individualId).executeTakeFirst(),

  /** Individual guests who are members of the given tiers, within the actor's scope, with their keeper. */
  individualMembers(db: Q, actor: Actor, tiers: string[], f: { ownerId?: number; teamId?: number } = {}) {
    let qb = db
      .selectFrom('memberships')
      .innerJoin('member_scope', 'member_scope.id', 'memberships.id')
      .leftJoin('user_directory as owner', 'owner.id', 'member_scope.owner_id')
      .select(['memberships.id', 'memberships.individual_id', 'memberships.member_no', 'memberships.tier', 'memberships.joined_on', 'member_scope.holder_name', 'member_scope.owner_id', 'member_scope.team_id', 'owner.display_name as owner_name'])
      .where('memberships.individual_id', 'is not', null)
      .where('memberships.tier', 'in', tiers.length ? tiers : [''])
      .where(scopeCondition(actor, RESOURCES.member));
    if (f.ownerId) qb = qb.where('member_scope.owner_id', '=', f.ownerId);
    if (f.teamId) qb = qb.where('member_scope.team_id', '=', f.teamId);
    return qb.orderBy('memberships.id').execute();
  },
};
