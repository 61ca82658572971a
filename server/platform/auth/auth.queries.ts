import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, User } from '../../db/schema';
import { prepared } from '../../db/prepared';

/** The only SQL of sign-in, sessions, rate limits and the first start; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export const authQueries = {
  userByUsername: (db: Q, username: string) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
  userById: (db: Q, id: number) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Atomic increment: failures arriving at several app instances at once all count. */
  async countFailedLogin(db: Q, userId: number): Promise<number> {
    const row = await db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return row.failed_logins;
  },
  async lockUser(db: Q, userId: number, until: string): Promise<void> {
    await db.updateTable('users').set({ failed_logins: 0, locked_until: until }).where('id', '=', userId).execute();
  },
  async markSignedIn(db: Q, userId: number, at: string): Promise<void> {
    await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: at }).where('id', '=', userId).execute();
  },
  async setOwnPassword(db: Q, user: Pick<User, 'id' | 'version'>, hash: string, at: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, password_changed_at: at, version: user.version + 1 })
      .where('id', '=', user.id)
      .execute();
  },
  userLocale: async (db: Q, id: number) => (await db.selectFrom('users').select('locale').where('id', '=', id).executeTakeFirst())?.locale,
  async setUserLocale(db: Q, id: number, locale: string): Promise<void> {
    await db.updateTable('users').set({ locale }).where('id', '=', id).execute();
  },

  async insertSession(db: Q, values: Insertable<Database['sessions']>): Promise<void> {
    await db.insertInto('sessions').values(values).execute();
  },
  session: (db: Q, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
  /**
   * Everything a request's authentication needs in one statement (on PostgreSQL every statement is a
   * round trip): the session, its user, the user's roles and supervised teams (one row per combination,
   * none when the session is unknown) and the stored session timeouts (null while the default holds).
   * Prepared: every request runs it, and building it cost more than running it.
   */
  sessionWithActor: prepared((db: Q, id: string, settingKey0: string, settingKey1: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
      .leftJoin('teams', 'teams.supervisor_id', 'users.id')
      .select([
        'sessions.user_id',
        'sessions.csrf_token',
        'sessions.created_at',
        'sessions.last_seen_at',
        'users.username',
        'users.display_name',
        'users.department_id',
        'users.team_id',
        'users.must_change_password',
        'users.active',
        'user_roles.role',
        'teams.id as supervised_team_id',
      ])
      .select((eb) => [
        eb.selectFrom('settings').select('value').where('key', '=', settingKey0).as('setting_0'),
        eb.selectFrom('settings').select('value').where('key', '=', settingKey1).as('setting_1'),
      ])
      .where('sessions.id', '=', id),
  ),
  async touchSession(db: Q, id: string, at: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  },
  async deleteSession(db: Q, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  /** Every session of the user, except `keepId` when given. */
  async deleteUserSessions(db: Q, userId: number, keepId?: string): Promise<void> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepId !== undefined) q = q.where('id', '!=', keepId);
    await q.execute();
  },
  async deleteSessionsCreatedBefore(db: Q, cutoff: string): Promise<void> {
    await db.deleteFrom('sessions').where('created_at', '<', cutoff).execute();
  },

  /** Fixed-window counter: the hits of the window including this one. */
  async rateLimitHit(db: Q, key: string, windowStart: string): Promise<number> {
    const row = await db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, hits: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    return row.hits;
  },
  async deleteRateLimitsBefore(db: Q, cutoff: string): Promise<void> {
    await db.deleteFrom('rate_limits').where('window_start', '<', cutoff).execute();
  },

  hasAnyUser: async (db: Q) => !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst()),
  hasAnyDepartment: async (db: Q) => !!(await db.selectFrom('departments').select('id').limit(1).executeTakeFirst()),
  async insertDepartments(db: Q, names: string[], at: string): Promise<void> {
    await db
      .insertInto('departments')
      .values(names.map((name, i) => ({ name, sort_order: i + 1, created_at: at, updated_at: at })))
      .execute();
  },
  async insertAdmin(db: Q, values: Insertable<Database['users']>): Promise<number> {
    const user = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: user.id, role: 'admin' }).execute();
    return user.id;
  },
};
