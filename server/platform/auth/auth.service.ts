import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema';
import { type AuditService, actorInfo } from '../audit/audit.service';
import { AppError, errors } from '../http/errors';
import { type Actor, type RequestContext, actorFromRows, loadActor } from '../permissions/actor';
import type { SettingsService } from '../settings/settings.service';
import type { Clock } from '../time';
import { authQueries } from './auth.queries';
import { checkPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import type { RateLimiter } from './rate-limit';

export const SESSION_COOKIE = 'gx_session';
export const CSRF_COOKIE = 'gx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const token = () => crypto.randomBytes(32).toString('base64url');
/** last_seen_at is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;
/** The timeouts checked on every request, read within the session statement. */
const SESSION_SETTINGS = ['security.sessionIdleMinutes', 'security.sessionAbsoluteHours'] as const;

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
    /**
     * `ipTrusted`: the address is the client's own (TRUST_PROXY or TRUSTED_PROXIES is set). Otherwise it may
     * be a balancer's, shared by a whole office, so only the per-account limit applies.
     */
    async login(input: { username: string; password: string; ip: string | null; ipTrusted?: boolean; userAgent: string | null; requestId: string }): Promise<LoginResult> {
      const who = { actorId: null, actorName: null, ip: input.ip, requestId: input.requestId };
      const limited = async (key: string, perMinute: number) => (await rateLimiter.hit(key, 60)) > perMinute;
      if (input.ip && input.ipTrusted && (await limited(`login-ip:${input.ip}`, await settings.number('security.loginAttemptsPerIpPerMinute')))) {
        await audit.record(db, who, { action: 'login.rate_limited', entityType: 'session', summary: input.username });
        throw errors.rateLimited();
      }
      const account = input.username.trim().toLowerCase();
      if (await limited(`login-user:${account}`, await settings.number('security.loginAttemptsPerAccountPerMinute'))) {
        await audit.record(db, who, { action: 'login.rate_limited', entityType: 'session', summary: input.username });
        throw errors.rateLimited();
      }
      const now = clock.now();
      const user = await authQueries.userByUsername(db, input.username.trim());
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
        const failures = await authQueries.countFailedLogin(db, user.id);
        const lock = failures >= threshold;
        if (lock) await authQueries.lockUser(db, user.id, new Date(now.getTime() + lockMinutes * 60000).toISOString());
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
        await authQueries.insertSession(trx, {
            id: sessionId,
            user_id: user.id,
            csrf_token: csrfToken,
            created_at: now.toISOString(),
            last_seen_at: now.toISOString(),
            ip: input.ip,
            user_agent: input.userAgent?.slice(0, 300) ?? null,
        });
        await authQueries.markSignedIn(trx, user.id, now.toISOString());
        await audit.record(trx, userWho, { action: 'login.success', entityType: 'user', entityId: user.id });
      });
      return { sessionToken, csrfToken, actor: await loadActor(db, user, { sessionId, csrfToken }) };
    },

    /** The actor behind a session cookie, or an error saying why there is none. Enforces idle and absolute timeouts. */
    async authenticate(sessionToken: string | undefined): Promise<Actor> {
      if (!sessionToken) throw errors.unauthenticated();
      const sessionId = sha256(sessionToken);
      // One statement: session, user, roles, supervised teams and timeouts, read fresh on every request,
      // so a deactivation, a changed role or team and a changed timeout apply to the next request on every instance.
      const rows = await authQueries.sessionWithActor(db, sessionId, ...SESSION_SETTINGS);
      if (!rows.length) throw errors.unauthenticated('error.session_expired');
      const session = rows[0];
      const now = clock.now();
      const idleMs = settings.numberFrom(SESSION_SETTINGS[0], session.setting_0) * 60000;
      const absoluteMs = settings.numberFrom(SESSION_SETTINGS[1], session.setting_1) * 3600000;
      const lastSeen = new Date(session.last_seen_at).getTime();
      if (now.getTime() - lastSeen > idleMs || now.getTime() - new Date(session.created_at).getTime() > absoluteMs) {
        await authQueries.deleteSession(db, sessionId);
        throw errors.unauthenticated('error.session_expired');
      }
      if (session.active !== 1) {
        await authQueries.deleteUserSessions(db, session.user_id);
        throw errors.unauthenticated('error.session_expired');
      }
      if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
        await authQueries.touchSession(db, sessionId, now.toISOString());
      }
      const roles: string[] = [];
      const supervised: number[] = [];
      for (const r of rows) {
        if (r.role !== null && !roles.includes(r.role)) roles.push(r.role);
        if (r.supervised_team_id !== null && !supervised.includes(r.supervised_team_id)) supervised.push(r.supervised_team_id);
      }
      return actorFromRows({ id: session.user_id, ...session }, roles, supervised, { sessionId, csrfToken: session.csrf_token });
    },

    async logout(ctx: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await authQueries.deleteSession(trx, ctx.actor.sessionId);
        await audit.record(trx, actorInfo(ctx), { action: 'logout', entityType: 'user', entityId: ctx.actor.id });
      });
    },

    async changeOwnPassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
      const user = await authQueries.userById(db, ctx.actor.id);
      if (!user) throw errors.notFound();
      if (!(await verifyPassword(currentPassword, user.password_hash))) {
        throw errors.field('currentPassword', 'auth.wrong_current_password');
      }
      const problems = checkPasswordPolicy(newPassword, user.username, await settings.number('security.passwordMinLength'));
      if (currentPassword === newPassword) problems.push({ field: 'password', message: 'password.same_as_old' });
      if (problems.length) throw errors.validation(problems.map((p) => ({ ...p, field: 'newPassword' })));
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await authQueries.setOwnPassword(trx, user, hash, clock.now().toISOString());
        // Other sessions of this user end; the current one continues.
        await authQueries.deleteUserSessions(trx, user.id, ctx.actor.sessionId);
        await audit.record(trx, actorInfo(ctx), { action: 'password.change', entityType: 'user', entityId: user.id });
      });
    },

    async pruneSessions(): Promise<void> {
      const absoluteMs = (await settings.number('security.sessionAbsoluteHours')) * 3600000;
      const cutoff = new Date(clock.now().getTime() - absoluteMs).toISOString();
      await authQueries.deleteSessionsCreatedBefore(db, cutoff);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
