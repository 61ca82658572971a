import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app';
import { openDatabase, type Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { bootstrap } from '../server/platform/auth/bootstrap';
import { ADMIN_PASSWORD, TestClock, createTeam, createUser, freshDatabase, json, login, registerTestDatabase, testConfig, type Client, type TestContext } from './harness';

/**
 * The SQL statements each hot path issues per request (issue 17 §2). On PostgreSQL every statement is a
 * network round trip, so a path that quietly gains one serves fewer requests: these are the counts after
 * the per-request work was cut (docs/performance.md, "Requests over HTTP"). A new statement on a hot path
 * must be a deliberate change of this table.
 */
const LIMITS = {
  /** session (with user, roles, teams, timeouts) + scope check + the record with its names */
  getCustomer: 3,
  /** session + page + total */
  list: 3,
  /** session + page + total (the search's own statements) */
  search: 3,
  /** session + one or two statements per to-do provider (the modules own them; the weekly plan, the
   * guests' birthdays and the care week came with issue 19); the settings are read once for all of them */
  todo: 22,
  /** session + scope + the complaint, its timeline, opinions, extensions, meeting, notices, breaches and
   * the calendar's change stamp (the state is derived from what the page reads anyway) */
  complaintDetail: 10,
  /** session + scope + read, update, audit in one transaction (the search document only when a searched field changes) + the record answered */
  update: 6,
} as const;

let ctx: TestContext;
let db: Db;
let drop: () => Promise<void>;
let specialist: { id: number; client: Client };
let customerId: number;
let complaintId: number;

/** The statements one request issued, with their SQL for the failure message. */
async function counted(send: () => Promise<{ statusCode: number; body: string }>, status = 200) {
  const c = db.statements!;
  c.reset();
  c.keep = true;
  const res = await send();
  c.keep = false;
  expect(res.statusCode, res.body).toBe(status);
  return { n: c.count, sql: c.sql.join('\n') };
}

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  const config = testConfig(fresh.database, fresh.dataDir);
  db = openDatabase(config.database, { countStatements: true });
  await migrateToLatest(db, MODULES);
  const clock = new TestClock();
  await bootstrap(db.kysely, clock, { username: 'admin', password: ADMIN_PASSWORD });
  const { app, services, built, routes } = await buildApp({ config, db, clock, logger: false });
  await app.ready();
  registerTestDatabase(app, db);
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  ctx = { app, db, services, built, routes, clock, config, admin, close: async () => undefined };
  const team = await createTeam(ctx, '华东一组');
  specialist = await createUser(ctx, { username: 'chen.jing', roles: ['specialist'], teamId: team, displayName: '陈静' });
  const customer = await specialist.client.post('/api/customers', { name: '杭州华远科技有限公司', province: '浙江省' });
  expect(customer.statusCode, customer.body).toBe(201);
  customerId = json(customer).id;
  const complaint = await admin.post('/api/complaints', {
    channel: 'hotline',
    complainantName: '刘女士',
    complainantPhone: '13912345678',
    content: '送货延误三天，要求给出说法。',
    category: '配送交付',
    severity: 'general',
    customerId,
  });
  expect(complaint.statusCode, complaint.body).toBe(201);
  complaintId = json(complaint).id;
});

afterAll(async () => {
  await ctx?.app.close();
  await db?.close();
  await drop?.();
});

describe('SQL statements per request on the hot paths', () => {
  it('an authenticated GET of one customer takes at most 3 statements, for the administrator and a specialist', async () => {
    for (const client of [ctx.admin, specialist.client]) {
      const r = await counted(() => client.get(`/api/customers/${customerId}`));
      expect(r.n, r.sql).toBeLessThanOrEqual(LIMITS.getCustomer);
    }
  });

  it('the opening list, a 2-character search, the to-do list and a complaint', async () => {
    // The complaint was taken by the administrator, who handles it.
    const cases: [keyof typeof LIMITS, string, Client][] = [
      ['list', '/api/customers?page=1&pageSize=20', specialist.client],
      ['search', `/api/customers?q=${encodeURIComponent('华远')}&page=1&pageSize=20`, specialist.client],
      ['todo', '/api/home/todo', specialist.client],
      ['complaintDetail', `/api/complaints/${complaintId}`, ctx.admin],
    ];
    for (const [key, url, client] of cases) {
      const r = await counted(() => client.get(url));
      expect(r.n, `${key}\n${r.sql}`).toBeLessThanOrEqual(LIMITS[key]);
    }
  });

  it('a customer update', async () => {
    const current = json(await specialist.client.get(`/api/customers/${customerId}`));
    const r = await counted(() => specialist.client.put(`/api/customers/${customerId}`, { version: current.version, address: '杭州市西湖区文三路90号' }));
    expect(r.n, r.sql).toBeLessThanOrEqual(LIMITS.update);
  });
});
