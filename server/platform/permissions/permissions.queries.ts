import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from './actor';
import { scopeCondition, type ScopedResource } from './scope';

/** The only SQL of actors and the single-record scope check; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export const permissionsQueries = {
  roleNames: async (db: Q, userId: number) => (await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role),
  supervisedTeamIds: async (db: Q, userId: number) => (await db.selectFrom('teams').select('id').where('supervisor_id', '=', userId).execute()).map((t) => t.id),
  /** True when the record exists and lies inside the actor's data scope. */
  async visible(db: Q, actor: Actor, res: ScopedResource, id: number): Promise<boolean> {
    const row = await (db as Kysely<any>).selectFrom(res.table).select(res.id).where(res.id, '=', id).where(scopeCondition(actor, res)).executeTakeFirst();
    return !!row;
  },
};
