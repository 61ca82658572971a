import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema';
import { type AuditService, actorInfo } from '../audit/audit.service';
import { AppError, errors } from '../http/errors';
import { type Actor, type RequestContext, loadActor } from '../permissions/actor';
import type { SettingsService } from '../settings/settings.service';
import type { Clock } from '../time';
import { checkPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import type { RateLimiter } from './rate-limit';

export const SESSION_COOKIE = 'gx_session';
export const CSRF_COOKIE = 'gx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const token = () => crypto.randomBytes(32).toString('base64url');
/** last_seen_at is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  actor: Actor;
}

export function createAuthService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  settings: SettingsService;
  rateLimiter: RateLimiter;
  clock: Clock;
}) {
  const { db, audit, settings, rateLimiter, clock } = deps;

  return {
    async login(input: { username: string; password: string; ip: string | null; userAgent: string | null; requestId: string }): Promise<LoginResult> {
      const who = { actorId: null, actorName: null, ip: input.ip, requestId: input.requestId };
      const perMinute = await settings.number('security.loginAttemptsPerIpPerMinute');
      if (input.ip && (await rateLimiter.hit(`login-ip:${input.ip}`, 60)) > perMinute) {
        await audit.record(db, who, { action: 'login.rate_limited', entityType: 'session', summary: input.username });
        throw errors.rateLimited();
      }
      const now = clock.now();
      const user = await db.selectFrom('users').selectAll().where('username', '=', input.username.trim()).executeTakeFirst();
      if (!user) {
        await verifyPassword(input.password, await dummyPasswordHash());
        await audit.record(db, who, { action: 'login.failure', entityType: 'session', summary: `unknown user ${input.username}` });
        throw new AppError('unauthenticated', 'auth.invalid_credentials');
      }
      const userWho = { ...who, actorId: user.id, actorName: user.display_name };
      if (user.locked_until && new Date(user.locked_until) > now) {
        const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60000);
        await audit.record(db, userWho, { action: 'login.failure', entityType: 'user', entityId: user.id, summary: 'locked' });
        throw new AppError('rate_limited', 'auth.locked', [], { minutes }, 423);
      }
      const ok = await verifyPassword(input.password, user.password_hash);
      if (!ok) {
        const threshold = await settings.number('security.lockoutThreshold');
        const lockMinutes = await settings.number('security.lockoutMinutes');
        // Atomic increment: failures arriving at several app instances at once all count.
        const { failed_logins: failures } = await db
          .updateTable('users')
          .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
          .where('id', '=', user.id)
          .returning('failed_logins')
          .executeTakeFirstOrThrow();
        const lock = failures >= threshold;
        if (lock) {
          await db
            .updateTable('users')
            .set({ failed_logins: 0, locked_until: new Date(now.getTime() + lockMinutes * 60000).toISOString() })
            .where('id', '=', user.id)
            .execute();
        }
        await audit.record(db, userWho, {
          action: 'login.failure',
          entityType: 'user',
          entityId: user.id,
          summary: lock ? `wrong password; locked for ${lockMinutes} minutes` : `wrong password (${failures})`,
        });
        if (lock) throw new AppError('rate_limited', 'auth.locked', [], { minutes: lockMinutes }, 423);
        throw new AppError('unauthenticated', 'auth.invalid_credentials');
      }
      if (user.active !== 1) {
        await audit.record(db, userWho, { action: 'login.failure', entityType: 'user', entityId: user.id, summary: 'inactive' });
        throw new AppError('unauthenticated', 'auth.inactive');
      }
      const sessionToken = token();
      const csrfToken = token();
      const sessionId = sha256(sessionToken);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sessions')
          .values({
            id: sessionId,
            user_id: user.id,
            csrf_token: csrfToken,
            created_at: now.toISOString(),
            last_seen_at: now.toISOString(),
            ip: input.ip,
            user_agent: input.userAgent?.slice(0, 300) ?? null,
          })
          .execute();
        await trx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
          .where('id', '=', user.id)
          .execute();
        await audit.record(trx, userWho, { action: 'login.success', entityType: 'user', entityId: user.id });
      });
      return { sessionToken, csrfToken, actor: await loadActor(db, user, { sessionId, csrfToken }) };
    },

    /** The actor behind a session cookie, or an error saying why there is none. Enforces idle and absolute timeouts. */
    async authenticate(sessionToken: string | undefined): Promise<Actor> {
      if (!sessionToken) throw errors.unauthenticated();
      const sessionId = sha256(sessionToken);
      const session = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
      if (!session) throw errors.unauthenticated('error.session_expired');
      const now = clock.now();
      const idleMs = (await settings.number('security.sessionIdleMinutes')) * 60000;
      const absoluteMs = (await settings.number('security.sessionAbsoluteHours')) * 3600000;
      const lastSeen = new Date(session.last_seen_at).getTime();
      if (now.getTime() - lastSeen > idleMs || now.getTime() - new Date(session.created_at).getTime() > absoluteMs) {
        await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
        throw errors.unauthenticated('error.session_expired');
      }
      const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
      if (!user || user.active !== 1) {
        await db.deleteFrom('sessions').where('user_id', '=', session.user_id).execute();
        throw errors.unauthenticated('error.session_expired');
      }
      if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
        await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', sessionId).execute();
      }
      return loadActor(db, user, { sessionId, csrfToken: session.csrf_token });
    },

    async logout(ctx: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('id', '=', ctx.actor.sessionId).execute();
        await audit.record(trx, actorInfo(ctx), { action: 'logout', entityType: 'user', entityId: ctx.actor.id });
      });
    },

    async changeOwnPassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
      const user = await db.selectFrom('users').selectAll().where('id', '=', ctx.actor.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(currentPassword, user.password_hash))) {
        throw errors.field('currentPassword', 'auth.wrong_current_password');
      }
      const problems = checkPasswordPolicy(newPassword, user.username, await settings.number('security.passwordMinLength'));
      if (currentPassword === newPassword) problems.push({ field: 'password', message: 'password.same_as_old' });
      if (problems.length) throw errors.validation(problems.map((p) => ({ ...p, field: 'newPassword' })));
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, must_change_password: 0, password_changed_at: clock.now().toISOString(), version: user.version + 1 })
          .where('id', '=', user.id)
          .execute();
        // Other sessions of this user end; the current one continues.
        await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', ctx.actor.sessionId).execute();
        await audit.record(trx, actorInfo(ctx), { action: 'password.change', entityType: 'user', entityId: user.id });
      });
    },

    async pruneSessions(): Promise<void> {
      const absoluteMs = (await settings.number('security.sessionAbsoluteHours')) * 3600000;
      const cutoff = new Date(clock.now().getTime() - absoluteMs).toISOString();
      await db.deleteFrom('sessions').where('created_at', '<', cutoff).execute();
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
