import type { Insertable, Kysely, Updateable } from 'kysely';
import { paged } from '../../db/paging';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { Region } from './visits.rules';
import type { CustomerLocationTable, TerritoryTable, VisitReportTable, VisitTable } from './visits.tables';

type Q = Kysely<Database>;

export interface VisitFilters {
  customerId?: number;
  visitorId?: number;
  kind?: string;
  method?: string;
  satisfaction?: string;
  from?: string; // instants
  to?: string;
  q?: string;
}

function visitRows(db: Q) {
  return db
    .selectFrom('visits')
    .innerJoin('customer_directory as customers', 'customers.id', 'visits.customer_id')
    .leftJoin('user_directory as visitor', 'visitor.id', 'visits.visitor_id')
    .leftJoin('user_directory as commenter', 'commenter.id', 'visits.supervisor_comment_by')
    .selectAll('visits')
    .select([
      'customers.name as customer_name',
      'customers.archive_no as customer_archive_no',
      'visitor.display_name as visitor_name',
      'commenter.display_name as supervisor_comment_by_name',
    ]);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitRows>['executeTakeFirstOrThrow']>>;

function reportRows(db: Q) {
  return db
    .selectFrom('visit_reports')
    .innerJoin('customer_directory as customers', 'customers.id', 'visit_reports.customer_id')
    .leftJoin('visit_customer_regions as region', 'region.customer_id', 'visit_reports.customer_id')
    .leftJoin('user_directory as reporter', 'reporter.id', 'visit_reports.reporter_id')
    .selectAll('visit_reports')
    .select([
      'customers.name as customer_name',
      'customers.archive_no as customer_archive_no',
      'region.address as customer_address',
      'region.legal_representative as customer_legal_representative',
      'region.province as province',
      'region.city as city',
      'reporter.display_name as reporter_name',
    ]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportRows>['executeTakeFirstOrThrow']>>;

function territoryRows(db: Q) {
  return db.selectFrom('visit_territories').leftJoin('user_directory as owner', 'owner.id', 'visit_territories.owner_id').selectAll('visit_territories').select('owner.display_name as owner_name');
}
export type TerritoryRow = Awaited<ReturnType<ReturnType<typeof territoryRows>['executeTakeFirstOrThrow']>>;

/** The only SQL of the visits module; every call takes the transaction when there is one. */
export const visitQueries = {
  /** A merge keeps the survivor: the merged customer's visits, reports, removals and coordinates follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('visits').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('visit_reports').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    // a removal already recorded for the survivor in the same territory wins
    const taken = db.selectFrom('visit_territory_removals as s').select('s.territory_id').where('s.customer_id', '=', toId);
    await db.deleteFrom('visit_territory_removals').where('customer_id', '=', fromId).where('territory_id', 'in', taken).execute();
    await db.updateTable('visit_territory_removals').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    const survivorHas = await db.selectFrom('visit_customer_locations').select('customer_id').where('customer_id', '=', toId).executeTakeFirst();
    if (survivorHas) await db.deleteFrom('visit_customer_locations').where('customer_id', '=', fromId).execute();
    else await db.updateTable('visit_customer_locations').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  customerVisible: (db: Q, actor: Actor, customerId: number) =>
    db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.name', 'customers.owner_id'])
      .where('customers.id', '=', customerId)
      .where(scopeCondition(actor, RESOURCES.customer))
      .executeTakeFirst(),

  async insertVisit(db: Q, row: Insertable<VisitTable>) {
    return (await db.insertInto('visits').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async patchVisit(db: Q, id: number, patch: Updateable<VisitTable>) {
    await db.updateTable('visits').set(patch).where('id', '=', id).execute();
  },
  getVisit: (db: Q, id: number) => visitRows(db).where('visits.id', '=', id).executeTakeFirst(),

  async listVisits(db: Q, actor: Actor, f: VisitFilters, p: { page: number; pageSize: number }) {
    let qb = db
      .selectFrom('visits')
      .innerJoin('visit_scope', 'visit_scope.id', 'visits.id')
      .where(scopeCondition(actor, RESOURCES.visit));
    if (f.customerId !== undefined) qb = qb.where('visits.customer_id', '=', f.customerId);
    if (f.visitorId !== undefined) qb = qb.where('visits.visitor_id', '=', f.visitorId);
    if (f.kind) qb = qb.where('visits.kind', '=', f.kind);
    if (f.method) qb = qb.where('visits.method', '=', f.method);
    if (f.satisfaction) qb = qb.where('visits.satisfaction', '=', f.satisfaction);
    if (f.from) qb = qb.where('visits.visited_at', '>=', f.from);
    if (f.to) qb = qb.where('visits.visited_at', '<', f.to);
    if (f.q) {
      const like = `%${f.q}%`;
      qb = qb.where('visits.customer_id', 'in', db.selectFrom('customer_directory').select('id').where((eb) => eb.or([eb('name', 'like', like), eb('archive_no', 'like', like), eb('name_pinyin', 'like', like)])));
    }
    const ids = qb.select('visits.id');
    const rows = visitRows(db).where('visits.id', 'in', ids).orderBy('visits.visited_at', 'desc').orderBy('visits.id', 'desc');
    return paged(rows, qb, p);
  },

  /** The newest contact (visit or call) per customer: what cadence and the public pool read. */
  async lastContacts(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    return db
      .selectFrom('visits')
      .select(['visits.customer_id', (eb) => eb.fn.max('visits.visited_at').as('last_at')])
      .where('visits.customer_id', 'in', [...new Set(customerIds)])
      .groupBy('visits.customer_id')
      .execute();
  },

  async insertReport(db: Q, row: Insertable<VisitReportTable>) {
    return (await db.insertInto('visit_reports').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async patchReport(db: Q, id: number, patch: Updateable<VisitReportTable>) {
    await db.updateTable('visit_reports').set(patch).where('id', '=', id).execute();
  },
  getReport: (db: Q, id: number) => reportRows(db).where('visit_reports.id', '=', id).executeTakeFirst(),
  reportsOfVisit: (db: Q, visitId: number) => reportRows(db).where('visit_reports.visit_id', '=', visitId).orderBy('visit_reports.id').execute(),

  async listReports(db: Q, actor: Actor, f: { customerId?: number; from?: string; to?: string }, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('visit_reports').innerJoin('visit_report_scope', 'visit_report_scope.id', 'visit_reports.id').where(scopeCondition(actor, RESOURCES.visit_report));
    if (f.customerId !== undefined) qb = qb.where('visit_reports.customer_id', '=', f.customerId);
    if (f.from) qb = qb.where('visit_reports.report_date', '>=', f.from);
    if (f.to) qb = qb.where('visit_reports.report_date', '<=', f.to);
    const ids = qb.select('visit_reports.id');
    const rows = reportRows(db).where('visit_reports.id', 'in', ids).orderBy('visit_reports.report_date', 'desc').orderBy('visit_reports.id', 'desc');
    return paged(rows, qb, p);
  },

  /** The scores of the reports in scope, with customer and region, for the averages. */
  scoresInScope(db: Q, actor: Actor, f: { customerId?: number; province?: string; city?: string; from?: string; to?: string }) {
    let qb = db
      .selectFrom('visit_reports')
      .innerJoin('visit_report_scope', 'visit_report_scope.id', 'visit_reports.id')
      .innerJoin('customer_directory as customers', 'customers.id', 'visit_reports.customer_id')
      .leftJoin('visit_customer_regions as region', 'region.customer_id', 'visit_reports.customer_id')
      .where(scopeCondition(actor, RESOURCES.visit_report))
      .select([
        'visit_reports.customer_id',
        'customers.name as customer_name',
        'region.province',
        'region.city',
        'visit_reports.report_date',
        'visit_reports.quality_score',
        'visit_reports.service_score',
        'visit_reports.brand_score',
      ]);
    if (f.customerId !== undefined) qb = qb.where('visit_reports.customer_id', '=', f.customerId);
    if (f.province) qb = qb.where('region.province', '=', f.province);
    if (f.city) qb = qb.where('region.city', '=', f.city);
    if (f.from) qb = qb.where('visit_reports.report_date', '>=', f.from);
    if (f.to) qb = qb.where('visit_reports.report_date', '<=', f.to);
    return qb.execute();
  },

  listTerritories: (db: Q) => territoryRows(db).orderBy('visit_territories.name').execute(),
  getTerritory: (db: Q, id: number) => territoryRows(db).where('visit_territories.id', '=', id).executeTakeFirst(),
  territoryByName: (db: Q, name: string) => db.selectFrom('visit_territories').select('id').where('name', '=', name).executeTakeFirst(),
  async insertTerritory(db: Q, row: Insertable<TerritoryTable>) {
    return (await db.insertInto('visit_territories').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async deleteTerritory(db: Q, id: number) {
    await db.deleteFrom('visit_territory_removals').where('territory_id', '=', id).execute();
    await db.deleteFrom('visit_territories').where('id', '=', id).execute();
  },

  /** The customers in scope inside any of the regions, with coordinates and any removal mark of this territory. */
  customersInRegions(db: Q, actor: Actor, territoryId: number, regions: Region[]) {
    if (!regions.length) return Promise.resolve([]);
    return db
      .selectFrom('customer_directory as customers')
      .innerJoin('visit_customer_regions as region', 'region.customer_id', 'customers.id')
      .leftJoin('visit_customer_locations as loc', 'loc.customer_id', 'customers.id')
      .leftJoin('visit_territory_removals as removal', (j) => j.onRef('removal.customer_id', '=', 'customers.id').on('removal.territory_id', '=', territoryId))
      .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
      .where(scopeCondition(actor, RESOURCES.customer))
      .where((eb) =>
        eb.or(
          regions.map((r) => {
            const conds = [eb('region.province', '=', r.province)];
            if (r.city) conds.push(eb('region.city', '=', r.city));
            if (r.district) conds.push(eb('region.district', '=', r.district));
            return eb.and(conds);
          }),
        ),
      )
      .select([
        'customers.id',
        'customers.name',
        'customers.archive_no',
        'customers.status',
        'customers.grade',
        'customers.owner_id',
        'owner.display_name as owner_name',
        'region.province',
        'region.city',
        'region.district',
        'loc.lat',
        'loc.lng',
        'removal.reason as removal_reason',
        'removal.created_at as removal_at',
      ])
      .orderBy('region.province')
      .orderBy('region.city')
      .orderBy('region.district')
      .orderBy('customers.name')
      .limit(5000)
      .execute();
  },

  async markRemoval(db: Q, row: { territory_id: number; customer_id: number; reason: string; marked_by: number; created_at: string }) {
    await db.deleteFrom('visit_territory_removals').where('territory_id', '=', row.territory_id).where('customer_id', '=', row.customer_id).execute();
    await db.insertInto('visit_territory_removals').values(row).execute();
  },
  async unmarkRemoval(db: Q, territoryId: number, customerId: number) {
    const r = await db.deleteFrom('visit_territory_removals').where('territory_id', '=', territoryId).where('customer_id', '=', customerId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  location: (db: Q, customerId: number) => db.selectFrom('visit_customer_locations').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),
  async setLocation(db: Q, row: Insertable<CustomerLocationTable>) {
    await db
      .insertInto('visit_customer_locations')
      .values(row)
      .onConflict((oc) => oc.column('customer_id').doUpdateSet({ lat: row.lat, lng: row.lng, source: row.source, visit_id: row.visit_id ?? null, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
  },
  /** Name and coordinates of these customers, only those the actor may see. */
  stops: (db: Q, actor: Actor, customerIds: number[]) =>
    db
      .selectFrom('customer_directory as customers')
      .leftJoin('visit_customer_locations as loc', 'loc.customer_id', 'customers.id')
      .leftJoin('visit_customer_regions as region', 'region.customer_id', 'customers.id')
      .where('customers.id', 'in', [...new Set(customerIds)])
      .where(scopeCondition(actor, RESOURCES.customer))
      .select(['customers.id', 'customers.name', 'customers.archive_no', 'region.address', 'loc.lat', 'loc.lng'])
      .execute(),
};
