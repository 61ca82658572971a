import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { containsText } from '../../db/search.queries';
import { paged } from '../../db/paging';

/** The only SQL of the organisation module; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export interface UserFilter {
  q?: string;
  departmentId?: number;
  teamId?: number;
  role?: string;
  active?: boolean;
}

const USER_SORT = {
  username: 'users.username',
  displayName: 'users.display_name',
  createdAt: 'users.created_at',
  lastLoginAt: 'users.last_login_at',
} as const;
export type UserSortField = keyof typeof USER_SORT;
export const USER_SORT_FIELDS = Object.keys(USER_SORT) as [UserSortField, ...UserSortField[]];

function userBase(db: Q, actor: Actor, f: UserFilter) {
  let qb = db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .where(scopeCondition(actor, RESOURCES.user));
  if (f.q) {
    const q = f.q;
    qb = qb.where((eb) => eb.or([containsText('users.username', q), containsText('users.display_name', q)]));
  }
  if (f.departmentId) qb = qb.where('users.department_id', '=', f.departmentId);
  if (f.teamId) qb = qb.where('users.team_id', '=', f.teamId);
  if (f.active !== undefined) qb = qb.where('users.active', '=', f.active ? 1 : 0);
  if (f.role) qb = qb.where('users.id', 'in', db.selectFrom('user_roles').select('user_id').where('role', '=', f.role));
  return qb;
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.department_id',
  'departments.name as department_name',
  'users.team_id',
  'teams.name as team_name',
  'users.email',
  'users.phone',
  'users.locale',
  'users.active',
  'users.last_login_at',
  'users.locked_until',
  'users.version',
  'users.created_at',
] as const;

export const orgQueries = {
  async listUsers(db: Q, actor: Actor, f: UserFilter, paging: { page: number; pageSize: number; sort: UserSortField; direction: 'asc' | 'desc' }) {
    const base = userBase(db, actor, f);
    return paged(
      base
        .select(userColumns)
        .orderBy(USER_SORT[paging.sort], paging.direction)
        .orderBy('users.id'),
      base,
      paging,
    );
  },

  async getUser(db: Q, id: number) {
    return db
      .selectFrom('users')
      .leftJoin('departments', 'departments.id', 'users.department_id')
      .leftJoin('teams', 'teams.id', 'users.team_id')
      .select(userColumns)
      .where('users.id', '=', id)
      .executeTakeFirst();
  },

  async userRow(db: Q, id: number) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async rolesOf(db: Q, userIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (userIds.length === 0) return out;
    const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute();
    for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role]);
    return out;
  },

  async usernameTaken(db: Q, username: string) {
    return !!(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());
  },

  async countActiveAdmins(db: Q, excludingUserId?: number) {
    let qb = db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .where('user_roles.role', '=', 'admin')
      .where('users.active', '=', 1);
    if (excludingUserId) qb = qb.where('users.id', '!=', excludingUserId);
    const r = await qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async listDepartments(db: Q, actor: Actor) {
    return db
      .selectFrom('departments')
      .leftJoin('users as head', 'head.id', 'departments.head_id')
      .selectAll('departments')
      .select('head.display_name as head_name')
      .where(scopeCondition(actor, RESOURCES.department))
      .orderBy('departments.sort_order')
      .orderBy('departments.id')
      .execute();
  },

  async getDepartment(db: Q, id: number) {
    return db
      .selectFrom('departments')
      .leftJoin('users as head', 'head.id', 'departments.head_id')
      .selectAll('departments')
      .select('head.display_name as head_name')
      .where('departments.id', '=', id)
      .executeTakeFirst();
  },

  async departmentNameTaken(db: Q, name: string, exceptId?: number) {
    let qb = db.selectFrom('departments').select('id').where('name', '=', name);
    if (exceptId) qb = qb.where('id', '!=', exceptId);
    return !!(await qb.executeTakeFirst());
  },

  teamBase(db: Q) {
    return db
      .selectFrom('teams')
      .innerJoin('departments', 'departments.id', 'teams.department_id')
      .leftJoin('users as supervisor', 'supervisor.id', 'teams.supervisor_id')
      .select([
        'teams.id',
        'teams.name',
        'teams.department_id',
        'departments.name as department_name',
        'teams.supervisor_id',
        'supervisor.display_name as supervisor_name',
        'teams.active',
        'teams.version',
      ]);
  },

  async listTeams(db: Q, actor: Actor, departmentId?: number) {
    let qb = this.teamBase(db).where(scopeCondition(actor, RESOURCES.team));
    if (departmentId) qb = qb.where('teams.department_id', '=', departmentId);
    return qb.orderBy('departments.sort_order').orderBy('teams.name').execute();
  },

  async getTeam(db: Q, id: number) {
    return this.teamBase(db).where('teams.id', '=', id).executeTakeFirst();
  },

  async teamNameTaken(db: Q, departmentId: number, name: string, exceptId?: number) {
    let qb = db.selectFrom('teams').select('id').where('department_id', '=', departmentId).where('name', '=', name);
    if (exceptId) qb = qb.where('id', '!=', exceptId);
    return !!(await qb.executeTakeFirst());
  },

  /** A new user with their roles; returns the id. */
  async insertUser(db: Q, values: Insertable<Database['users']>, roles: string[]): Promise<number> {
    const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: row.id, role }))).execute();
    return row.id;
  },
  async replaceRoles(db: Q, userId: number, roles: string[]): Promise<void> {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  },
  async updateUserRow(db: Q, id: number, patch: Updateable<Database['users']>): Promise<void> {
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
  },
  async insertDepartment(db: Q, values: Insertable<Database['departments']>): Promise<number> {
    return (await db.insertInto('departments').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async insertTeam(db: Q, values: Insertable<Database['teams']>): Promise<number> {
    return (await db.insertInto('teams').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  /** The members of a team follow it into another department. */
  async moveTeamMembers(db: Q, teamId: number, departmentId: number): Promise<void> {
    await db.updateTable('users').set({ department_id: departmentId }).where('team_id', '=', teamId).execute();
  },

  /** Where a user sits, for records they come to own: their team and department, and whether they are active. */
  placement: (db: Q, id: number) => db.selectFrom('users').select(['id', 'team_id', 'department_id', 'active', 'display_name', 'locale']).where('id', '=', id).executeTakeFirst(),
};

/**
 * A user's display name beside another module's rows, as a correlated look-up by primary key: other
 * modules read users through this instead of joining the table themselves. `userIdColumn` is the
 * qualified column holding the user id (e.g. 'customer_attachments.uploaded_by').
 */
export function userName(userIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(select un.display_name from users as un where un.id = ${sql.ref(userIdColumn)})`;
}

/**
 * How other modules read people and teams: by id, in batches, never by joining users, user_roles,
 * teams or departments themselves. Every function takes the db or the open transaction.
 */
export const people = {
  placement: orgQueries.placement,
  /** The given users (any order); unknown ids are left out. */
  byIds(db: Q, ids: number[]) {
    const unique = [...new Set(ids)];
    if (!unique.length) return Promise.resolve([]);
    return db.selectFrom('users').select(['id', 'username', 'display_name', 'email', 'locale', 'active', 'team_id', 'department_id', 'must_change_password']).where('id', 'in', unique).orderBy('id').execute();
  },
  async names(db: Q, ids: number[]): Promise<Map<number, string>> {
    return new Map((await people.byIds(db, ids)).map((u) => [u.id, u.display_name]));
  },
  /** Of these users, the active ones, optionally only those inside the actor's scope of colleagues. */
  async activeIds(db: Q, ids: number[], actor?: Actor): Promise<number[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    let qb = db.selectFrom('users').select('users.id').where('users.id', 'in', unique).where('users.active', '=', 1);
    if (actor) qb = qb.where(scopeCondition(actor, RESOURCES.user));
    return (await qb.orderBy('users.id').execute()).map((r) => r.id);
  },
  async inScope(db: Q, actor: Actor, userId: number): Promise<boolean> {
    return !!(await db.selectFrom('users').select('users.id').where('users.id', '=', userId).where(scopeCondition(actor, RESOURCES.user)).executeTakeFirst());
  },
  roleNames: async (db: Q, userId: number) => (await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role),
  /** Active holders of any of the roles, optionally within one department, in id order. */
  activeWithRoles(db: Q, roles: readonly string[], departmentId?: number) {
    let qb = db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.display_name', 'users.locale'])
      .distinct()
      .where('user_roles.role', 'in', [...roles])
      .where('users.active', '=', 1);
    if (departmentId !== undefined) qb = qb.where('users.department_id', '=', departmentId);
    return qb.orderBy('users.id').execute();
  },
  teamSupervisorId: async (db: Q, teamId: number) => (await db.selectFrom('teams').select('supervisor_id').where('id', '=', teamId).executeTakeFirst())?.supervisor_id ?? null,
  department: (db: Q, id: number) => db.selectFrom('departments').select(['id', 'name', 'head_id', 'active']).where('id', '=', id).executeTakeFirst(),
};
