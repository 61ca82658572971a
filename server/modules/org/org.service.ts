import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo, diff } from '../../platform/audit/audit.service';
import { authQueries } from '../../platform/auth/auth.queries';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/passwords';
import { AppError, errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { grantableRoles, type Role } from '../../platform/permissions/roles';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import { orgQueries as q, type UserFilter, type UserSortField } from './org.queries';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  departmentId?: number | null;
  teamId?: number | null;
  email?: string | null;
  phone?: string | null;
  roles: Role[];
}
export type UserPatch = Partial<Pick<UserInput, 'displayName' | 'departmentId' | 'teamId' | 'email' | 'phone'>> & { version: number };

const AUDITED_USER_FIELDS = ['username', 'display_name', 'department_id', 'team_id', 'email', 'phone', 'active'] as const;

/** Departments, teams and user accounts (docs/regulations.md §1; issue 2 §3). Users are deactivated, never deleted. */
export function createOrgService(deps: { db: Kysely<Database>; audit: AuditService; settings: SettingsService; clock: Clock }) {
  const { db, audit, settings, clock } = deps;
  const now = () => clock.now().toISOString();

  async function withRoles<T extends { id: number }>(rows: T[]) {
    const roles = await q.rolesOf(db, rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }));
  }

  /** A team fixes its department; a department alone clears a team from another department. */
  async function placement(departmentId: number | null | undefined, teamId: number | null | undefined) {
    if (teamId) {
      const team = await q.getTeam(db, teamId);
      if (!team) throw errors.field('teamId', 'error.not_found');
      if (departmentId && departmentId !== team.department_id) throw errors.field('teamId', 'org.team_wrong_department');
      return { department_id: team.department_id as number | null, team_id: teamId as number | null };
    }
    if (departmentId && !(await q.getDepartment(db, departmentId))) throw errors.field('departmentId', 'error.not_found');
    return { department_id: departmentId ?? null, team_id: null as number | null };
  }

  function assertGrantable(ctx: RequestContext, roles: Role[], field = 'roles') {
    const allowed = grantableRoles(ctx.actor.roles);
    const bad = roles.filter((r) => !allowed.has(r));
    if (bad.length) throw errors.field(field, 'user.cannot_grant_role');
  }

  async function passwordProblems(password: string, username: string) {
    return checkPasswordPolicy(password, username, await settings.number('security.passwordMinLength'));
  }

  return {
    async listUsers(ctx: RequestContext, f: UserFilter, paging: { page: number; pageSize: number; sort: UserSortField; direction: 'asc' | 'desc' }) {
      const { rows, total } = await q.listUsers(db, ctx.actor, f, paging);
      return { rows: await withRoles(rows), total };
    },

    async getUser(id: number) {
      const row = await q.getUser(db, id);
      if (!row) throw errors.notFound();
      return (await withRoles([row]))[0];
    },

    async createUser(ctx: RequestContext, input: UserInput) {
      assertGrantable(ctx, input.roles);
      const problems = await passwordProblems(input.password, input.username);
      if (problems.length) throw errors.validation(problems);
      if (await q.usernameTaken(db, input.username)) throw errors.conflict('user.username_taken', 'username');
      const place = await placement(input.departmentId, input.teamId);
      const hash = await hashPassword(input.password);
      const t = now();
      const id = await db.transaction().execute(async (trx) => {
        const values = {
          username: input.username,
          display_name: input.displayName,
          password_hash: hash,
          ...place,
          email: input.email ?? null,
          phone: input.phone ?? null,
          must_change_password: 1,
          password_changed_at: t,
          created_at: t,
          updated_at: t,
        };
        const userId = await q.insertUser(trx, values, input.roles);
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: 'user',
          entityId: userId,
          changes: { ...diff(null, values, [...AUDITED_USER_FIELDS]), roles: [null, input.roles] },
        });
        return userId;
      });
      return this.getUser(id);
    },

    async updateUser(ctx: RequestContext, id: number, patch: UserPatch) {
      const before = await q.userRow(db, id);
      if (!before) throw errors.notFound();
      const changes: Record<string, unknown> = {};
      if (patch.displayName !== undefined) changes.display_name = patch.displayName;
      if (patch.email !== undefined) changes.email = patch.email;
      if (patch.phone !== undefined) changes.phone = patch.phone;
      if (patch.departmentId !== undefined || patch.teamId !== undefined) {
        let teamId = patch.teamId !== undefined ? patch.teamId : before.team_id;
        if (patch.teamId === undefined && teamId && patch.departmentId !== undefined) {
          // Moving to another department without naming a team leaves the old department's team.
          const team = await q.getTeam(db, teamId);
          if (team?.department_id !== patch.departmentId) teamId = null;
        }
        const departmentId = patch.departmentId !== undefined ? patch.departmentId : teamId ? undefined : before.department_id;
        Object.assign(changes, await placement(departmentId, teamId));
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'users', id, patch.version, changes, now());
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'user', entityId: id, changes: diff(before, changes, [...AUDITED_USER_FIELDS]) });
      });
      return this.getUser(id);
    },

    async setRoles(ctx: RequestContext, id: number, roles: Role[], version: number) {
      const before = await this.getUser(id);
      const added = roles.filter((r) => !before.roles.includes(r));
      const removed = before.roles.filter((r) => !roles.includes(r as Role)) as Role[];
      assertGrantable(ctx, [...added, ...removed]);
      if (removed.includes('admin') && before.active === 1 && (await q.countActiveAdmins(db, id)) === 0) {
        throw errors.conflict('user.last_admin', 'roles');
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'users', id, version, {}, now());
        await q.replaceRoles(trx, id, roles);
        await audit.record(trx, actorInfo(ctx), {
          action: 'role.change',
          entityType: 'user',
          entityId: id,
          changes: { roles: [before.roles, [...roles].sort()] },
        });
      });
      return this.getUser(id);
    },

    async resetPassword(ctx: RequestContext, id: number, password: string, mustChange: boolean) {
      const user = await q.userRow(db, id);
      if (!user) throw errors.notFound();
      const problems = await passwordProblems(password, user.username);
      if (problems.length) throw errors.validation(problems);
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await q.updateUserRow(trx, id, {
          password_hash: hash,
          must_change_password: mustChange ? 1 : 0,
          password_changed_at: now(),
          failed_logins: 0,
          locked_until: null,
          version: user.version + 1,
          updated_at: now(),
        });
        await authQueries.deleteUserSessions(trx, id);
        await audit.record(trx, actorInfo(ctx), { action: 'password.reset', entityType: 'user', entityId: id });
      });
    },

    async setActive(ctx: RequestContext, id: number, active: boolean, version: number) {
      const before = await this.getUser(id);
      if (!active && id === ctx.actor.id) throw new AppError('validation', 'user.cannot_deactivate_self');
      if (!active && before.roles.includes('admin') && (await q.countActiveAdmins(db, id)) === 0) {
        throw errors.conflict('user.last_admin');
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'users', id, version, { active: active ? 1 : 0 }, now());
        // Deactivation ends every session of the user at once (issue 2 §4).
        if (!active) await authQueries.deleteUserSessions(trx, id);
        await audit.record(trx, actorInfo(ctx), {
          action: active ? 'activate' : 'deactivate',
          entityType: 'user',
          entityId: id,
          changes: { active: [before.active === 1, active] },
        });
      });
      return this.getUser(id);
    },

    async unlock(ctx: RequestContext, id: number) {
      await db.transaction().execute(async (trx) => {
        await q.updateUserRow(trx, id, { failed_logins: 0, locked_until: null });
        await audit.record(trx, actorInfo(ctx), { action: 'unlock', entityType: 'user', entityId: id });
      });
      return this.getUser(id);
    },

    listDepartments: (ctx: RequestContext) => q.listDepartments(db, ctx.actor),
    async getDepartment(id: number) {
      const d = await q.getDepartment(db, id);
      if (!d) throw errors.notFound();
      return d;
    },
    async createDepartment(ctx: RequestContext, input: { name: string; code?: string | null; sortOrder?: number; headId?: number | null }) {
      if (await q.departmentNameTaken(db, input.name)) throw errors.conflict('org.department_name_taken', 'name');
      if (input.headId && !(await q.userRow(db, input.headId))) throw errors.field('headId', 'error.not_found');
      const t = now();
      const values = { name: input.name, code: input.code ?? null, sort_order: input.sortOrder ?? 0, head_id: input.headId ?? null, created_at: t, updated_at: t };
      const id = await db.transaction().execute(async (trx) => {
        const departmentId = await q.insertDepartment(trx, values);
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'department', entityId: departmentId, changes: diff(null, values, ['name', 'code', 'sort_order', 'head_id']) });
        return departmentId;
      });
      return this.getDepartment(id);
    },
    async updateDepartment(ctx: RequestContext, id: number, patch: { name?: string; code?: string | null; sortOrder?: number; active?: boolean; headId?: number | null; version: number }) {
      const before = await this.getDepartment(id);
      if (patch.name !== undefined && (await q.departmentNameTaken(db, patch.name, id))) throw errors.conflict('org.department_name_taken', 'name');
      if (patch.headId && !(await q.userRow(db, patch.headId))) throw errors.field('headId', 'error.not_found');
      const changes: Record<string, unknown> = {};
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.code !== undefined) changes.code = patch.code;
      if (patch.sortOrder !== undefined) changes.sort_order = patch.sortOrder;
      if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
      if (patch.headId !== undefined) changes.head_id = patch.headId;
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'departments', id, patch.version, changes, now());
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'department', entityId: id, changes: diff(before, changes, ['name', 'code', 'sort_order', 'active', 'head_id']) });
      });
      return this.getDepartment(id);
    },

    listTeams: (ctx: RequestContext, departmentId?: number) => q.listTeams(db, ctx.actor, departmentId),
    async getTeam(id: number) {
      const t = await q.getTeam(db, id);
      if (!t) throw errors.notFound();
      return t;
    },
    async createTeam(ctx: RequestContext, input: { name: string; departmentId: number; supervisorId?: number | null }) {
      if (!(await q.getDepartment(db, input.departmentId))) throw errors.field('departmentId', 'error.not_found');
      if (input.supervisorId && !(await q.userRow(db, input.supervisorId))) throw errors.field('supervisorId', 'error.not_found');
      if (await q.teamNameTaken(db, input.departmentId, input.name)) throw errors.conflict('org.team_name_taken', 'name');
      const t = now();
      const values = { name: input.name, department_id: input.departmentId, supervisor_id: input.supervisorId ?? null, created_at: t, updated_at: t };
      const id = await db.transaction().execute(async (trx) => {
        const teamId = await q.insertTeam(trx, values);
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'team', entityId: teamId, changes: diff(null, values, ['name', 'department_id', 'supervisor_id']) });
        return teamId;
      });
      return this.getTeam(id);
    },
    async updateTeam(ctx: RequestContext, id: number, patch: { name?: string; departmentId?: number; supervisorId?: number | null; active?: boolean; version: number }) {
      const before = await this.getTeam(id);
      const departmentId = patch.departmentId ?? before.department_id;
      if (patch.departmentId !== undefined && !(await q.getDepartment(db, patch.departmentId))) throw errors.field('departmentId', 'error.not_found');
      if (patch.supervisorId && !(await q.userRow(db, patch.supervisorId))) throw errors.field('supervisorId', 'error.not_found');
      if (patch.name !== undefined && (await q.teamNameTaken(db, departmentId, patch.name, id))) throw errors.conflict('org.team_name_taken', 'name');
      const changes: Record<string, unknown> = {};
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.departmentId !== undefined) changes.department_id = patch.departmentId;
      if (patch.supervisorId !== undefined) changes.supervisor_id = patch.supervisorId;
      if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'teams', id, patch.version, changes, now());
        if (patch.departmentId !== undefined) await q.moveTeamMembers(trx, id, patch.departmentId);
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'team', entityId: id, changes: diff(before, changes, ['name', 'department_id', 'supervisor_id', 'active']) });
      });
      return this.getTeam(id);
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
