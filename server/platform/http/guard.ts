import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService } from '../audit/audit.service';
import { CSRF_HEADER, SESSION_COOKIE, type AuthService } from '../auth/auth.service';
import type { Actor, RequestContext } from '../permissions/actor';
import { assertVisible, hasCapability } from '../permissions/policy';
import { AppError, errors } from './errors';
import { pickLang, type Lang } from './i18n';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: Actor | null;
    /** The request context for services; throws 401 on a public route without a session. */
    ctx(): RequestContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames, file://) or garbage: never same-origin
  }
}

function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/**
 * The one gate every /api request passes (issue 2 §5): language, authentication, CSRF,
 * the object-level scope check (404) and the capability check (403), in that order.
 */
export function createGuard(deps: { db: Kysely<Database>; auth: AuthService; audit: AuditService; publicApiDocs: boolean }) {
  const { db, auth, audit, publicApiDocs } = deps;

  return async function guard(request: FastifyRequest, _reply: FastifyReply) {
    request.lang = pickLang(request.cookies?.gx_lang, request.headers['accept-language']);
    request.actor = null;
    const route = request.routeOptions.url ?? '';
    if (request.is404 || !route.startsWith('/api/')) return;
    if (route.startsWith('/api/docs')) {
      // The API description names every route and field: for signed-in users unless made public (PUBLIC_API_DOCS).
      if (!publicApiDocs) request.actor = await auth.authenticate(request.cookies?.[SESSION_COOKIE]);
      return;
    }
    const policy = request.routeOptions.config?.policy;
    if (!policy) {
      // Fail closed: a route without a declared policy serves nobody.
      request.log.error({ url: request.routeOptions.url }, 'route has no permission policy');
      throw new AppError('forbidden', 'error.forbidden', [], {}, 500);
    }
    const unsafe = !SAFE_METHODS.has(request.method);
    if ('public' in policy) {
      if (unsafe) {
        // No session yet (sign-in): accept only same-origin browser requests.
        const origin = request.headers.origin;
        if (origin && originHost(origin) !== request.headers.host) throw errors.csrf();
      }
      const token = request.cookies?.[SESSION_COOKIE];
      if (token) request.actor = await auth.authenticate(token).catch(() => null);
      return;
    }
    const actor = await auth.authenticate(request.cookies?.[SESSION_COOKIE]);
    request.actor = actor;
    if (unsafe) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, actor.csrfToken)) throw errors.csrf();
    }
    // Until the initial or reset password is changed, the account may only change it (or sign out).
    if (actor.mustChangePassword && !policy.beforePasswordChange) throw errors.passwordChangeRequired();
    if (policy.resource) {
      const raw = (request.params as Record<string, string>)[policy.resource.param ?? 'id'];
      await assertVisible(db, actor, policy.resource.type, Number(raw));
    }
    if (policy.capability && !hasCapability(actor, policy.capability)) {
      await audit.record(db, { actorId: actor.id, actorName: actor.displayName, ip: request.ip, requestId: request.id }, {
        action: 'permission.denied',
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url}`,
        summary: policy.capability,
      });
      throw errors.forbidden();
    }
  };
}

export function requestContext(request: FastifyRequest): RequestContext {
  if (!request.actor) throw errors.unauthenticated();
  return { actor: request.actor, ip: request.ip ?? null, requestId: request.id, lang: request.lang };
}
