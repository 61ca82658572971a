import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { people } from '../org/org.queries';
import type { VisitCore } from './visits.core';
import { visitQueries as q, type TerritoryRow } from './visits.queries';
import { type DistanceMatrix, haversineMatrix, type LatLng, parseLatLng, pathLength, planRoute, type Region } from './visits.rules';

export interface TerritoryInput {
  name: string;
  ownerId: number;
  regions: Region[];
  notes?: string | null;
}

export const regionsOf = (t: TerritoryRow): Region[] => JSON.parse(t.regions) as Region[];

/** Territories, customer coordinates and day routes (docs/regulations.md §8, 001 篇5 四). */
export function createTerritoryUseCases(core: VisitCore) {
  const { db, audit, settings, now, visibleCustomer } = core;

  async function get(id: number) {
    const t = await q.getTerritory(db, id);
    if (!t) throw errors.notFound();
    return t;
  }

  async function assertOwner(ownerId: number) {
    if (!(await people.activeIds(db, [ownerId])).length) throw errors.field('ownerId', 'visits.owner_inactive');
  }
  async function assertName(name: string, except?: number) {
    const other = await q.territoryByName(db, name);
    if (other && other.id !== except) throw errors.conflict('visits.territory_name_taken', 'name');
  }

  /** Road distances from the OSRM table service; null when it cannot answer. */
  async function roadMatrix(base: string, points: LatLng[]): Promise<DistanceMatrix | null> {
    const doFetch = core.fetch ?? fetch;
    const coords = points.map((p) => `${p.lng},${p.lat}`).join(';');
    try {
      const res = await doFetch(`${base.replace(/\/+$/, '')}/table/v1/driving/${coords}?annotations=distance`, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) return null;
      const body = (await res.json()) as { code?: string; distances?: (number | null)[][] };
      const m = body.distances;
      if (body.code !== 'Ok' || !m || m.length !== points.length || m.some((row) => row.length !== points.length || row.some((d) => d == null))) return null;
      return m as number[][];
    } catch {
      return null;
    }
  }

  return {
    getTerritory: get,
    listTerritories: () => q.listTerritories(db),

    async createTerritory(ctx: RequestContext, input: TerritoryInput) {
      await assertOwner(input.ownerId);
      await assertName(input.name);
      const t0 = now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertTerritory(trx, { name: input.name, owner_id: input.ownerId, regions: JSON.stringify(input.regions), notes: input.notes ?? null, created_at: t0, updated_at: t0 });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'visit_territory', entityId: id, summary: input.name, changes: { ownerId: [null, input.ownerId], regions: [null, input.regions] } });
        return id;
      });
      return get(id);
    },

    async updateTerritory(ctx: RequestContext, id: number, input: Partial<TerritoryInput> & { version: number }) {
      const before = await get(id);
      if (input.ownerId !== undefined) await assertOwner(input.ownerId);
      if (input.name !== undefined) await assertName(input.name, id);
      const patch: Record<string, unknown> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.ownerId !== undefined) patch.owner_id = input.ownerId;
      if (input.regions !== undefined) patch.regions = JSON.stringify(input.regions);
      if (input.notes !== undefined) patch.notes = input.notes;
      const t0 = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'visit_territories', id, input.version, patch, t0);
        await audit.record(trx, actorInfo(ctx), {
          action: 'update',
          entityType: 'visit_territory',
          entityId: id,
          summary: input.name ?? before.name,
          changes: { ownerId: [before.owner_id, input.ownerId ?? before.owner_id], regions: [regionsOf(before), input.regions ?? regionsOf(before)] },
        });
      });
      return get(id);
    },

    async deleteTerritory(ctx: RequestContext, id: number) {
      const before = await get(id);
      await db.transaction().execute(async (trx) => {
        await q.deleteTerritory(trx, id);
        await audit.record(trx, actorInfo(ctx), { action: 'delete', entityType: 'visit_territory', entityId: id, summary: before.name });
      });
    },

    /** The territory's customers within the caller's scope, with coordinates, removal marks and counts per grade. */
    async territoryCustomers(ctx: RequestContext, id: number) {
      const t = await get(id);
      const rows = await q.customersInRegions(db, ctx.actor, id, regionsOf(t));
      return { territory: t, rows };
    },

    /** Marks a customer invalid for this territory, to be dropped from its visits (001 篇5 四). */
    async markRemoval(ctx: RequestContext, id: number, input: { customerId: number; reason: string }) {
      const t = await get(id);
      const customer = await visibleCustomer(ctx, input.customerId);
      const inside = (await q.customersInRegions(db, ctx.actor, id, regionsOf(t))).some((c) => c.id === input.customerId);
      if (!inside) throw errors.field('customerId', 'visits.not_in_territory');
      const t0 = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await q.markRemoval(trx, { territory_id: id, customer_id: input.customerId, reason: input.reason, marked_by: ctx.actor.id, created_at: t0 });
        await audit.record(trx, actorInfo(ctx), { action: 'removal.mark', entityType: 'visit_territory', entityId: id, summary: customer.name, changes: { customerId: [null, input.customerId], reason: [null, input.reason] } });
      });
    },

    async unmarkRemoval(ctx: RequestContext, id: number, customerId: number) {
      await get(id);
      const customer = await visibleCustomer(ctx, customerId);
      await db.transaction().execute(async (trx) => {
        if (!(await q.unmarkRemoval(trx, id, customerId))) throw errors.notFound();
        await audit.record(trx, actorInfo(ctx), { action: 'removal.unmark', entityType: 'visit_territory', entityId: id, summary: customer.name, changes: { customerId: [customerId, null] } });
      });
    },

    location: (customerId: number) => q.location(db, customerId),

    async setLocation(ctx: RequestContext, customerId: number, input: LatLng) {
      const before = await q.location(db, customerId);
      const t0 = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await q.setLocation(trx, { customer_id: customerId, lat: input.lat, lng: input.lng, source: 'manual', visit_id: null, updated_by: ctx.actor.id, updated_at: t0 });
        await audit.record(trx, actorInfo(ctx), {
          action: 'location',
          entityType: 'customer',
          entityId: customerId,
          changes: { lat: [before?.lat ?? null, input.lat], lng: [before?.lng ?? null, input.lng] },
        });
      });
      return q.location(db, customerId);
    },

    /**
     * A day route over on-site visits: nearest neighbour + 2-opt over straight-line distances, or over road
     * distances when an OSRM server is set and answers; when it does not, straight line with a warning.
     */
    async planRoute(ctx: RequestContext, input: { start?: LatLng | null; startCustomerId?: number | null; customerIds: number[] }) {
      const ids = [...new Set(input.customerIds)];
      const found = await q.stops(db, ctx.actor, ids);
      const byId = new Map(found.map((s) => [s.id, s]));
      const missing = ids.findIndex((i) => !byId.has(i));
      if (missing >= 0) throw errors.field(`customerIds.${missing}`, 'visits.customer_not_found');
      let start: LatLng | null = input.start ?? null;
      if (!start && input.startCustomerId != null) {
        await visibleCustomer(ctx, input.startCustomerId, 'startCustomerId');
        const loc = await q.location(db, input.startCustomerId);
        if (!loc) throw errors.field('startCustomerId', 'visits.no_location');
        start = { lat: loc.lat, lng: loc.lng };
      }
      start ??= parseLatLng(await settings.value<string>('visits.routeStart'));
      if (!start) throw errors.field('start', 'visits.start_required');
      const located = ids.map((i) => byId.get(i)!).filter((s) => s.lat != null && s.lng != null);
      const unlocated = ids.map((i) => byId.get(i)!).filter((s) => s.lat == null || s.lng == null);
      const points: LatLng[] = [start, ...located.map((s) => ({ lat: s.lat!, lng: s.lng! }))];
      const osrm = (await settings.value<string>('visits.osrmUrl')).trim();
      let matrix: DistanceMatrix | null = null;
      let warning: string | null = null;
      if (osrm && located.length) {
        matrix = await roadMatrix(osrm, points);
        if (!matrix) warning = 'visits.osrm_unreachable';
      }
      const distance: 'road' | 'straight' = matrix ? 'road' : 'straight';
      matrix ??= haversineMatrix(points);
      const order = planRoute(matrix);
      let at = 0;
      let cumulative = 0;
      const stops = order.map((i) => {
        const leg = matrix[at][i];
        cumulative += leg;
        at = i;
        const s = located[i - 1];
        return { customerId: s.id, name: s.name, archiveNo: s.archive_no, address: s.address ?? null, lat: s.lat!, lng: s.lng!, legM: Math.round(leg), cumulativeM: Math.round(cumulative) };
      });
      const tiles = (await settings.value<string>('visits.mapTilesUrl')).trim();
      return {
        start,
        stops,
        totalM: Math.round(pathLength(matrix, order)),
        inputOrderM: Math.round(pathLength(matrix, located.map((_, i) => i + 1))),
        distance,
        warning,
        unlocated: unlocated.map((s) => ({ customerId: s.id, name: s.name })),
        mapTiles: tiles || null,
      };
    },
  };
}
