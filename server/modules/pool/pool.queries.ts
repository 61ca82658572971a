import type { Insertable, Kysely, Updateable } from 'kysely';
import { paged } from '../../db/paging';
import type { Database } from '../../db/schema';
import { containsText } from '../../db/search.queries';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';

type Q = Kysely<Database>;

export interface EntryFilters {
  q?: string;
  grade?: string;
  rule?: string;
}

const entryBase = (db: Q) =>
  db
    .selectFrom('pool_entries as e')
    .innerJoin('customer_directory as c', 'c.id', 'e.customer_id')
    .leftJoin('user_directory as prev', 'prev.id', 'e.previous_owner_id');

/** The only SQL of the public pool (docs/regulations.md §8); every call takes the transaction when there is one. */
export const poolQueries = {
  /** Releases to and claims from the pool since a day (kind, day, user_id), as a sub-query for the dashboards (docs/regulations.md §16). */
  movementsSince: (db: Q, day: string) =>
    db.selectFrom('pool_events').where('day', '>=', day).where('kind', 'in', ['released', 'claimed']).select(['id', 'kind', 'day', 'user_id']),
  /** The pools the actor may see (their department's; directors and managers all), with how many customers each holds. */
  listPools(db: Q, actor: Actor) {
    return db
      .selectFrom('pools')
      .leftJoin('departments', 'departments.id', 'pools.department_id')
      .leftJoin('user_directory as keeper', 'keeper.id', 'pools.keeper_id')
      .select((eb) => [
        'pools.id',
        'pools.name',
        'pools.department_id',
        'pools.keeper_id',
        'pools.is_default',
        'departments.name as department_name',
        'keeper.display_name as keeper_name',
        eb.selectFrom('pool_entries').select((e) => e.fn.countAll<number>().as('n')).whereRef('pool_entries.pool_id', '=', 'pools.id').as('customer_count'),
      ])
      .where(scopeCondition(actor, RESOURCES.pool))
      .orderBy('pools.department_id')
      .orderBy('pools.id')
      .execute();
  },
  getPool: (db: Q, id: number) => db.selectFrom('pools').selectAll().where('id', '=', id).executeTakeFirst(),
  defaultPool: (db: Q, departmentId: number) =>
    db.selectFrom('pools').selectAll().where('department_id', '=', departmentId).orderBy('is_default', 'desc').orderBy('id').limit(1).executeTakeFirst(),
  async insertPool(db: Q, values: Insertable<Database['pools']>) {
    const r = await db.insertInto('pools').values(values).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async clearDefault(db: Q, departmentId: number) {
    await db.updateTable('pools').set({ is_default: 0 }).where('department_id', '=', departmentId).execute();
  },
  user: (db: Q, id: number) => db.selectFrom('user_directory').select(['id', 'department_id', 'active']).where('id', '=', id).executeTakeFirst(),
  department: (db: Q, id: number) => db.selectFrom('departments').select(['id', 'name', 'head_id']).where('id', '=', id).executeTakeFirst(),

  entriesOf: (db: Q, customerIds: number[]) =>
    customerIds.length ? db.selectFrom('pool_entries').select(['customer_id', 'pool_id']).where('customer_id', 'in', customerIds).execute() : Promise.resolve([]),
  entry: (db: Q, customerId: number) => db.selectFrom('pool_entries').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),
  async insertEntry(db: Q, values: Insertable<Database['pool_entries']>) {
    await db.insertInto('pool_entries').values(values).execute();
  },
  /** Takes the customer out of the pool; 0 when someone else was faster. */
  async deleteEntry(db: Q, customerId: number, poolId: number) {
    const r = await db.deleteFrom('pool_entries').where('customer_id', '=', customerId).where('pool_id', '=', poolId).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  watchOf: (db: Q, customerIds: number[]) => (customerIds.length ? db.selectFrom('pool_watch').selectAll().where('customer_id', 'in', customerIds).execute() : Promise.resolve([])),
  async insertWatch(db: Q, values: Insertable<Database['pool_watch']>) {
    await db.insertInto('pool_watch').values(values).execute();
  },
  async updateWatch(db: Q, customerId: number, patch: Updateable<Database['pool_watch']>) {
    await db.updateTable('pool_watch').set(patch).where('customer_id', '=', customerId).execute();
  },
  async deleteWatch(db: Q, customerIds: number[]) {
    if (customerIds.length) await db.deleteFrom('pool_watch').where('customer_id', 'in', customerIds).execute();
  },
  watch: (db: Q, customerId: number) => db.selectFrom('pool_watch').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),

  async insertEvent(db: Q, values: Insertable<Database['pool_events']>) {
    await db.insertInto('pool_events').values(values).execute();
  },
  events: (db: Q, customerId: number) =>
    db
      .selectFrom('pool_events as ev')
      .leftJoin('pools', 'pools.id', 'ev.pool_id')
      .leftJoin('user_directory as u', 'u.id', 'ev.user_id')
      .select(['ev.id', 'ev.kind', 'ev.reason', 'ev.at', 'ev.pool_id', 'pools.name as pool_name', 'u.display_name as user_name'])
      .where('ev.customer_id', '=', customerId)
      .orderBy('ev.at', 'desc')
      .orderBy('ev.id', 'desc')
      .limit(100)
      .execute(),
  async claimsOn(db: Q, userId: number, day: string) {
    const r = await db.selectFrom('pool_events').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('kind', '=', 'claimed').where('day', '=', day).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async holding(db: Q, userId: number) {
    const r = await db.selectFrom('customer_directory').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** When the customer last came to its current owner through a claim. */
  async lastClaim(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    return db.selectFrom('pool_events').select((eb) => ['customer_id', eb.fn.max('day').as('day')]).where('customer_id', 'in', customerIds).where('kind', '=', 'claimed').groupBy('customer_id').execute();
  },

  listEntries(db: Q, poolId: number, f: EntryFilters, p: { page: number; pageSize: number }) {
    let qb = entryBase(db).where('e.pool_id', '=', poolId);
    if (f.grade) qb = qb.where('c.grade', '=', f.grade);
    if (f.rule) qb = qb.where('e.rule', '=', f.rule);
    if (f.q) {
      const text = f.q;
      qb = qb.where((eb) => eb.or([containsText('c.name', text), containsText('c.archive_no', text)]));
    }
    const rows = qb
      .select([
        'e.customer_id',
        'e.pool_id',
        'e.rule',
        'e.reason',
        'e.released_at',
        'e.previous_owner_id',
        'prev.display_name as previous_owner_name',
        'c.name',
        'c.archive_no',
        'c.grade',
        'c.industry',
      ])
      .orderBy('e.released_at', 'desc')
      .orderBy('e.customer_id', 'desc');
    return paged(rows, qb, p);
  },

  /** When the nightly run last started (its lease row), if ever. */
  async lastRunAt(db: Q, name: string) {
    return (await db.selectFrom('job_leases').select('last_run_at').where('name', '=', name).executeTakeFirst())?.last_run_at ?? null;
  },

  /** A merge (查重) keeps the survivor: the log follows it; the merged record's pool place and watch go with it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('pool_events').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.deleteFrom('pool_entries').where('customer_id', '=', fromId).execute();
    await db.deleteFrom('pool_watch').where('customer_id', '=', fromId).execute();
  },
};
