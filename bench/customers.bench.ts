/**
 * `npm run bench` — the customer archive at scale (issue 3 §15), see docs/performance.md.
 *
 *   npm run bench -- [--db sqlite|postgres] [--customers 1000000] [--contacts 2000000] [--runs 200]
 *                    [--reuse] [--keep] [--json results.json] [--big-team] [--cases g,g2,i]
 *
 * Database: SQLite by default (a file under BENCH_DIR, default $TMPDIR/guanxi-bench); PostgreSQL with
 * --db postgres or when BENCH_DATABASE_URL / TEST_DATABASE_URL is set (a server where the user may
 * CREATE DATABASE; the benchmark creates and drops its own database `guanxi_bench`).
 * --reuse keeps the loaded database and uses it again next time (pending migrations are applied and
 * timed, as an upgrade would); --keep keeps it once.
 *
 * It loads the archive fast (bulk inserts), then times each query through the real API (buildApp +
 * inject, signed in as the administrator) and the very same SQL statements run directly on the
 * database driver, interleaved, and prints p50/p95 of both, their ratio, the machine, and the plans.
 *
 * --big-team puts ten elevenths of the customers in the supervisor's team (大客户组) after loading, so the
 * supervisor's list (case i) covers a 200,000-customer team at 220,000 customers; --cases runs only the
 * named cases (e.g. the two large-result cases: --cases g,g2,i); --db-name names the PostgreSQL database
 * (default guanxi_bench), so two loaded archives can be kept side by side.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { pinyin } from 'pinyin-pro';
import { buildApp } from '../server/app';
import { openDatabase, type Db } from '../server/db/database';
import { STATUSES } from '../server/modules/customers/customers.fields';
import { DEMO_PASSWORD } from '../server/ops/demo';
import { CITIES, Random } from '../server/ops/demo-data';
import { login, registerTestDatabase } from '../test/harness';
import {
  ADMIN_PASSWORD,
  Capture,
  type Case,
  type Result,
  benchConfig,
  count,
  databaseSize,
  directRunner,
  f1,
  log,
  logLine,
  machine,
  measure,
  migratePending,
  pgAdminUrl,
  postgresTarget,
  prepare,
  printPlans,
  printTable,
  sqliteTarget,
} from './common';

// ── Options ───────────────────────────────────────────────────────────────────
const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    customers: { type: 'string' },
    contacts: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    reuse: { type: 'boolean' },
    keep: { type: 'boolean' },
    json: { type: 'string' },
    'max-seconds': { type: 'string' },
    'big-team': { type: 'boolean' },
    cases: { type: 'string' },
    'db-name': { type: 'string' },
  },
});
const kind = (args.db ?? (pgAdminUrl ? 'postgres' : 'sqlite')) as 'sqlite' | 'postgres';
if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--db must be sqlite or postgres');
const N = count(args.customers, 1_000_000);
const M = count(args.contacts, 2 * N);
const RUNS = count(args.runs, 200);
const SEED = count(args.seed, 2026);
const MAX_SECONDS = count(args['max-seconds'], 60);

const isArchiveSql = (s: string) => /"customers"|customer_search|"customer_contacts"/.test(s);
const WATCHED = ['customers', 'customer_contacts', 'customer_search'];

// ── The cases ─────────────────────────────────────────────────────────────────
const enc = encodeURIComponent;
const han = (s: string) => [...s].filter((ch) => /\p{Script=Han}/u.test(ch)).join('');
const initials = (s: string) => (pinyin(han(s), { toneType: 'none', type: 'array', v: true }) as string[]).map((x) => x[0]).join('');

async function buildCases(db: Db): Promise<Case[]> {
  const rng = new Random(SEED + 1);
  const ids = Array.from({ length: 400 }, () => rng.int(1, N));
  const rows = await db.kysely
    .selectFrom('customers')
    .leftJoin('customer_contacts', 'customer_contacts.customer_id', 'customers.id')
    .select(['customers.id', 'customers.name', 'customers.province', 'customers.phone', 'customer_contacts.name as contact', 'customer_contacts.mobile'])
    .where('customers.id', 'in', ids)
    .orderBy('customers.id')
    .execute();
  const byId = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, r);
  const sample = [...byId.values()];
  const shortOf = (name: string) => CITIES.find((c) => name.startsWith(c.short))?.short ?? name.slice(0, 2);
  const brand = (name: string) => name.slice(shortOf(name).length, shortOf(name).length + 2);
  const urls = (f: (r: (typeof sample)[number], i: number) => string) => Array.from({ length: RUNS }, (_, i) => f(sample[i % sample.length], i));
  const status = (i: number) => STATUSES[i % STATUSES.length];
  const list = '/api/customers?';
  return [
    { key: 'a', label: 'list: status + province, by name, pages 1–50', target: true, urls: urls((r, i) => `${list}status=${status(i)}&province=${enc(r.province!)}&sort=name&page=${(i % 50) + 1}&pageSize=20`) },
    { key: 'a0', label: 'list: no filter, by name, first page (the opening screen)', target: false, fullScanExpected: true, urls: urls(() => `${list}sort=name&page=1&pageSize=20`) },
    {
      key: 'b',
      label: 'search: 2 Chinese characters (person name / brand)',
      target: true,
      urls: urls((r, i) => `${list}q=${enc(i % 2 ? [...(r.contact ?? '张伟')].slice(0, 2).join('') : brand(r.name))}`),
    },
    { key: 'c', label: 'search: 4 Chinese characters (brand + trade)', target: true, urls: urls((r) => `${list}q=${enc(r.name.slice(shortOf(r.name).length, shortOf(r.name).length + 4))}`) },
    { key: 'd', label: 'search: pinyin initials (city + brand, e.g. hzhy)', target: true, urls: urls((r) => `${list}q=${initials(shortOf(r.name) + brand(r.name))}`) },
    { key: 'e', label: 'search: last 4 phone digits (尾号)', target: true, urls: urls((r) => `${list}q=${(r.mobile ?? r.phone ?? '13800001234').replace(/\D/g, '').slice(-4)}`) },
    { key: 'e2', label: 'search: whole mobile number (11 digits)', target: true, urls: urls((r) => `${list}q=${r.mobile ?? '13800001234'}`) },
    { key: 'f', label: 'count by status (total of one status tab)', target: true, urls: urls((_, i) => `${list}status=${status(i)}&pageSize=1`) },
    { key: 'g', label: 'search: very common pair 科技, first page, capped count', target: true, targetMs: 100, urls: urls(() => `${list}q=${enc('科技')}`) },
    { key: 'g2', label: 'search: pair in every name 有限, first page, capped count', target: true, targetMs: 100, urls: urls(() => `${list}q=${enc('有限')}`) },
    { key: 'h', label: "list as a specialist (own customers), by name, pages 1–50", target: false, as: 'specialist', urls: urls((_, i) => `${list}sort=name&page=${(i % 50) + 1}&pageSize=20`) },
    { key: 'i', label: "list as a supervisor (team's customers), by name, pages 1–50", target: true, as: 'supervisor', urls: urls((_, i) => `${list}sort=name&page=${(i % 50) + 1}&pageSize=20`) },
    { key: 'j', label: 'search as a specialist: 2 characters', target: false, as: 'specialist', urls: urls((r) => `${list}q=${enc(brand(r.name))}`) },
  ];
}

/**
 * --big-team: customers of other teams move to owners of the supervisor's team until it holds two
 * elevenths of the archive (owner, team and department stay consistent, as a transfer leaves them).
 */
const BIG_TEAM_SUPERVISOR = 'zheng.haiyan';
async function supervisorTeam(db: Db) {
  const sup = await db.kysely.selectFrom('users').select(['team_id', 'department_id']).where('username', '=', BIG_TEAM_SUPERVISOR).executeTakeFirstOrThrow();
  const owners = await db.kysely.selectFrom('users').select('id').where('team_id', '=', sup.team_id).orderBy('id').execute();
  return { teamId: sup.team_id!, departmentId: sup.department_id, owners: owners.map((o) => o.id) };
}
async function teamSize(db: Db, teamId: number) {
  const r = await db.kysely.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('team_id', '=', teamId).executeTakeFirstOrThrow();
  return Number(r.n);
}
async function makeBigTeam(db: Db) {
  const t = await supervisorTeam(db);
  const owner = sql.raw(`case customers.id % ${t.owners.length} ${t.owners.map((id, i) => `when ${i} then ${id}`).join(' ')} end`);
  await sql`update customers set owner_id = ${owner}, created_by = ${owner}, team_id = ${t.teamId}, department_id = ${t.departmentId}
            where customers.id % 11 <> 0 and team_id <> ${t.teamId}`.execute(db.kysely);
  if (db.kind === 'postgres') await sql`vacuum analyze customers`.execute(db.kysely);
  log(`  the supervisor's team now holds ${(await teamSize(db, t.teamId)).toLocaleString('en')} customers`);
}

// ── Main ──────────────────────────────────────────────────────────────────────
async function main() {
  const target = kind === 'sqlite' ? sqliteTarget(`bench-${N}-${M}.db`) : postgresTarget(args['db-name'] ?? 'guanxi_bench');
  log(`Guanxi CRM benchmark — customer archive on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${N.toLocaleString('en')} customers, ~${M.toLocaleString('en')} contacts, ${RUNS} runs per query`);
  const bigTeam = async (db: Db) => (await teamSize(db, (await supervisorTeam(db)).teamId)) * 11 >= N * 10 - 11;
  const prepared = await prepare(target, {
    customers: N,
    contacts: M,
    seed: SEED,
    reuse: !!args.reuse,
    loaded: args['big-team'] ? bigTeam : undefined,
    after: args['big-team']
      ? async () => {
          const db = openDatabase(target.database);
          try {
            await makeBigTeam(db);
          } finally {
            await db.close();
          }
        }
      : undefined,
  });

  const db = openDatabase(target.database);
  const capture = new Capture(db.kind);
  const pool = db.kind === 'postgres' ? new pg.Pool({ connectionString: (target.database as { url: string }).url, max: 4 }) : null;
  try {
    await migratePending(db, ['customers']);
    const info = await machine(db);
    const size = await databaseSize(db, target);
    log('');
    log(`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB RAM, ${info.os}`);
    log(`Runtime: Node ${info.node}, ${info.database}; database size ${size}`);

    const { app } = await buildApp({ config: benchConfig(target.database), db: { ...db, kysely: db.kysely.withPlugin(capture) }, logger: false });
    registerTestDatabase(app, db); // the demo users sign in as if past their first password change
    await app.ready();
    const clients = {
      admin: await login(app, 'admin', ADMIN_PASSWORD),
      specialist: await login(app, 'wang.lei', DEMO_PASSWORD),
      supervisor: await login(app, 'zheng.haiyan', DEMO_PASSWORD),
    };
    const run = directRunner(db, pool);

    const results: Result[] = [];
    const only = args.cases?.split(',');
    const cases = (await buildCases(db)).filter((c) => !only || only.includes(c.key));
    for (const c of cases) {
      const r = await measure(capture, clients[c.as ?? 'admin'], c, run, isArchiveSql, MAX_SECONDS);
      results.push(r);
      logLine(r);
    }

    log('');
    printTable(results);
    const warnings = await printPlans(db, pool, results, cases, WATCHED);
    log('');
    const limit = (r: Result) => cases.find((c) => c.key === r.key)?.targetMs ?? 50;
    const missed = results.filter((r) => r.target && (r.api.p95 >= limit(r) || r.api.p95 > 2 * r.direct.p95));
    for (const r of missed) {
      log(`TARGET MISSED: [${r.key}] ${r.label}: API p95 ${f1(r.api.p95)} ms${r.api.p95 >= limit(r) ? ` ≥ ${limit(r)} ms` : ''}${r.api.p95 > 2 * r.direct.p95 ? `, ${(r.api.p95 / r.direct.p95).toFixed(1)}× the direct query` : ''}`);
    }
    for (const w of warnings) log(w);
    if (!missed.length && !warnings.length) log('All target queries: p95 < 50 ms, API ≤ 2× direct, no full scan of the archive.');

    if (args.json) {
      fs.writeFileSync(args.json, JSON.stringify({ kind, customers: N, contacts: M, runs: RUNS, machine: info, size, loadSeconds: prepared.seconds, results, warnings, at: new Date().toISOString() }, null, 2));
      log(`Results written to ${args.json}`);
    }
    await app.close();
  } finally {
    await pool?.end();
    await db.close();
    if (!args.keep && !args.reuse) {
      await target.drop();
      log(`Dropped ${target.describe} (use --keep or --reuse to keep it).`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
