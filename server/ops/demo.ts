/**
 * `npm run demo` (issue 3 §14): fills an empty archive with realistic sample data — departments and
 * teams, ~16 users in several roles, thousands of company customers with contacts — through the same
 * services the API uses, so every derived column, archive number, search document and audit entry is
 * exactly what the app itself would write. Seeded: the same seed gives the same data.
 */
import os from 'node:os';
import type { Kysely } from 'kysely';
import { createServices } from '../app';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { Placement } from '../modules/customers/customers.service';
import { digitsOf, maskPhone } from '../modules/customers/customers.rules';
import { contactCreate, customerCreate } from '../modules/customers/customers.schemas';
import { createOrgService } from '../modules/org/org.service';
import { createAuditService, actorInfo, type AuditService } from '../platform/audit/audit.service';
import type { DemoClock, DemoCustomerRef, DemoOrganisation, DemoPerson } from '../platform/modules/demo';
import type { Actor, RequestContext } from '../platform/permissions/actor';
import { capabilitiesOf, widestScope, type Role } from '../platform/permissions/roles';
import { createSettingsService } from '../platform/settings/settings.service';
import { systemClock, type Clock } from '../platform/time';
import { demoQueries } from './demo.queries';
import { Random, demoContacts, personName, sizedDemoCustomer, type CustomerSize, type DemoContact, type DemoCustomer } from './demo-data';

export const DEMO_PASSWORD = 'Demo-2026!';
export const DEMO_SEED = 2026;
export const DEMO_CUSTOMERS = 5000;
/** Customers are created over this many days before the run, so date filters and history have something to show. */
const SPAN_DAYS = 540;
const DAY = 86_400_000;

export class DemoRefusedError extends Error {}

// ── Organisation ──────────────────────────────────────────────────────────────
interface DemoTeam {
  department: string;
  name: string;
  /** Provinces whose customers this sales team serves; customer-service teams serve any. */
  provinces?: string[];
}
export const DEMO_TEAMS: DemoTeam[] = [
  { department: '客户服务部', name: '大客户组' },
  { department: '客户服务部', name: '客户关系组' },
  { department: '客户服务部', name: '呼叫中心' },
  { department: '销售部', name: '华东组', provinces: ['上海市', '浙江省', '江苏省', '安徽省', '福建省', '山东省', '江西省'] },
  { department: '销售部', name: '华南组', provinces: ['广东省', '广西壮族自治区'] },
  { department: '销售部', name: '华北组', provinces: ['北京市', '天津市', '河北省', '山西省', '辽宁省', '黑龙江省'] },
];

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  department: string;
  team?: string;
  supervises?: boolean;
  /** Head (部门负责人) of the department: the first approver of its development plans (docs/regulations.md §18). */
  heads?: boolean;
}
export const DEMO_USERS: DemoUser[] = [
  // 总经理 (张军) and the department heads; the directors and heading managers form the 经理办公会 (approvals.demo.ts).
  { username: 'zhang.jun', displayName: '张军', roles: ['director'], department: '总经理办公室', heads: true },
  { username: 'zhou.min', displayName: '周敏', roles: ['director'], department: '客户服务部', heads: true },
  { username: 'wu.jianguo', displayName: '吴建国', roles: ['manager'], department: '客户服务部' },
  { username: 'zheng.haiyan', displayName: '郑海燕', roles: ['supervisor'], department: '客户服务部', team: '大客户组', supervises: true },
  { username: 'wang.lei', displayName: '王磊', roles: ['specialist'], department: '客户服务部', team: '大客户组' },
  { username: 'li.na', displayName: '李娜', roles: ['specialist'], department: '客户服务部', team: '大客户组' },
  { username: 'sun.li', displayName: '孙丽', roles: ['supervisor'], department: '客户服务部', team: '客户关系组', supervises: true },
  { username: 'chen.jing', displayName: '陈静', roles: ['specialist'], department: '客户服务部', team: '客户关系组' },
  { username: 'liu.yang', displayName: '刘洋', roles: ['specialist'], department: '客户服务部', team: '客户关系组' },
  { username: 'song.yu', displayName: '宋雨', roles: ['supervisor', 'team_lead'], department: '客户服务部', team: '呼叫中心', supervises: true },
  { username: 'tang.xin', displayName: '唐欣', roles: ['agent'], department: '客户服务部', team: '呼叫中心' },
  { username: 'han.xue', displayName: '韩雪', roles: ['agent'], department: '客户服务部', team: '呼叫中心' },
  { username: 'feng.qing', displayName: '冯青', roles: ['qa'], department: '客户服务部' },
  { username: 'yang.fan', displayName: '杨帆', roles: ['manager'], department: '销售部', heads: true },
  { username: 'huang.wei', displayName: '黄伟', roles: ['supervisor'], department: '销售部', team: '华东组', supervises: true },
  { username: 'zhao.qiang', displayName: '赵强', roles: ['sales'], department: '销售部', team: '华东组' },
  { username: 'xu.ting', displayName: '徐婷', roles: ['sales'], department: '销售部', team: '华东组' },
  { username: 'lin.feng', displayName: '林峰', roles: ['supervisor'], department: '销售部', team: '华南组', supervises: true },
  { username: 'he.fang', displayName: '何芳', roles: ['sales'], department: '销售部', team: '华南组' },
  { username: 'gao.peng', displayName: '高鹏', roles: ['supervisor'], department: '销售部', team: '华北组', supervises: true },
  { username: 'ma.chao', displayName: '马超', roles: ['sales'], department: '销售部', team: '华北组' },
  { username: 'qian.hui', displayName: '钱慧', roles: ['finance'], department: '财务部', heads: true },
  { username: 'luo.jie', displayName: '罗洁', roles: ['finance'], department: '财务部' },
  { username: 'deng.hao', displayName: '邓浩', roles: ['manager'], department: '企业发展部', heads: true },
  // Last in the list, so the people (and random picks) before it stay as they were.
  { username: 'gao.yuan', displayName: '高远', roles: ['callcentre_manager'], department: '客户服务部' },
];

// ── The plan: everything random decided up front (pure, reproducible) ─────────
export interface PlannedCustomer {
  input: DemoCustomer;
  size: CustomerSize;
  contacts: DemoContact[];
  owner: string; // username
  /** Days before the run the archive was created (fractional). */
  ageDays: number;
  /** A later edit, if any: days after creation and the changed fields. */
  update?: { afterDays: number; fields: Partial<DemoCustomer> };
}

const NEXT_STATUS: Record<string, string> = { potential: 'formal', formal: 'dormant', dormant: 'formal', lost: 'potential' };

export function demoPlan(opts: { customers: number; seed: number }): PlannedCustomer[] {
  const rng = new Random(opts.seed);
  // Customers belong to account teams; the call centre answers calls and owns none.
  const owners = DEMO_USERS.filter((u) => u.team && u.team !== '呼叫中心');
  const weight = (u: DemoUser) => (u.supervises ? 1 : 3);
  const serviceOwners = owners.filter((u) => DEMO_TEAMS.find((t) => t.name === u.team)?.provinces === undefined).map((u) => [u, weight(u)] as const);
  const names = new Set<string>();
  const out: PlannedCustomer[] = [];
  while (out.length < opts.customers) {
    const { customer: input, size } = sizedDemoCustomer(rng);
    if (names.has(input.name)) continue; // a real archive has no two customers of one name
    names.add(input.name);
    const contacts = demoContacts(rng, input);
    // Sales teams look after their regions; customer service after the rest and some of every region.
    const salesTeam = DEMO_TEAMS.find((t) => t.provinces?.includes(input.province));
    const pool = salesTeam && rng.chance(0.6) ? owners.filter((u) => u.team === salesTeam.name).map((u) => [u, weight(u)] as const) : serviceOwners;
    const owner = rng.weighted(pool).username;
    const ageDays = rng.next() * SPAN_DAYS;
    let update: PlannedCustomer['update'];
    if (rng.chance(0.12)) {
      const afterDays = rng.next() * Math.min(120, ageDays);
      const kind = rng.int(0, 2);
      const fields: Partial<DemoCustomer> =
        kind === 0
          ? { status: NEXT_STATUS[input.status] }
          : kind === 1
            ? { legalRepresentative: personName(rng) } // a major change (docs/regulations.md §2)
            : { paymentHabits: input.paymentHabits ?? '月结30天', contactFrequency: input.contactFrequency ?? '每月' };
      update = { afterDays, fields };
    }
    out.push({ input, size, contacts, owner, ageDays, update });
  }
  return out;
}

// ── Writing ───────────────────────────────────────────────────────────────────
/** The services' clock, moved along the demo timeline so dates, archive years and audit entries agree. */
class TimelineClock implements Clock {
  current = new Date();
  now() {
    return new Date(this.current);
  }
}

export function actorOf(user: { id: number; username: string; display_name: string; department_id: number | null; team_id: number | null }, roles: Role[], teamIds: number[]): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles,
    capabilities: capabilitiesOf(roles),
    scope: widestScope(roles),
    departmentId: user.department_id,
    teamIds,
    sessionId: 'demo',
    csrfToken: 'demo',
    mustChangePassword: false,
  };
}

const context = (actor: Actor): RequestContext => ({ actor, ip: null, requestId: 'demo', lang: 'zh-CN' });

export interface DemoResult {
  users: { username: string; displayName: string; roles: Role[]; department: string; team: string | null; created: boolean }[];
  customers: number;
  contacts: number;
  updates: number;
  /** One line per module hook ("contracts: 48 合同 …"). */
  modules: string[];
  password: string;
  seconds: number;
}

/**
 * Departments (with their heads), teams (with their supervisors) and the demo users, through the org
 * service (password policy, hashing, roles and audit as in the admin pages). What exists already is
 * reused. Also used by the benchmark.
 */
export async function createDemoOrg(db: Db, admin: Actor, clock: Clock & { current?: Date }, password: string) {
  const k = db.kysely;
  const audit = createAuditService(clock);
  const settings = createSettingsService({ db: k, audit, clock });
  const org = createOrgService({ db: k, audit, settings, clock });
  const adminCtx = context(admin);
  const tick = () => {
    if (clock.current) clock.current = new Date(clock.current.getTime() + 60_000);
  };

  // Departments and teams: reuse what exists (bootstrap creates the default departments).
  const departmentIds = new Map<string, number>();
  for (const name of [...new Set(DEMO_USERS.map((u) => u.department))]) {
    const existing = await demoQueries.departmentIdByName(k, name);
    departmentIds.set(name, existing ?? (await org.createDepartment(adminCtx, { name })).id);
  }
  const teamIds = new Map<string, number>();
  for (const t of DEMO_TEAMS) {
    const departmentId = departmentIds.get(t.department)!;
    const existing = await demoQueries.teamIdByName(k, departmentId, t.name);
    teamIds.set(t.name, existing ?? (await org.createTeam(adminCtx, { name: t.name, departmentId })).id);
  }

  const users: DemoResult['users'] = [];
  const people: DemoPerson[] = [];
  const actors = new Map<string, { actor: Actor; placement: Placement }>();
  for (const u of DEMO_USERS) {
    tick();
    const teamId = u.team ? teamIds.get(u.team)! : null;
    let row = await demoQueries.userByUsername(k, u.username);
    const created = !row;
    if (!row) {
      await org.createUser(adminCtx, { username: u.username, displayName: u.displayName, password, roles: u.roles, departmentId: departmentIds.get(u.department)!, teamId });
      row = (await demoQueries.userByUsername(k, u.username))!;
    }
    users.push({ username: u.username, displayName: u.displayName, roles: u.roles, department: u.department, team: u.team ?? null, created });
    if (u.supervises && teamId) {
      const team = await org.getTeam(teamId);
      if (!team.supervisor_id) await org.updateTeam(adminCtx, teamId, { supervisorId: row.id, version: team.version });
    }
    if (u.heads) {
      const department = await org.getDepartment(departmentIds.get(u.department)!);
      if (!department.head_id) await org.updateDepartment(adminCtx, department.id, { headId: row.id, version: department.version });
    }
    const actor = actorOf(row, u.roles, teamId ? [teamId] : []);
    actors.set(u.username, { actor, placement: { owner_id: row.id, team_id: row.team_id, department_id: row.department_id } });
    people.push({
      id: row.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      departmentId: row.department_id,
      department: u.department,
      teamId,
      team: u.team ?? null,
      supervises: !!u.supervises,
      ctx: context(actor),
    });
  }
  const departments = await Promise.all([...departmentIds.values()].map(async (id) => {
    const d = await org.getDepartment(id);
    return { id, name: d.name, headId: d.head_id };
  }));
  const teams = await Promise.all(DEMO_TEAMS.map(async (t) => {
    const row = await org.getTeam(teamIds.get(t.name)!);
    return { id: row.id, name: t.name, departmentId: row.department_id, supervisorId: row.supervisor_id };
  }));
  return { users, actors, teamIds, departmentIds, people, departments, teams };
}

export async function generateDemo(
  db: Db,
  opts: { customers?: number; seed?: number; password?: string; clock?: Clock; dataDir?: string; progress?: (done: number, total: number) => void } = {},
): Promise<DemoResult> {
  const started = performance.now();
  const k = db.kysely;
  const count = opts.customers ?? DEMO_CUSTOMERS;
  const seed = opts.seed ?? DEMO_SEED;
  const password = opts.password ?? DEMO_PASSWORD;
  if (await demoQueries.hasCustomers(k)) {
    throw new DemoRefusedError('客户档案中已有客户，演示数据只能导入空库。The customer archive already has customers: demo data is only loaded into an empty archive.');
  }
  const adminRow = await demoQueries.firstAdmin(k);
  if (!adminRow) throw new DemoRefusedError('没有管理员账号：请先启动一次应用。No administrator yet: start the app once first.');

  const plan = demoPlan({ customers: count, seed });
  const end = (opts.clock ?? systemClock).now().getTime();
  const clock = new TimelineClock();
  clock.current = new Date(end - (SPAN_DAYS + 7) * DAY);
  // Every module's services on the demo's clock: the hooks below write through them.
  const { services, built } = createServices(db, clock, opts.dataDir ?? os.tmpdir());
  const adminActor = actorOf(adminRow, ['admin'], []);
  const org = await createDemoOrg(db, adminActor, clock, password);
  const { users, actors } = org;
  const customers = services.customers;

  // Customers in creation order (archive numbers rise with time), edits interleaved at their moments.
  type Event = { at: number; kind: 'create' | 'update'; index: number };
  const events: Event[] = [];
  plan.forEach((p, index) => {
    const createdAt = end - p.ageDays * DAY;
    events.push({ at: createdAt, kind: 'create', index });
    if (p.update) events.push({ at: createdAt + p.update.afterDays * DAY, kind: 'update', index });
  });
  events.sort((a, b) => a.at - b.at || a.index - b.index || (a.kind === 'create' ? -1 : 1));

  const ids: number[] = [];
  const refs: DemoCustomerRef[] = [];
  let contacts = 0;
  let updates = 0;
  let done = 0;
  await k.transaction().execute(async (trx) => {
    for (const e of events) {
      const p = plan[e.index];
      const owner = actors.get(p.owner)!;
      const ctx = context(owner.actor);
      clock.current = new Date(Math.min(e.at, end));
      if (e.kind === 'update') {
        await customers.updateCustomer(trx, ctx, ids[e.index], null, p.update!.fields);
        updates++;
        continue;
      }
      // Validated by the API's own schemas, so the sample is data a user could have entered.
      const { ownerId: _o, confirmDuplicate: _c, ...fields } = customerCreate.parse(p.input);
      const [id] = await customers.insertCustomers(trx, ctx, [fields], owner.placement);
      ids[e.index] = id;
      if (p.contacts.length) {
        const added = await addContacts(trx, ctx, id, p.contacts, clock.current.toISOString(), services.audit);
        contacts += added.length;
        // The search document with the contacts, through the service's own reindex.
        await customers.reindex(trx, id);
      }
      opts.progress?.(++done, plan.length);
    }
  });
  const contactRows: Awaited<ReturnType<typeof demoQueries.contactsOf>> = [];
  for (let i = 0; i < ids.length; i += 1000) contactRows.push(...(await demoQueries.contactsOf(k, ids.slice(i, i + 1000))));
  const contactsBy = new Map<number, typeof contactRows>();
  for (const c of contactRows) contactsBy.set(c.customer_id, [...(contactsBy.get(c.customer_id) ?? []), c]);
  plan.forEach((p, index) => {
    const owner = actors.get(p.owner)!;
    refs.push({
      id: ids[index],
      name: p.input.name,
      status: p.update?.fields.status ?? p.input.status,
      industry: p.input.industry,
      province: p.input.province,
      city: p.input.city,
      companySize: p.size.name,
      staffCount: p.size.staff,
      monthlyPurchase: p.size.monthlyPurchase,
      ownerId: owner.placement.owner_id,
      teamId: owner.placement.team_id,
      departmentId: owner.placement.department_id,
      createdAt: new Date(end - p.ageDays * DAY),
      contacts: (contactsBy.get(ids[index]) ?? []).map((c) => ({ id: c.id, name: c.name, mobile: c.mobile })),
    });
  });
  refs.sort((a, b) => a.id - b.id);

  // Each module's own demo data (manifest `demo` hook), in module order, from a seed of its own so a
  // module added later does not change what the others create.
  const lines: string[] = [];
  const adminPerson: DemoPerson = {
    id: adminRow.id,
    username: adminRow.username,
    displayName: adminRow.display_name,
    roles: ['admin'],
    departmentId: adminRow.department_id,
    department: '',
    teamId: adminRow.team_id,
    team: null,
    supervises: false,
    ctx: context(adminActor),
  };
  const demoOrg: DemoOrganisation = {
    users: org.people,
    admin: adminPerson,
    byRole: (role) => org.people.filter((p) => p.roles.includes(role)),
    user(username) {
      const found = org.people.find((p) => p.username === username);
      if (!found) throw new Error(`No demo user ${username}`);
      return found;
    },
    departments: org.departments,
    teams: org.teams,
  };
  const demoClock: DemoClock = {
    now: () => clock.now(),
    set: (at) => {
      clock.current = new Date(Math.min(at.getTime(), end));
    },
    end: new Date(end),
  };
  const inOrder = [...built.byModule.values()];
  const demoOrder = [...inOrder.filter((m) => !m.manifest.demoLast), ...inOrder.filter((m) => m.manifest.demoLast)];
  for (const { manifest, services: own, ctx } of demoOrder) {
    if (!manifest.demo) continue;
    clock.current = new Date(end);
    const random = new Random(seed * 7919 + hashName(manifest.name));
    await manifest.demo(own, ctx, { org: demoOrg, customers: refs, random, clock: demoClock, report: (line) => lines.push(`${manifest.name}: ${line}`) });
  }
  clock.current = new Date(end);
  return { users, customers: ids.length, contacts, updates, modules: lines, password, seconds: (performance.now() - started) / 1000 };
}

function hashName(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** Contacts as POST /api/customers/:id/contacts stores them (mobile_digits, audit entry with masked phones). */
async function addContacts(trx: Kysely<Database>, ctx: RequestContext, customerId: number, list: DemoContact[], at: string, audit: AuditService) {
  const parsed = list.map((raw) => contactCreate.parse(raw));
  // Ordered as the service lists them (key contact first, then by id), which is also the search document's order.
  parsed.sort((a, b) => Number(b.isKey ?? false) - Number(a.isKey ?? false));
  await demoQueries.insertContacts(
    trx,
    parsed.map((c) => ({
      customer_id: customerId,
      name: c.name,
      position: c.position ?? null,
      department: c.department ?? null,
      mobile: c.mobile ?? null,
      phone: c.phone ?? null,
      mobile_digits: digitsOf(c.mobile) || null,
      email: c.email ?? null,
      birthday: c.birthday ?? null,
      notes: null,
      is_key: c.isKey ? 1 : 0,
      created_at: at,
      updated_at: at,
    })),
  );
  for (const c of parsed) {
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [f, v] of Object.entries(c)) if (v !== undefined && v !== null) changes[`contact.${f}`] = [null, f === 'mobile' || f === 'phone' ? maskPhone(v as string) : v];
    await audit.record(trx, actorInfo(ctx), { action: 'contact.create', entityType: 'customer', entityId: customerId, changes });
  }
  return parsed.map((c) => ({ name: c.name, mobile: c.mobile ?? null, phone: c.phone ?? null }));
}
