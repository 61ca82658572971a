import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { containsText } from '../../db/search';
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
};
