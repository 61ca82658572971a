import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

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
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
