import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Department } from '../../db/schema';
import { requestContext } from '../../platform/http/guard';
import { idParams, maskPhone, page, parseSort } from '../../platform/http/schemas';
import { hasCapability } from '../../platform/permissions/policy';
import { isRole, type Role } from '../../platform/permissions/roles';
import type { UserSortField } from './org.queries';
import type { OrgService } from './org.service';
import * as s from './org.schemas';

type UserRow = Awaited<ReturnType<OrgService['getUser']>>;
type TeamRow = Awaited<ReturnType<OrgService['getTeam']>>;

/** Presenters: whitelist what leaves the server; phones masked unless the caller manages users. */
function presentUser(u: UserRow, revealPhone: boolean): z.infer<typeof s.userOut> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    departmentId: u.department_id,
    departmentName: u.department_name,
    teamId: u.team_id,
    teamName: u.team_name,
    email: u.email,
    phone: revealPhone ? u.phone : maskPhone(u.phone),
    locale: u.locale,
    active: u.active === 1,
    roles: u.roles.filter(isRole),
    lastLoginAt: u.last_login_at,
    lockedUntil: u.locked_until,
    version: u.version,
    createdAt: u.created_at,
  };
}
const presentDepartment = (d: Department & { head_name?: string | null }) => ({
  id: d.id,
  name: d.name,
  code: d.code,
  sortOrder: d.sort_order,
  active: d.active === 1,
  headId: d.head_id,
  headName: d.head_name ?? null,
  version: d.version,
});
const presentTeam = (t: TeamRow) => ({
  id: t.id,
  name: t.name,
  departmentId: t.department_id,
  departmentName: t.department_name,
  supervisorId: t.supervisor_id,
  supervisorName: t.supervisor_name,
  active: t.active === 1,
  version: t.version,
});

export async function orgRoutes(root: FastifyInstance, org: OrgService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const userTags = ['users 用户'];
  const orgTags = ['organisation 组织架构'];
  const userById = { type: 'user' as const };

  app.get('/api/users', {
    config: { policy: { capability: 'directory.read' } },
    schema: { tags: userTags, querystring: s.userListQuery, response: { 200: page(s.userOut) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, ...filter } = req.query;
      const order = parseSort(sort, 'username');
      const { rows, total } = await org.listUsers(requestContext(req), filter, {
        page: p,
        pageSize,
        sort: order.field as UserSortField,
        direction: order.direction,
      });
      return { items: rows.map((u) => presentUser(u, false)), total, page: p, pageSize };
    },
  });

  app.get('/api/users/:id', {
    config: { policy: { capability: 'directory.read', resource: userById } },
    schema: { tags: userTags, params: idParams, response: { 200: s.userOut } },
    handler: async (req) => presentUser(await org.getUser(req.params.id), hasCapability(requestContext(req).actor, 'users.manage')),
  });

  app.post('/api/users', {
    config: { policy: { capability: 'users.manage' } },
    schema: { tags: userTags, body: s.userCreate, response: { 201: s.userOut } },
    handler: async (req, reply) => reply.status(201).send(presentUser(await org.createUser(requestContext(req), req.body), true)),
  });

  app.put('/api/users/:id', {
    config: { policy: { capability: 'users.manage', resource: userById } },
    schema: { tags: userTags, params: idParams, body: s.userUpdate, response: { 200: s.userOut } },
    handler: async (req) => presentUser(await org.updateUser(requestContext(req), req.params.id, req.body), true),
  });

  app.put('/api/users/:id/roles', {
    config: { policy: { capability: 'users.manage', resource: userById } },
    schema: { tags: userTags, params: idParams, body: s.rolesUpdate, response: { 200: s.userOut } },
    handler: async (req) => presentUser(await org.setRoles(requestContext(req), req.params.id, req.body.roles as Role[], req.body.version), true),
  });

  app.post('/api/users/:id/reset-password', {
    config: { policy: { capability: 'users.manage', resource: userById } },
    schema: { tags: userTags, params: idParams, body: s.passwordReset },
    handler: async (req, reply) => {
      await org.resetPassword(requestContext(req), req.params.id, req.body.password, req.body.mustChange);
      return reply.status(204).send();
    },
  });

  for (const action of ['deactivate', 'activate'] as const) {
    app.post(`/api/users/:id/${action}`, {
      config: { policy: { capability: 'users.manage', resource: userById } },
      schema: { tags: userTags, params: idParams, body: s.versionOnly, response: { 200: s.userOut } },
      handler: async (req) => presentUser(await org.setActive(requestContext(req), req.params.id, action === 'activate', req.body.version), true),
    });
  }

  app.post('/api/users/:id/unlock', {
    config: { policy: { capability: 'users.manage', resource: userById } },
    schema: { tags: userTags, params: idParams, response: { 200: s.userOut } },
    handler: async (req) => presentUser(await org.unlock(requestContext(req), req.params.id), true),
  });

  app.get('/api/departments', {
    config: { policy: { capability: 'directory.read' } },
    schema: { tags: orgTags, response: { 200: z.object({ items: z.array(s.departmentOut) }) } },
    handler: async (req) => ({ items: (await org.listDepartments(requestContext(req))).map(presentDepartment) }),
  });
  app.get('/api/departments/:id', {
    config: { policy: { capability: 'directory.read', resource: { type: 'department' } } },
    schema: { tags: orgTags, params: idParams, response: { 200: s.departmentOut } },
    handler: async (req) => presentDepartment(await org.getDepartment(req.params.id)),
  });
  app.post('/api/departments', {
    config: { policy: { capability: 'org.manage' } },
    schema: { tags: orgTags, body: s.departmentCreate, response: { 201: s.departmentOut } },
    handler: async (req, reply) => reply.status(201).send(presentDepartment(await org.createDepartment(requestContext(req), req.body))),
  });
  app.put('/api/departments/:id', {
    config: { policy: { capability: 'org.manage', resource: { type: 'department' } } },
    schema: { tags: orgTags, params: idParams, body: s.departmentUpdate, response: { 200: s.departmentOut } },
    handler: async (req) => presentDepartment(await org.updateDepartment(requestContext(req), req.params.id, req.body)),
  });

  app.get('/api/teams', {
    config: { policy: { capability: 'directory.read' } },
    schema: {
      tags: orgTags,
      querystring: z.object({ departmentId: z.coerce.number().int().positive().optional() }).strict(),
      response: { 200: z.object({ items: z.array(s.teamOut) }) },
    },
    handler: async (req) => ({ items: (await org.listTeams(requestContext(req), req.query.departmentId)).map(presentTeam) }),
  });
  app.get('/api/teams/:id', {
    config: { policy: { capability: 'directory.read', resource: { type: 'team' } } },
    schema: { tags: orgTags, params: idParams, response: { 200: s.teamOut } },
    handler: async (req) => presentTeam(await org.getTeam(req.params.id)),
  });
  app.post('/api/teams', {
    config: { policy: { capability: 'org.manage' } },
    schema: { tags: orgTags, body: s.teamCreate, response: { 201: s.teamOut } },
    handler: async (req, reply) => reply.status(201).send(presentTeam(await org.createTeam(requestContext(req), req.body))),
  });
  app.put('/api/teams/:id', {
    config: { policy: { capability: 'org.manage', resource: { type: 'team' } } },
    schema: { tags: orgTags, params: idParams, body: s.teamUpdate, response: { 200: s.teamOut } },
    handler: async (req) => presentTeam(await org.updateTeam(requestContext(req), req.params.id, req.body)),
  });
}
