import { spawnSync } from 'node:child_process';
import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, freshDatabase, json, login, type TestContext } from '../../test/harness';
import { isCreditCode, isPhone } from '../modules/customers/customers.rules';
import { DEMO_USERS, DemoRefusedError, demoPlan, generateDemo } from './demo';

// `npm run demo` (issue 3 §14), on SQLite and PostgreSQL.
const PASSWORD = 'Demo-Test-2026!';
let ctx: TestContext;
let result: Awaited<ReturnType<typeof generateDemo>>;

beforeAll(async () => {
  ctx = await createTestContext();
  result = await generateDemo(ctx.db, { customers: 60, seed: 11, password: PASSWORD, clock: ctx.clock });
});
afterAll(() => ctx.close());

const initials = (name: string) =>
  (pinyin([...name].filter((ch) => /\p{Script=Han}/u.test(ch)).join(''), { toneType: 'none', type: 'array', v: true }) as string[]).map((s) => s[0]).join('');

describe('demo data', () => {
  it('loads customers with contacts, teams and users in several roles', async () => {
    expect(result).toMatchObject({ customers: 60, password: PASSWORD });
    expect(result.contacts).toBeGreaterThanOrEqual(60);
    expect(result.contacts).toBeLessThanOrEqual(180);
    expect(result.users.map((u) => u.username)).toEqual(DEMO_USERS.map((u) => u.username));
    const list = json(await ctx.admin.get('/api/customers?pageSize=200'));
    expect(list.total).toBe(60);
    // Archive numbers follow creation time; completeness varies; values are valid Chinese identifiers.
    const byCreation = [...list.items].sort((a: any, b: any) => a.createdAt.localeCompare(b.createdAt));
    expect(byCreation.map((c: any) => c.archiveNo)).toEqual([...byCreation.map((c: any) => c.archiveNo)].sort());
    expect(new Set(list.items.map((c: any) => c.completeness)).size).toBeGreaterThan(3);
    expect(new Set(list.items.map((c: any) => c.status)).size).toBeGreaterThan(2);
    expect(new Set(list.items.map((c: any) => c.teamName)).size).toBeGreaterThan(2);
    const rows = await ctx.db.kysely.selectFrom('customers').select(['credit_code', 'phone']).execute();
    expect(rows.filter((r) => r.credit_code).every((r) => isCreditCode(r.credit_code!))).toBe(true);
    expect(rows.filter((r) => r.phone).every((r) => isPhone(r.phone!))).toBe(true);
    expect(rows.some((r) => r.credit_code)).toBe(true);
  });

  it('is found by pinyin initials, by two characters and through a contact', async () => {
    const customer = json(await ctx.admin.get('/api/customers?sort=archiveNo&pageSize=1')).items[0];
    const byInitials = json(await ctx.admin.get(`/api/customers?q=${initials(customer.name)}&pageSize=200`));
    expect(byInitials.items.map((c: any) => c.name)).toContain(customer.name);
    const brand = [...customer.name].slice(2, 4).join('');
    expect(json(await ctx.admin.get(`/api/customers?q=${encodeURIComponent(brand)}&pageSize=200`)).items.map((c: any) => c.name)).toContain(customer.name);
    const contact = json(await ctx.admin.get(`/api/customers/${customer.id}/contacts`)).items[0];
    const byContact = json(await ctx.admin.get(`/api/customers?q=${initials(contact.name)}&pageSize=200`));
    expect(byContact.items.map((c: any) => c.id)).toContain(customer.id);
  });

  it('gives demo users their scope: a specialist sees only own customers', async () => {
    const specialist = DEMO_USERS.find((u) => u.roles.includes('specialist'))!;
    const client = await login(ctx.app, specialist.username, PASSWORD);
    const mine = json(await client.get('/api/customers?pageSize=200'));
    expect(mine.total).toBeLessThan(60);
    expect(mine.items.every((c: any) => c.ownerName === specialist.displayName)).toBe(true);
  });

  it('refuses a second run on an archive that has customers', async () => {
    await expect(generateDemo(ctx.db, { customers: 5, password: PASSWORD })).rejects.toBeInstanceOf(DemoRefusedError);
    expect(json(await ctx.admin.get('/api/customers')).total).toBe(60);
  });

  it('is reproducible: the same seed plans the same data', () => {
    expect(demoPlan({ customers: 50, seed: 3 })).toEqual(demoPlan({ customers: 50, seed: 3 }));
    expect(demoPlan({ customers: 50, seed: 3 })).not.toEqual(demoPlan({ customers: 50, seed: 4 }));
  });

  it('`npm run demo` loads a new database, prints the password, and refuses to run twice', async () => {
    const fresh = await freshDatabase();
    try {
      const env = {
        ...process.env,
        ...(fresh.database.kind === 'sqlite' ? { DATA_DIR: fresh.dataDir, DATABASE_URL: '' } : { DATABASE_URL: fresh.database.url }),
        GUANXI_DEMO_CUSTOMERS: '25',
        GUANXI_DEMO_PASSWORD: '',
        GUANXI_ADMIN_PASSWORD: 'Admin-Pass-2026!',
        LOG_LEVEL: 'silent',
      };
      const first = spawnSync('npm', ['run', '--silent', 'demo'], { env, encoding: 'utf8' });
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain('25 客户 customers');
      expect(first.stdout).toContain('Demo-2026!');
      const second = spawnSync('npm', ['run', '--silent', 'demo'], { env, encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('already has customers');
    } finally {
      await fresh.drop();
    }
  });
});
