import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The SQL behind an actor: a user's roles and the teams they supervise. */
type Q = Kysely<Database>;

export const actorQueries = {
  roleNames: async (db: Q, userId: number) => (await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role),
  supervisedTeamIds: async (db: Q, userId: number) => (await db.selectFrom('teams').select('id').where('supervisor_id', '=', userId).execute()).map((t) => t.id),
};
