import type { Insertable, Kysely, Updateable } from 'kysely';
import { paged } from '../../db/paging';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { people } from '../org/org.queries';
import type { ReceptionBanquetTable, ReceptionRecordTable, ReceptionTourTable, ReceptionVisitTable } from './reception.tables';

type Q = Kysely<Database>;
type P = { page: number; pageSize: number };

function visits(db: Q) {
  return db
    .selectFrom('reception_visits')
    .leftJoin('customer_directory as customers', 'customers.id', 'reception_visits.customer_id')
    .leftJoin('user_directory as receiver', 'receiver.id', 'reception_visits.receiver_id')
    .selectAll('reception_visits')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'receiver.display_name as receiver_name']);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visits>['executeTakeFirstOrThrow']>>;

function records(db: Q) {
  return db
    .selectFrom('reception_records')
    .leftJoin('customer_directory as customers', 'customers.id', 'reception_records.customer_id')
    .leftJoin('user_directory as receiver', 'receiver.id', 'reception_records.receiver_id')
    .selectAll('reception_records')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'receiver.display_name as receiver_name']);
}
export type RecordRow = Awaited<ReturnType<ReturnType<typeof records>['executeTakeFirstOrThrow']>>;

function tours(db: Q) {
  return db
    .selectFrom('reception_tours')
    .leftJoin('customer_directory as customers', 'customers.id', 'reception_tours.customer_id')
    .leftJoin('user_directory as applicant', 'applicant.id', 'reception_tours.applicant_id')
    .leftJoin('user_directory as consenter', 'consenter.id', 'reception_tours.photography_consented_by')
    .selectAll('reception_tours')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'applicant.display_name as applicant_name', 'consenter.display_name as consented_by_name']);
}
export type TourRow = Awaited<ReturnType<ReturnType<typeof tours>['executeTakeFirstOrThrow']>>;

function banquets(db: Q) {
  return db
    .selectFrom('reception_banquets')
    .leftJoin('customer_directory as customers', 'customers.id', 'reception_banquets.customer_id')
    .leftJoin('user_directory as applicant', 'applicant.id', 'reception_banquets.applicant_id')
    .selectAll('reception_banquets')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'applicant.display_name as applicant_name']);
}
export type BanquetRow = Awaited<ReturnType<ReturnType<typeof banquets>['executeTakeFirstOrThrow']>>;

export interface VisitFilters {
  q?: string;
  customerId?: number;
  from?: string;
  to?: string;
}

/** The only SQL of the reception module; every call takes the transaction when there is one. */
export const receptionQueries = {
  /** A merge keeps the survivor: the merged customer's receptions, tours and banquets follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    for (const table of ['reception_visits', 'reception_records', 'reception_tours', 'reception_banquets'] as const) {
      await db.updateTable(table).set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    }
  },

  customerInScope: (db: Q, actor: Actor, id: number) =>
    db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.name', 'customers.owner_id'])
      .where('customers.id', '=', id)
      .where(scopeCondition(actor, RESOURCES.customer))
      .executeTakeFirst(),

  user: async (db: Q, id: number) => (await people.byIds(db, [id]))[0],

  // ── visitor log ──
  async insertVisit(db: Q, row: Insertable<ReceptionVisitTable>) {
    return (await db.insertInto('reception_visits').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  getVisit: (db: Q, id: number) => visits(db).where('reception_visits.id', '=', id).executeTakeFirst(),
  visitSecrets: (db: Q, id: number) => db.selectFrom('reception_visits').select(['phone', 'id_number']).where('id', '=', id).executeTakeFirst(),
  async listVisits(db: Q, actor: Actor, f: VisitFilters, p: P | null) {
    let qb = db
      .selectFrom('reception_visits')
      .innerJoin('reception_visit_scope', 'reception_visit_scope.id', 'reception_visits.id')
      .where(scopeCondition(actor, RESOURCES.reception_visit));
    if (f.customerId !== undefined) qb = qb.where('reception_visits.customer_id', '=', f.customerId);
    if (f.from) qb = qb.where('reception_visits.arrived_at', '>=', f.from);
    if (f.to) qb = qb.where('reception_visits.arrived_at', '<', f.to);
    if (f.q) {
      const like = `%${f.q}%`;
      qb = qb.where((eb) => eb.or([eb('reception_visits.visitor_name', 'like', like), eb('reception_visits.organisation', 'like', like)]));
    }
    const rows = visits(db)
      .where('reception_visits.id', 'in', qb.select('reception_visits.id'))
      .orderBy('reception_visits.arrived_at', 'desc')
      .orderBy('reception_visits.id', 'desc');
    if (!p) return { rows: await rows.limit(50_000).execute(), total: -1 };
    return paged(rows, qb, p);
  },

  // ── reception records ──
  async insertRecord(db: Q, row: Insertable<ReceptionRecordTable>) {
    return (await db.insertInto('reception_records').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  getRecord: (db: Q, id: number) => records(db).where('reception_records.id', '=', id).executeTakeFirst(),
  async setRecordTask(db: Q, id: number, taskId: number, due: string) {
    await db.updateTable('reception_records').set({ task_id: taskId, task_due: due }).where('id', '=', id).execute();
  },
  async listRecords(db: Q, actor: Actor, f: { customerId?: number; outcome?: string }, p: P) {
    let qb = db
      .selectFrom('reception_records')
      .innerJoin('reception_record_scope', 'reception_record_scope.id', 'reception_records.id')
      .where(scopeCondition(actor, RESOURCES.reception_record));
    if (f.customerId !== undefined) qb = qb.where('reception_records.customer_id', '=', f.customerId);
    if (f.outcome) qb = qb.where('reception_records.outcome', '=', f.outcome);
    const rows = records(db)
      .where('reception_records.id', 'in', qb.select('reception_records.id'))
      .orderBy('reception_records.received_on', 'desc')
      .orderBy('reception_records.id', 'desc');
    return paged(rows, qb, p);
  },

  // ── tours ──
  async insertTour(db: Q, row: Insertable<ReceptionTourTable>) {
    return (await db.insertInto('reception_tours').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  getTour: (db: Q, id: number) => tours(db).where('reception_tours.id', '=', id).executeTakeFirst(),
  async updateTour(db: Q, id: number, set: Updateable<ReceptionTourTable>) {
    await db.updateTable('reception_tours').set(set).where('id', '=', id).execute();
  },
  async lastPermitOfYear(db: Q, year: string) {
    const r = await db
      .selectFrom('reception_tours')
      .select((eb) => eb.fn.max('permit_no').as('last'))
      .where('permit_no', 'like', `CG${year}-%`)
      .executeTakeFirst();
    return (r?.last as string | null | undefined) ?? null;
  },
  async listTours(db: Q, actor: Actor, f: { status?: string; customerId?: number }, p: P) {
    let qb = db
      .selectFrom('reception_tours')
      .innerJoin('reception_tour_scope', 'reception_tour_scope.id', 'reception_tours.id')
      .where(scopeCondition(actor, RESOURCES.reception_tour));
    if (f.status) qb = qb.where('reception_tours.status', '=', f.status);
    if (f.customerId !== undefined) qb = qb.where('reception_tours.customer_id', '=', f.customerId);
    const rows = tours(db)
      .where('reception_tours.id', 'in', qb.select('reception_tours.id'))
      .orderBy('reception_tours.scheduled_at', 'desc')
      .orderBy('reception_tours.id', 'desc');
    return paged(rows, qb, p);
  },
  tourVisible: async (db: Q, actor: Actor, id: number) =>
    !!(await db
      .selectFrom('reception_tour_scope')
      .select('reception_tour_scope.id')
      .where('reception_tour_scope.id', '=', id)
      .where(scopeCondition(actor, RESOURCES.reception_tour))
      .executeTakeFirst()),

  // ── banquets ──
  async insertBanquet(db: Q, row: Insertable<ReceptionBanquetTable>) {
    return (await db.insertInto('reception_banquets').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  getBanquet: (db: Q, id: number) => banquets(db).where('reception_banquets.id', '=', id).executeTakeFirst(),
  async updateBanquet(db: Q, id: number, set: Updateable<ReceptionBanquetTable>) {
    await db.updateTable('reception_banquets').set(set).where('id', '=', id).execute();
  },
  async listBanquets(db: Q, actor: Actor, f: { status?: string }, p: P) {
    let qb = db
      .selectFrom('reception_banquets')
      .innerJoin('reception_banquet_scope', 'reception_banquet_scope.id', 'reception_banquets.id')
      .where(scopeCondition(actor, RESOURCES.reception_banquet));
    if (f.status) qb = qb.where('reception_banquets.status', '=', f.status);
    const rows = banquets(db)
      .where('reception_banquets.id', 'in', qb.select('reception_banquets.id'))
      .orderBy('reception_banquets.held_on', 'desc')
      .orderBy('reception_banquets.id', 'desc');
    return paged(rows, qb, p);
  },
  banquetVisible: async (db: Q, actor: Actor, id: number) =>
    !!(await db
      .selectFrom('reception_banquet_scope')
      .select('reception_banquet_scope.id')
      .where('reception_banquet_scope.id', '=', id)
      .where(scopeCondition(actor, RESOURCES.reception_banquet))
      .executeTakeFirst()),
};
