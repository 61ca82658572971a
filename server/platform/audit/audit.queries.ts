import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { paged } from '../../db/paging';

export interface AuditFilter {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** The only SQL reading the audit log. */
export async function listAudit(db: Kysely<Database>, f: AuditFilter, paging: { page: number; pageSize: number }) {
  let base = db.selectFrom('audit_log');
  if (f.actorId) base = base.where('actor_id', '=', f.actorId);
  if (f.entityType) base = base.where('entity_type', '=', f.entityType);
  if (f.entityId) base = base.where('entity_id', '=', f.entityId);
  if (f.action) base = base.where('action', '=', f.action);
  if (f.from) base = base.where('at', '>=', new Date(f.from).toISOString());
  if (f.to) base = base.where('at', '<=', new Date(f.to).toISOString());
  return paged(base.selectAll().orderBy('id', 'desc'), base, paging);
}

/** Appends entries; pass the transaction so they commit or roll back with the change they describe. */
export async function insertAuditRows(db: Kysely<Database>, rows: Insertable<Database['audit_log']>[]): Promise<void> {
  if (rows.length) await db.insertInto('audit_log').values(rows).execute();
}

/** Display names of the people an audit page mentions (ids in changed values). */
export async function userNames(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)].filter((n) => Number.isInteger(n) && n > 0);
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
