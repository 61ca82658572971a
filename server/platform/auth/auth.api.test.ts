import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { ADMIN_PASSWORD, Client, USER_PASSWORD, createTestContext, createUser, json, login, type TestContext } from '../../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function setSetting(key: string, value: number) {
  const s = json(await ctx.admin.get('/api/settings')).groups.flatMap((g: any) => g.items).find((i: any) => i.key === key);
  expect((await ctx.admin.put(`/api/settings/${key}`, { value, version: s.version })).statusCode).toBe(200);
}

describe('sign-in', () => {
  it('signs in with the right password and answers who I am, in Chinese by default', async () => {
    const me = json(await ctx.admin.get('/api/auth/me'));
    expect(me.user).toMatchObject({ username: 'admin', displayName: '系统管理员', roles: ['admin'], scope: 'all' });
    const anon = new Client(ctx.app);
    const res = await anon.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('请先登录');
  });

  it('answers in English or Traditional Chinese when the browser asks', async () => {
    const en = await new Client(ctx.app, { 'accept-language': 'en-US,en;q=0.9' }).post('/api/auth/login', { username: 'admin', password: 'wrong-password' });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong username or password');
    const tw = await new Client(ctx.app, { 'accept-language': 'zh-TW' }).post('/api/auth/login', { username: 'admin', password: 'wrong-password' });
    expect(tw.json().error.message).toBe('使用者名稱或密碼錯誤');
  });

  it('sets an httpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await new Client(ctx.app).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const session = res.cookies.find((c) => c.name === 'gx_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    const csrf = res.cookies.find((c) => c.name === 'gx_csrf')!;
    expect(csrf.httpOnly).toBeFalsy();
    expect(json(res).csrfToken).toBe(csrf.value);
  });

  it('marks the session cookie Secure when served over HTTPS behind a trusted proxy', async () => {
    const plain = await new Client(ctx.app).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(plain.cookies.find((c) => c.name === 'gx_session')!.secure).toBeFalsy();
    const proxied = await buildApp({ config: { ...ctx.config, trustProxy: true }, db: ctx.db, clock: ctx.clock, logger: false });
    const res = await new Client(proxied.app, { 'x-forwarded-proto': 'https' }).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.cookies.find((c) => c.name === 'gx_session')!.secure).toBe(true);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    await proxied.app.close();
  });

  it('locks the account after the configured number of failures and unlocks after the lockout time', async () => {
    const user = await createUser(ctx, { username: 'lock.me', roles: ['specialist'] });
    const threshold = await ctx.services.settings.number('security.lockoutThreshold');
    expect(threshold).toBe(10);
    const c = new Client(ctx.app);
    for (let i = 1; i < threshold; i++) expect((await c.post('/api/auth/login', { username: 'lock.me', password: `wrong-${i}` })).statusCode).toBe(401);
    const locked = await c.post('/api/auth/login', { username: 'lock.me', password: 'wrong-last' });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('10 分钟');
    // Even the right password is refused while locked.
    expect((await c.post('/api/auth/login', { username: 'lock.me', password: USER_PASSWORD })).statusCode).toBe(423);
    ctx.clock.advance(10 * 60_000 + 1000);
    expect((await c.post('/api/auth/login', { username: 'lock.me', password: USER_PASSWORD })).statusCode).toBe(200);
    const audit = json(await ctx.admin.get(`/api/audit?actorId=${user.id}&action=login.failure&pageSize=50`));
    expect(audit.total).toBe(threshold + 1);
  });

  it('follows a changed lockout setting', async () => {
    await createUser(ctx, { username: 'lock.three', roles: ['specialist'] });
    const s = json(await ctx.admin.get('/api/settings')).groups.flatMap((g: any) => g.items).find((i: any) => i.key === 'security.lockoutThreshold');
    expect((await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 3, version: s.version })).statusCode).toBe(200);
    const c = new Client(ctx.app);
    expect((await c.post('/api/auth/login', { username: 'lock.three', password: 'bad-1' })).statusCode).toBe(401);
    expect((await c.post('/api/auth/login', { username: 'lock.three', password: 'bad-2' })).statusCode).toBe(401);
    expect((await c.post('/api/auth/login', { username: 'lock.three', password: 'bad-3' })).statusCode).toBe(423);
    await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 10, version: s.version + 1 });
  });

  it('rate-limits sign-in attempts per client address when the balancer is trusted', { timeout: 300_000 }, async () => {
    await setSetting('security.loginAttemptsPerIpPerMinute', 5);
    const limit = 5;
    const proxied = await buildApp({ config: { ...ctx.config, trustedProxies: ['10.0.0.2'] }, db: ctx.db, clock: ctx.clock, logger: false });
    try {
      ctx.clock.advance(60_000);
      const via = (client: string, i: number) =>
        proxied.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': client } });
      const statuses: number[] = [];
      for (let i = 0; i <= limit; i++) statuses.push((await via('203.0.113.9', i)).statusCode);
      expect(statuses.slice(0, limit).every((s) => s === 401)).toBe(true);
      expect(statuses[limit]).toBe(429);
      // Another client behind the same balancer is not affected.
      expect((await via('203.0.113.10', 0)).statusCode).toBe(401);
      // A forwarded address from anyone but the balancer is ignored: the sender's own address counts.
      const spoofed = await proxied.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '198.51.100.1' } });
      expect(spoofed.statusCode).toBe(429);
    } finally {
      ctx.clock.advance(60_000);
      await proxied.app.close();
      await setSetting('security.loginAttemptsPerIpPerMinute', 30);
    }
  });

  it('lets a whole office sign in through one untrusted balancer address, and still limits one account', { timeout: 600_000 }, async () => {
    ctx.clock.advance(60_000);
    const users = [];
    for (let i = 0; i < 16; i++) users.push((await createUser(ctx, { username: `office.${i}`, roles: ['specialist'] })).id);
    const statuses: number[] = [];
    for (let n = 0; n < 40; n++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `office.${n % 16}`, password: USER_PASSWORD }, remoteAddress: '10.0.0.2' });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Wrong passwords on one account through the same address are still stopped.
    const wrong: number[] = [];
    for (let i = 0; i < 10; i++) {
      wrong.push((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office.3', password: `wrong-${i}` }, remoteAddress: '10.0.0.2' })).statusCode);
    }
    expect(wrong.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(wrong[9]).toBe(423);
    // Guessing at one account is capped per account.
    await setSetting('security.loginAttemptsPerAccountPerMinute', 5);
    const perAccount = 5;
    const guesses: number[] = [];
    for (let i = 0; i <= perAccount; i++) {
      guesses.push((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'no.such.person', password: `x${i}` }, remoteAddress: '10.0.0.2' })).statusCode);
    }
    expect(guesses[perAccount]).toBe(429);
    // The others in the office are not locked out.
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office.4', password: USER_PASSWORD }, remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
    ctx.clock.advance(60_000);
    await setSetting('security.loginAttemptsPerAccountPerMinute', 20);
  });
});

describe('sessions', () => {
  it('rejects a state-changing request without or with a wrong CSRF token, and changes nothing', async () => {
    const without = await ctx.admin.post('/api/departments', { name: '法务部' }, { csrf: false });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf');
    const wrong = await ctx.admin.post('/api/departments', { name: '法务部' }, { csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    expect(json(await ctx.admin.get('/api/departments')).items.map((d: any) => d.name)).not.toContain('法务部');
    expect((await ctx.admin.post('/api/departments', { name: '法务部' })).statusCode).toBe(201);
  });

  it('refuses a sign-in post from an opaque origin', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD }, headers: { origin: 'null' } });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a cross-site sign-in post', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD }, headers: { origin: 'https://evil.example', host: 'crm.example' } });
    expect(res.statusCode).toBe(403);
  });

  it('kills the session on the server at logout', async () => {
    const c = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    const stolen = new Map(c.cookies);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const replay = new Client(ctx.app);
    replay.cookies = stolen;
    expect((await replay.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('stops a deactivated user’s sessions at once', async () => {
    const u = await createUser(ctx, { username: 'leaving.user', roles: ['specialist'] });
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(200);
    const res = await ctx.admin.post(`/api/users/${u.id}/deactivate`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(json(res).active).toBe(false);
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(401);
    const again = await new Client(ctx.app).post('/api/auth/login', { username: 'leaving.user', password: USER_PASSWORD });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.message).toBe('账号已停用');
    // Never deleted: the account and its name stay for history.
    expect(json(await ctx.admin.get(`/api/users/${u.id}`)).displayName).toBe('leaving.user');
  });

  it('ends a session after the idle timeout', async () => {
    const c = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    ctx.clock.advance(119 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(121 * 60_000);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('登录已过期，请重新登录');
    ctx.admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);
  });

  it('ends a session after the absolute timeout even when in use', async () => {
    const c = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    for (let i = 0; i < 13; i++) {
      ctx.clock.advance(60 * 60_000);
      const status = (await c.get('/api/auth/me')).statusCode;
      expect(status).toBe(i < 12 ? 200 : 401); // 12 hours by default
      if (status === 401) break;
    }
    ctx.admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);
  });
});

describe('passwords', () => {
  it('refuses short, common and username-based passwords with the field named', async () => {
    const u = await createUser(ctx, { username: 'pw.user', roles: ['specialist'] });
    for (const [pw, msg] of [
      ['short1', '密码至少需要 8 个字符'],
      ['password123', '密码过于常见，请换一个'],
      ['88888888', '密码过于常见，请换一个'],
      ['pw.user-2026', '密码不能包含用户名'],
    ]) {
      const res = await u.client.put('/api/auth/password', { currentPassword: USER_PASSWORD, newPassword: pw });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields).toContainEqual({ field: 'newPassword', message: msg });
    }
    expect((await u.client.put('/api/auth/password', { currentPassword: 'nope', newPassword: 'Brand-new-2026' })).statusCode).toBe(422);
    expect((await u.client.put('/api/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'Brand-new-2026' })).statusCode).toBe(204);
    expect((await new Client(ctx.app).post('/api/auth/login', { username: 'pw.user', password: 'Brand-new-2026' })).statusCode).toBe(200);
  });

  it('ends the user’s sessions when an administrator resets the password', async () => {
    const u = await createUser(ctx, { username: 'reset.me', roles: ['specialist'] });
    expect((await ctx.admin.post(`/api/users/${u.id}/reset-password`, { password: 'Temp-Pass-2026', mustChange: true })).statusCode).toBe(204);
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(401);
    const relogin = await login(ctx.app, 'reset.me', 'Temp-Pass-2026', {}, { firstSignIn: true });
    expect(json(await relogin.get('/api/auth/me')).user.mustChangePassword).toBe(true);
  });
});

describe('HTTP hygiene', () => {
  it('sends security headers and never caches personal data', async () => {
    const res = await ctx.admin.get('/api/users');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('masks staff phone numbers in lists', async () => {
    await ctx.admin.post('/api/users', { username: 'phone.user', displayName: '周九', password: USER_PASSWORD, phone: '13812341234', roles: [] });
    const list = json(await ctx.admin.get('/api/users?q=phone.user'));
    expect(list.items[0].phone).toBe('138****1234');
  });

  it('answers unknown API routes with a JSON 404 and bad ids with 404', async () => {
    const res = await ctx.admin.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await ctx.admin.get('/api/users/abc')).statusCode).toBe(404);
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    expect(json(await ctx.app.inject({ url: '/api/health' }))).toEqual({ status: 'ok' });
    expect(json(await ctx.app.inject({ url: '/api/ready' })).status).toBe('ready');
    // The API description is for signed-in users (PUBLIC_API_DOCS=true would open it).
    expect((await ctx.app.inject({ url: '/api/docs/json' })).statusCode).toBe(401);
    const doc = json(await ctx.admin.get('/api/docs/json'));
    expect(Object.keys(doc.paths)).toContain('/api/users/{id}');
    expect(doc.paths['/api/users'].post.requestBody).toBeTruthy();
  });
});
