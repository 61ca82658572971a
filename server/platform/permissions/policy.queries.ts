import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from './actor';
import { scopeCondition, type ScopedResource } from './scope';

/** The SQL of the single-record scope check. */
export async function visibleInScope(db: Kysely<Database>, actor: Actor, res: ScopedResource, id: number): Promise<boolean> {
  const row = await (db as Kysely<any>).selectFrom(res.table).select(res.id).where(res.id, '=', id).where(scopeCondition(actor, res)).executeTakeFirst();
  return !!row;
}
