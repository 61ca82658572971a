import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DialectKind } from '../../db/database';
import { paged } from '../../db/paging';
import { nextIdsInAny } from '../../db/paging.queries';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { people } from '../org/org.queries';
import type { CreditRatingChangeTable, CreditRatingStateTable, CreditReceivableTable } from './credit.tables';

type Q = Kysely<Database>;

export interface ReceivableFilters {
  customerId?: number;
  /** Only receivables past due and not fully paid. */
  overdue?: boolean;
  /** Only receivables not fully paid. */
  open?: boolean;
}

function receivables(db: Q) {
  return db
    .selectFrom('credit_receivables')
    .innerJoin('customer_directory as customers', 'customers.id', 'credit_receivables.customer_id')
    .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
    .selectAll('credit_receivables')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'customers.owner_id as owner_id', 'owner.display_name as owner_name']);
}
export type ReceivableRow = Awaited<ReturnType<ReturnType<typeof receivables>['executeTakeFirstOrThrow']>>;

/** The SQL of receivables and the rating they lower (docs/regulations.md §5); every call takes the open transaction when there is one. */
export const receivableQueries = {
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('credit_receivables').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('credit_rating_changes').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    // The survivor's state is recomputed after the move; the merged one's goes.
    await db.deleteFrom('credit_rating_states').where('customer_id', '=', fromId).execute();
  },

  get: (db: Q, id: number) => receivables(db).where('credit_receivables.id', '=', id).executeTakeFirst(),

  async list(db: Q, actor: Actor, f: ReceivableFilters, today: string, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('credit_receivables').innerJoin('credit_receivable_scope', 'credit_receivable_scope.id', 'credit_receivables.id').where(scopeCondition(actor, RESOURCES.credit_receivable));
    if (f.customerId !== undefined) qb = qb.where('credit_receivables.customer_id', '=', f.customerId);
    if (f.open || f.overdue) qb = qb.whereRef('credit_receivables.paid_cents', '<', 'credit_receivables.amount_cents');
    if (f.overdue) qb = qb.where('credit_receivables.due_date', '<', today);
    const ids = qb.select('credit_receivables.id');
    // Overdue first (oldest due date first), then the open ones, then the paid.
    const rows = receivables(db)
      .where('credit_receivables.id', 'in', ids)
      .orderBy((eb) =>
        eb
          .case()
          .when(eb.and([eb('credit_receivables.paid_cents', '<', eb.ref('credit_receivables.amount_cents')), eb('credit_receivables.due_date', '<', today)]))
          .then(0)
          .when('credit_receivables.paid_cents', '<', eb.ref('credit_receivables.amount_cents'))
          .then(1)
          .else(2)
          .end(),
      )
      .orderBy('credit_receivables.due_date')
      .orderBy('credit_receivables.id');
    return paged(rows, qb, p);
  },

  /** Of these document numbers, the receivables already stored. */
  async byDocNos(db: Q, docNos: string[]) {
    if (!docNos.length) return [];
    return db.selectFrom('credit_receivables').selectAll().where('doc_no', 'in', [...new Set(docNos)]).execute();
  },

  async insert(db: Q, row: Insertable<CreditReceivableTable>) {
    const r = await db.insertInto('credit_receivables').values(row).onConflict((oc) => oc.column('doc_no').doNothing()).returning('id').executeTakeFirst();
    return r?.id;
  },

  async update(db: Q, id: number, patch: Pick<Updateable<CreditReceivableTable>, 'amount_cents' | 'due_date' | 'paid_cents' | 'paid_date' | 'notes' | 'customer_id'>, now: string) {
    await db
      .updateTable('credit_receivables')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
  },

  /** The receivables of these customers, for their overdue figures. */
  ofCustomers: (db: Q, customerIds: number[]) =>
    customerIds.length
      ? db.selectFrom('credit_receivables').select(['customer_id', 'amount_cents', 'paid_cents', 'due_date']).where('customer_id', 'in', customerIds).execute()
      : Promise.resolve([]),

  /** The newest credit survey of each of these customers (the rating table's input). */
  async latestSurveys(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    const rows = await db
      .selectFrom('credit_surveys')
      .selectAll()
      .where('customer_id', 'in', customerIds)
      .orderBy('customer_id')
      .orderBy('survey_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const seen = new Set<number>();
    return rows.filter((r) => !seen.has(r.customer_id) && seen.add(r.customer_id));
  },

  states: (db: Q, customerIds: number[]) =>
    customerIds.length ? db.selectFrom('credit_rating_states').selectAll().where('customer_id', 'in', customerIds).execute() : Promise.resolve([]),

  async upsertState(db: Q, row: CreditRatingStateTable) {
    const { customer_id: _id, ...rest } = row;
    await db.insertInto('credit_rating_states').values(row).onConflict((oc) => oc.column('customer_id').doUpdateSet(rest)).execute();
  },

  async insertChange(db: Q, row: Insertable<CreditRatingChangeTable>) {
    await db.insertInto('credit_rating_changes').values(row).execute();
  },

  /** The customer's rating history, newest first. */
  changes: (db: Q, customerId: number) =>
    db
      .selectFrom('credit_rating_changes')
      .leftJoin('user_directory as actor', 'actor.id', 'credit_rating_changes.actor_id')
      .selectAll('credit_rating_changes')
      .select('actor.display_name as actor_name')
      .where('credit_rating_changes.customer_id', '=', customerId)
      .orderBy('credit_rating_changes.at', 'desc')
      .orderBy('credit_rating_changes.id', 'desc')
      .execute(),

  /** Customers with receivables or a rating state, in id order from `afterId` (the nightly run's batches, as the classes'). */
  ratedAfter: (db: Q, kind: DialectKind, afterId: number, limit: number) =>
    nextIdsInAny(db, kind, {
      directory: 'customer_directory',
      afterId,
      limit,
      sources: [
        { table: 'credit_receivables', column: 'customer_id' },
        { table: 'credit_rating_states', column: 'customer_id' },
      ],
    }),

  /** The customers' names and owners. */
  customers: (db: Q, ids: number[]) =>
    ids.length ? db.selectFrom('customer_directory as customers').select(['id', 'name', 'archive_no', 'owner_id']).where('id', 'in', ids).execute() : Promise.resolve([]),

  /** Of these customers (by id or archive number), those within the caller's scope. */
  visibleCustomers(db: Q, actor: Actor, ids: number[], archiveNos: string[]) {
    if (!ids.length && !archiveNos.length) return Promise.resolve([]);
    return db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.archive_no'])
      .where((eb) => eb.or([...(ids.length ? [eb('customers.id', 'in', ids)] : []), ...(archiveNos.length ? [eb('customers.archive_no', 'in', archiveNos)] : [])]))
      .where(scopeCondition(actor, RESOURCES.customer))
      .execute();
  },

  async lastRunAt(db: Q, name: string) {
    return (await db.selectFrom('job_leases').select('last_run_at').where('name', '=', name).executeTakeFirst())?.last_run_at ?? null;
  },

  users: (db: Q, ids: number[]) => people.byIds(db, ids),
};
