import { spawnSync } from 'node:child_process';
import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, freshDatabase, json, login, type TestContext } from '../../test/harness';
import { isCreditCode, isPhone } from '../modules/customers/customers.rules';
import { DEMO_USERS, DemoRefusedError, demoPlan, generateDemo } from './demo';
import { PURCHASE_PER_STAFF } from './demo-data';

// `npm run demo` (issue 3 §14), on SQLite and PostgreSQL.
const PASSWORD = 'Demo-Test-2026!';
let ctx: TestContext;
let result: Awaited<ReturnType<typeof generateDemo>>;

let at: Date;
const TABLES = ['contracts', 'transactions', 'transaction_returns', 'complaints', 'prospects', 'development_plans', 'maintenance_plans', 'evaluations', 'credit_risks', 'credit_surveys', 'individual_customers', 'reception_visits', 'reception_tours', 'reception_banquets', 'visits', 'visit_reports', 'visit_territories', 'grade_changes', 'memberships', 'membership_points', 'credit_receivables', 'credit_rating_changes', 'survey_responses', 'cadence_tasks', 'pool_events', 'guest_stays', 'projects', 'project_milestones', 'project_changes', 'project_plan_versions'] as const;
const countsOf = async (c: TestContext) => {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await c.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
};
let counts: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  at = ctx.clock.now();
  result = await generateDemo(ctx.db, { customers: 60, seed: 11, password: PASSWORD, clock: { now: () => at } });
  counts = await countsOf(ctx);
}, 300_000);
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

  it('has rows in every module\'s main list for the demo roles', async () => {
    const lists: [string, string[]][] = [
      ['zhou.min', ['/api/customers', '/api/contracts', '/api/transactions', '/api/transaction-returns', '/api/complaints', '/api/prospects', '/api/development-plans', '/api/research-plans', '/api/maintenance-plans', '/api/evaluations', '/api/credit-risks', '/api/individual-customers', '/api/projects']],
      ['qian.hui', ['/api/contracts', '/api/transactions']],
      ['wang.lei', ['/api/customers', '/api/complaints', '/api/prospects']],
      ['zheng.haiyan', ['/api/customers', '/api/complaints', '/api/maintenance-plans', '/api/evaluations']],
      ['zhao.qiang', ['/api/customers', '/api/prospects', '/api/transactions']],
    ];
    for (const [username, urls] of lists) {
      const client = await login(ctx.app, username, PASSWORD);
      for (const url of urls) {
        const res = await client.get(`${url}?pageSize=5`);
        expect(res.statusCode, `${username} ${url}: ${res.body}`).toBe(200);
        expect(json(res).total, `${username} ${url}`).toBeGreaterThan(0);
      }
    }
    // Every state the regulations name shows up somewhere.
    const director = await login(ctx.app, 'zhou.min', PASSWORD);
    const contracts = json(await director.get('/api/contracts?pageSize=200')).items.map((c: any) => c.status);
    expect(new Set(contracts)).toEqual(new Set(['draft', 'pending', 'effective', 'expired', 'terminated']));
    const complaints = json(await director.get('/api/complaints?pageSize=200')).items;
    expect(new Set(complaints.map((c: any) => c.severity))).toEqual(new Set(['general', 'major', 'serious']));
    expect(complaints.some((c: any) => c.status === 'closed')).toBe(true);
    expect(json(await director.get('/api/complaints?overdue=true')).total).toBeGreaterThan(0);
    const evaluations = json(await director.get('/api/evaluations?pageSize=200')).items;
    expect(new Set(evaluations.map((e: any) => e.recommendation))).toEqual(new Set(['maintain', 'improve', 'terminate']));
    expect(evaluations.some((e: any) => e.status === 'confirmed')).toBe(true);
    const plans = json(await director.get('/api/development-plans?pageSize=200')).items.map((p: any) => p.status);
    expect(new Set(plans)).toEqual(new Set(['draft', 'pending', 'approved', 'returned', 'rejected']));
    const projects = json(await director.get('/api/projects?pageSize=200')).items;
    expect(new Set(projects.map((p: any) => p.status))).toEqual(new Set(['active', 'closed']));
    expect(projects.some((p: any) => p.planVersion === 2)).toBe(true); // a change request approved
  });

  it('fills reception and visits: tours in several states, scored reports with averages, territories with located customers', async () => {
    const director = await login(ctx.app, 'zhou.min', PASSWORD);
    const visitors = json(await director.get('/api/reception/visits?pageSize=200'));
    expect(visitors.total).toBeGreaterThan(10);
    expect(visitors.items.some((v: any) => v.departedAt === null)).toBe(true); // someone is still on site
    const records = json(await director.get('/api/reception/records?pageSize=200')).items;
    expect(new Set(records.map((r: any) => r.outcome))).toEqual(new Set(['resolved', 'promised', 'sales', 'unresolved']));
    expect(records.filter((r: any) => r.outcome === 'promised').every((r: any) => r.taskId !== null)).toBe(true);
    const tours = json(await director.get('/api/reception/tours?pageSize=200')).items;
    const tourStates = new Set(tours.map((t: any) => t.status));
    for (const state of ['pending', 'approved', 'in_progress', 'completed', 'rejected']) expect(tourStates, state).toContain(state);
    expect(tours.filter((t: any) => t.status === 'approved' || t.status === 'completed').every((t: any) => /^CG\d{4}-\d{4}$/.test(t.permitNo))).toBe(true);
    // The manager has approved one: it waits for the 总经理 (张军), who is in the general_manager group.
    const gm = await login(ctx.app, 'zhang.jun', PASSWORD);
    expect(json(await gm.get('/api/approvals/queue')).items.some((r: any) => r.documentType === 'reception_tour')).toBe(true);
    const banquets = json(await director.get('/api/reception/banquets?pageSize=200')).items;
    expect(banquets.some((b: any) => b.emergency && b.heldAt && b.status === 'approved')).toBe(true);

    const visits = json(await director.get('/api/visits?pageSize=200'));
    expect(visits.total).toBeGreaterThan(30);
    expect(new Set(visits.items.map((v: any) => v.method))).toEqual(new Set(['on_site', 'phone', 'email']));
    expect(visits.items.some((v: any) => v.kind === 'call')).toBe(true);
    expect(visits.items.filter((v: any) => v.method === 'on_site').every((v: any) => v.checkIn?.lat > 18 && v.checkIn?.lat < 54)).toBe(true);
    expect(json(await director.get('/api/visit-reports?pageSize=5')).total).toBeGreaterThan(3);
    const byProvince = json(await director.get('/api/visit-reports/averages?by=province'));
    expect(byProvince.rows.length).toBeGreaterThan(1);
    expect(byProvince.overall.average).toBeGreaterThan(50);
    expect(byProvince.overall.average).toBeLessThanOrEqual(100);
    const territories = json(await director.get('/api/territories')).items;
    expect(territories.length).toBeGreaterThanOrEqual(4);
    expect(territories.every((t: any) => t.ownerName)).toBe(true);
    let located = 0;
    let inside = 0;
    for (const t of territories) {
      const { items } = json(await director.get(`/api/territories/${t.id}/customers`));
      inside += items.length;
      located += items.filter((c: any) => c.lat !== null).length;
    }
    expect(inside).toBeGreaterThan(10);
    expect(located).toBeGreaterThan(0);
    // visit plans in each state, one submitted late, approved ones partly done
    const plans = json(await director.get('/api/visit-plans')).items;
    expect(new Set(plans.map((p: any) => p.status))).toEqual(new Set(['approved', 'returned', 'pending', 'draft']));
    expect(plans.filter((p: any) => p.late)).toHaveLength(1);
    expect(plans.some((p: any) => p.status === 'approved' && p.doneCount > 0)).toBe(true);
  });

  it('gives a director the customers\' value: grades to decide and in the archive, members in several tiers, overdue receivables that lowered ratings, an answered survey', async () => {
    const director = await login(ctx.app, 'zhou.min', PASSWORD);
    // Grading (docs/regulations.md §3): proposals still open on the board, most confirmed into the archive.
    const board = json(await director.get('/api/grading/board?pageSize=100'));
    expect(board.total).toBeGreaterThan(0);
    expect(board.items.every((r: any) => r.proposedGrade && r.reason && r.currentGrade !== r.proposedGrade)).toBe(true);
    const graded = (await Promise.all(['A', 'B', 'C'].map(async (g) => json(await director.get(`/api/customers?grade=${g}&pageSize=1`)).total as number))).reduce((a, b) => a + b, 0);
    expect(graded).toBeGreaterThan(board.total);
    expect(graded + board.total).toBeLessThanOrEqual(60);
    const history = await Promise.all(json(await director.get('/api/customers?grade=A&pageSize=20')).items.map(async (c: any) => json(await director.get(`/api/customers/${c.id}/grade`)).history));
    expect(history.flat().every((h: any) => h.actorName && h.reason)).toBe(true);
    // Membership: company members and VIP guests spread over at least three tiers.
    const tiers = json(await director.get('/api/members/distribution'));
    const spread = tiers.tiers.filter((t: any) => t.count > 0);
    expect(spread.length, JSON.stringify(tiers)).toBeGreaterThanOrEqual(3);
    expect(json(await director.get('/api/members?holder=individual&pageSize=1')).total).toBeGreaterThan(0);
    // Credit: overdue receivables, and a customer whose rating they lowered, with the history saying why.
    const finance = await login(ctx.app, 'qian.hui', PASSWORD);
    const overdue = json(await finance.get('/api/credit-receivables?overdue=true&pageSize=200'));
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.some((r: any) => r.overdueDays > 90)).toBe(true);
    expect(json(await finance.get('/api/credit-receivables?pageSize=1')).total).toBeGreaterThan(overdue.total * 3);
    const lowered = [];
    for (const id of [...new Set(overdue.items.map((r: any) => r.customerId))]) {
      const credit = json(await director.get(`/api/customers/${id}/credit`));
      if (credit.adjustment?.levelsDown > 0) lowered.push(credit);
    }
    expect(lowered.length).toBeGreaterThan(0);
    expect(lowered[0].ratingHistory.some((h: any) => h.levelsDown > 0 && h.reason.includes('逾期'))).toBe(true);
    // One request to end cooperation from a 终止关系 evaluation, waiting for its approvers.
    const terminate = json(await director.get('/api/evaluations?pageSize=200')).items.filter((e: any) => e.recommendation === 'terminate');
    const requests = await Promise.all(terminate.map(async (e: any) => json(await director.get(`/api/evaluations/${e.id}/end-cooperation`))));
    expect(requests.filter((r: any) => r.request?.status === 'pending')).toHaveLength(1);
    // Satisfaction survey: a closed campaign with answers and an index.
    const campaigns = json(await director.get('/api/survey-campaigns?pageSize=20')).items;
    const closed = campaigns.find((c: any) => c.status === 'closed');
    expect(closed).toBeDefined();
    expect(closed.responses).toBeGreaterThan(0);
    expect(closed.index).not.toBeNull();
  });

  it('fills the cadence, the pool and guest stays: in time, due and overdue for several people, moved customers with reasons, claims, met and not-yet-met guests', async () => {
    const director = await login(ctx.app, 'zhou.min', PASSWORD);
    const view = json(await director.get('/api/cadence/compliance'));
    expect(view.totals.inTime, JSON.stringify(view.totals)).toBeGreaterThan(0);
    expect(view.totals.due).toBeGreaterThan(0);
    expect(view.totals.overdue).toBeGreaterThan(0);
    expect(view.byPerson.filter((p: any) => p.overdue > 0).length).toBeGreaterThanOrEqual(2);
    expect(await ctx.db.kysely.selectFrom('tasks').select('id').where('source', '=', 'cadence').execute()).not.toHaveLength(0);
    // The pool: customers moved with the rule's reason, a few claimed back by people of the department.
    const events = await ctx.db.kysely.selectFrom('pool_events').select(['kind', 'reason']).execute();
    expect(events.some((e) => e.kind === 'reminded')).toBe(true);
    expect(events.filter((e) => e.kind === 'released').length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.kind === 'released').every((e) => e.reason.length > 4)).toBe(true);
    expect(events.filter((e) => e.kind === 'claimed').length).toBeGreaterThanOrEqual(1);
    const pools = json(await director.get('/api/pools'));
    const inPools = await Promise.all(pools.map(async (p: any) => json(await director.get(`/api/pools/${p.id}/customers?pageSize=5`)).total as number));
    expect(inPools.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(0);
    // Guest stays: met ones and the ones checked in today still to be met by their keeper.
    const guests = json(await director.get('/api/individual-customers?pageSize=50')).items;
    const stays = (await Promise.all(guests.map(async (g: any) => json(await director.get(`/api/individual-customers/${g.id}/stays`)).items))).flat();
    expect(stays.filter((s: any) => s.meeting === 'met').length).toBeGreaterThan(3);
    expect(stays.filter((s: any) => s.meeting === 'open')).toHaveLength(2);
    expect(stays.filter((s: any) => s.meeting === 'open').every((s: any) => s.keeperName && s.taskId)).toBe(true);
  });

  it('shows churn risks with their reasons, a customer recorded as lost and RFM segments (docs/regulations.md §16)', async () => {
    const director = await login(ctx.app, 'zhou.min', PASSWORD);
    const risks = json(await director.get('/api/loyalty/churn-risks')).rows;
    expect(risks.length).toBeGreaterThan(0);
    expect(risks.filter((r: any) => r.reason).length).toBeGreaterThan(0);
    expect(risks.every((r: any) => r.monthsSince >= 6 && r.taskId)).toBe(true);
    const lost = json(await director.get('/api/customers?status=lost&pageSize=100')).items;
    const histories = await Promise.all(lost.map(async (c: any) => json(await director.get(`/api/customers/${c.id}/history`)).items));
    expect(histories.flat().some((h: any) => h.summary?.startsWith('确认流失'))).toBe(true);
    const rfm = json(await director.get('/api/loyalty/rfm')).rows;
    expect(new Set(rfm.map((r: any) => r.segment)).size).toBeGreaterThanOrEqual(4);
  });

  it('sends a development plan through the department head to the 经理办公会 with no administrator change', async () => {
    const specialist = await login(ctx.app, 'li.na', PASSWORD);
    const created = await specialist.post('/api/development-plans', {
      title: '下月客户开发计划',
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      targets: [{ customerName: '宁波甬达机械有限公司' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const submitted = await specialist.post(`/api/development-plans/${json(created).id}/submit`, { version: json(created).version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approval = async () => json(await specialist.get(`/api/approvals?documentType=development_plan&documentId=${json(created).id}`)).request;
    let req = await approval();
    expect(req.currentApprovers.map((a: any) => a.name ?? a.displayName)).toEqual(['周敏']);
    const head = await login(ctx.app, 'zhou.min', PASSWORD);
    expect((await head.post(`/api/approvals/${req.id}/actions`, { action: 'approve', version: req.version })).statusCode).toBe(200);
    req = await approval();
    expect(req.currentStepKey).toBe('management_meeting');
    expect(req.currentApprovers.length).toBeGreaterThan(1);
    const member = await login(ctx.app, 'zhang.jun', PASSWORD);
    expect(json(await member.get('/api/approvals/queue')).items.map((r: any) => r.id)).toContain(req.id);
  });

  it('gives every customer purchases that fit its head count (no 小型 company buying 万元 by the thousand)', async () => {
    const rows = await ctx.db.kysely.selectFrom('customers').select(['company_size', 'staff_count', 'peak_month_amount', 'low_month_amount']).execute();
    const withAmounts = rows.filter((r) => r.peak_month_amount !== null);
    expect(withAmounts.length).toBeGreaterThan(10);
    for (const r of withAmounts) {
      expect(Number(r.low_month_amount)).toBeLessThanOrEqual(Number(r.peak_month_amount));
      if (r.staff_count !== null) expect(Number(r.peak_month_amount)).toBeLessThanOrEqual(Math.max(0.5, r.staff_count * PURCHASE_PER_STAFF.max) + 0.1);
      if (r.company_size === '小型') expect(Number(r.peak_month_amount)).toBeLessThanOrEqual(25);
      if (r.company_size === '微型') expect(Number(r.peak_month_amount)).toBeLessThanOrEqual(3);
    }
    // Transactions: a year of a customer's documents stays within a few peak months' purchases times twelve.
    const totals = await ctx.db.kysely
      .selectFrom('transactions')
      .innerJoin('customers', 'customers.id', 'transactions.customer_id')
      .select(['customers.staff_count'])
      .select((eb) => eb.fn.sum<number>('transactions.amount_cents').as('cents'))
      .where('customers.staff_count', 'is not', null)
      .groupBy(['customers.id', 'customers.staff_count'])
      .execute();
    expect(totals.length).toBeGreaterThan(5);
    // Three years at most 1.5 × the peak-month rate of 2,500 元 per employee: far below 万元 by the thousand.
    for (const t of totals) expect(Number(t.cents) / 100).toBeLessThanOrEqual(t.staff_count! * 2_500 * 36 * 1.5 + 36 * 7_500);
  });

  it('is deterministic: the same seed on another empty database gives the same records', async () => {
    const other = await createTestContext();
    try {
      const again = await generateDemo(other.db, { customers: 60, seed: 11, password: PASSWORD, clock: { now: () => at } });
      expect(again.modules).toEqual(result.modules);
      expect(again.contacts).toBe(result.contacts);
      expect(await countsOf(other)).toEqual(counts);
      expect(Object.values(counts).every((n) => n > 0)).toBe(true);
    } finally {
      await other.close();
    }
  }, 300_000);

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
      expect(first.stdout).toContain('经理办公会');
      expect(first.stdout).toContain('Demo-2026!');
      const second = spawnSync('npm', ['run', '--silent', 'demo'], { env, encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('already has customers');
    } finally {
      await fresh.drop();
    }
  }, 300_000);
});
