import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { LANGS } from '../http/i18n';
import { requestContext } from '../http/guard';
import type { Actor } from '../permissions/actor';
import { authQueries } from './auth.queries';
import { CSRF_COOKIE, SESSION_COOKIE, type AuthService } from './auth.service';
import { meResponse } from './auth.schemas';

function presentMe(actor: Actor, locale: string) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    capabilities: [...actor.capabilities],
    scope: actor.scope,
    departmentId: actor.departmentId,
    teamIds: actor.teamIds,
    locale,
    mustChangePassword: actor.mustChangePassword,
  };
}

function cookieOptions(req: FastifyRequest, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: req.protocol === 'https' };
}

function clearCookies(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req, true));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(req, false));
}

export async function authRoutes(root: FastifyInstance, deps: { auth: AuthService; db: Kysely<Database>; clientAddressTrusted?: boolean }) {
  const { auth, db } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth 登录'];
  const localeOf = async (id: number) =>
    (await authQueries.userLocale(db, id)) ?? 'zh-CN';

  app.post('/api/auth/login', {
    config: { policy: { public: true } },
    schema: {
      tags,
      body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
      response: { 200: meResponse },
    },
    handler: async (req, reply) => {
      const result = await auth.login({
        username: req.body.username,
        password: req.body.password,
        ip: req.ip ?? null,
        ipTrusted: deps.clientAddressTrusted ?? false,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions(req, true));
      reply.setCookie(CSRF_COOKIE, result.csrfToken, cookieOptions(req, false));
      return { user: presentMe(result.actor, await localeOf(result.actor.id)), csrfToken: result.csrfToken };
    },
  });

  app.post('/api/auth/logout', {
    config: { policy: { self: true, beforePasswordChange: true } },
    schema: { tags },
    handler: async (req, reply) => {
      await auth.logout(requestContext(req));
      clearCookies(req, reply);
      return reply.status(204).send();
    },
  });

  app.get('/api/auth/me', {
    config: { policy: { self: true, beforePasswordChange: true } },
    schema: { tags, response: { 200: meResponse } },
    handler: async (req) => {
      const ctx = requestContext(req);
      return { user: presentMe(ctx.actor, await localeOf(ctx.actor.id)), csrfToken: ctx.actor.csrfToken };
    },
  });

  app.put('/api/auth/password', {
    config: { policy: { self: true, beforePasswordChange: true } },
    schema: {
      tags,
      body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }).strict(),
    },
    handler: async (req, reply) => {
      await auth.changeOwnPassword(requestContext(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  });

  app.put('/api/auth/locale', {
    config: { policy: { self: true, beforePasswordChange: true } },
    schema: { tags, body: z.object({ locale: z.enum(LANGS as [string, ...string[]]) }).strict() },
    handler: async (req, reply) => {
      const ctx = requestContext(req);
      await authQueries.setUserLocale(db, ctx.actor.id, req.body.locale);
      reply.setCookie('gx_lang', req.body.locale, { ...cookieOptions(req, false), maxAge: 365 * 86400 });
      return reply.status(204).send();
    },
  });
}
