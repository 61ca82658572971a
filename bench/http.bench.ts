/**
 * Issue 17: the request path over real HTTP. Loads the customer archive (bench/load.ts), starts the built
 * server (dist/server) as its own process, signs in and drives the hot paths with keep-alive connections
 * (bench/loadgen.ts); in the same run it measures the baselines the issue compares against: a bare Fastify
 * route, a Fastify route doing one indexed read on the same database, a raw better-sqlite3 loop committing
 * the rows of an update (SQLite) and a raw `pg` pool doing three indexed reads per unit (PostgreSQL). The SQL
 * statements each hot path issues are counted in-process (server/db/statement-counter.ts).
 *
 *   npm run bench:http                                  # SQLite, 20,000 customers
 *   npm run bench:http -- --db postgres --instances 2   # PostgreSQL, and two app processes behind a proxy
 *   npm run bench:http -- --before ../old/dist/server/main.js   # also the hot GET of an older build
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../server/app';
import { openDatabase } from '../server/db/database';
import { login } from '../test/harness';
import { ADMIN_PASSWORD, benchConfig, count, log, machine, migratePending, pct, postgresTarget, prepare, sqliteTarget } from './common';
import { merge, runLoad, type LoadResult } from './loadgen';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? '') : undefined;
};
const kind = flag('db') === 'postgres' ? 'postgres' : 'sqlite';
const customers = count(flag('customers'), 20_000);
const seconds = Number(flag('seconds') ?? 12);
const connections = Number(flag('connections') ?? 20);
const instances = Number(flag('instances') ?? 1);
const before = flag('before');
const reuse = args.includes('--reuse');

const target = kind === 'sqlite' ? sqliteTarget('http/guanxi.db') : postgresTarget('guanxi_bench_http');
const dataDir = kind === 'sqlite' ? path.dirname((target.database as { file: string }).file) : fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-http-'));
const children: ChildProcess[] = [];
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

function start(script: string, argv: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/ready|listening on/.test(out)) {
        child.stdout!.off('data', onData);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}):\n${out.slice(-2000)}`)));
  });
}
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.removeAllListeners('exit');
  child.once('exit', () => undefined);
  child.kill('SIGTERM');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** The app as it runs in production (LOG_LEVEL default info), one process on `port`. */
function startApp(port: number, main = 'dist/server/main.js') {
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, GUANXI_ADMIN_PASSWORD: ADMIN_PASSWORD, GUANXI_OUTBOX: 'hold' };
  if (kind === 'postgres') env.DATABASE_URL = (target.database as { url: string }).url;
  return start(main, [], env);
}

async function signIn(base: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('gx_csrf='))!.slice('gx_csrf='.length);
  return { cookie: cookies.join('; '), csrf };
}

interface Row {
  key: string;
  label: string;
  r: LoadResult;
  statements?: number;
}
const rows: Row[] = [];
function record(key: string, label: string, r: LoadResult, statements?: number) {
  rows.push({ key, label, r, statements });
  log(
    `  ${key.padEnd(14)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ${r.errors ? `ERRORS ${r.errors} (${r.firstError})` : ''}  load ${load()}`,
  );
}

/**
 * The cases take turns in short slices (order rotating each round) until each has had `seconds`: on a
 * shared machine the background load then weighs on every case alike, and the ratios hold.
 */
async function runRounds(cases: { key: string; label: string; run: (s: number) => Promise<LoadResult>; statements?: number }[]) {
  const slice = Math.min(2, seconds);
  const parts = new Map<string, LoadResult[]>(cases.map((c) => [c.key, []]));
  for (const c of cases) await c.run(0.5); // warm-up
  const rounds = Math.max(1, Math.round(seconds / slice));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + r) % cases.length];
      parts.get(c.key)!.push(await c.run(slice));
    }
  }
  for (const c of cases) record(c.key, c.label, merge(parts.get(c.key)!), c.statements);
}

async function main() {
  log(`HTTP benchmark on ${kind}: ${customers.toLocaleString('en')} customers, ${connections} connections, ${seconds} s per case.`);
  await prepare(target, { customers, contacts: customers * 2, seed: 17, reuse });

  // ── In-process: fixtures and the statement count of each hot path ──────────────────────────────
  const db = openDatabase(target.database, { countStatements: true });
  await migratePending(db, ['customers']);
  const { app } = await buildApp({ config: benchConfig(target.database), db, logger: false });
  await app.ready();
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  const firstId = Number((await db.kysely.selectFrom('customers').select((eb) => eb.fn.min('id').as('m')).executeTakeFirstOrThrow()).m);
  let complaintId = (await db.kysely.selectFrom('complaints').select('id').orderBy('id').executeTakeFirst())?.id;
  if (!complaintId) {
    const res = await admin.post('/api/complaints', { channel: 'hotline', complainantName: '刘女士', complainantPhone: '13912345678', content: '送货延误三天，要求给出说法。', category: '配送交付', severity: 'general', customerId: firstId });
    if (res.statusCode !== 201) throw new Error(`complaint: ${res.body}`);
    complaintId = res.json().id as number;
  }
  const reads: [string, string, (i: number) => string][] = [
    ['get', 'GET a customer', (i) => `/api/customers/${firstId + (i % customers)}`],
    ['list', 'the opening customer list', () => '/api/customers?page=1&pageSize=20'],
    ['search', 'a 2-character search (新成)', () => `/api/customers?q=${encodeURIComponent('新成')}&page=1&pageSize=20`],
    ['todo', 'the home to-do list', () => '/api/home/todo'],
    ['complaint', 'a complaint detail', () => `/api/complaints/${complaintId}`],
  ];
  const statements = new Map<string, number>();
  for (const [key, , url] of reads) {
    await admin.get(url(1)); // warm
    db.statements!.reset();
    const res = await admin.get(url(2));
    if (res.statusCode !== 200) throw new Error(`${key}: ${res.statusCode} ${res.body}`);
    statements.set(key, db.statements!.count);
  }
  {
    const current = (await admin.get(`/api/customers/${firstId}`)).json();
    db.statements!.reset();
    const res = await admin.put(`/api/customers/${firstId}`, { version: current.version, address: '杭州市西湖区文三路90号' });
    if (res.statusCode !== 200) throw new Error(`update: ${res.body}`);
    statements.set('update', db.statements!.count);
  }
  const info = await machine(db);
  await app.close();
  await db.close();
  log(`Statements per request: ${[...statements].map(([k, n]) => `${k} ${n}`).join(', ')}`);

  // ── The app over HTTP ────────────────────────────────────────────────────────────────────────
  if (!args.includes('--no-build')) execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  const appPort = 39170;
  const base = `http://127.0.0.1:${appPort}`;
  log(`\nMachine: ${info.cpu} (${info.cores} cores), ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}, ${info.database}. Load average before: ${load()}`);

  const where = kind === 'sqlite' ? (target.database as { file: string }).file : (target.database as { url: string }).url;
  const basePort = appPort + 5;
  const bb = `http://127.0.0.1:${basePort}`;
  const procs = [await startApp(appPort), await start('bench/http-baseline.mjs', [String(basePort), where])];
  if (before) procs.push(await startApp(appPort + 1, before));
  const session = await signIn(base);
  const cookie = { cookie: session.cookie };
  const http = (url: string, path: (i: number) => string, headers: Record<string, string> = cookie) => (s: number) =>
    runLoad({ url, connections, seconds: s, headers, path: (c: number, n: number) => path(c * 100_000 + n) });

  // The update: each connection edits customers of its own, sending the version it last got back.
  const first = firstId + 1000;
  const perConnection = Math.max(1, Math.min(500, Math.floor((customers - 1000) / connections)));
  const versions = new Map<number, number>();
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: where });
    await c.connect();
    for (const r of (await c.query('SELECT id, version FROM customers WHERE id >= $1 AND id < $2', [first, first + connections * perConnection])).rows) versions.set(r.id, r.version);
    await c.end();
  } else {
    const h = new SqliteDatabase(where, { readonly: true });
    for (const r of h.prepare('SELECT id, version FROM customers WHERE id >= ? AND id < ?').all(first, first + connections * perConnection) as { id: number; version: number }[]) versions.set(r.id, r.version);
    h.close();
  }
  const sent = new Map<number, number>();
  const idOf = (c: number, n: number) => first + c * perConnection + (n % perConnection);
  const update = (s: number) =>
    runLoad({
      url: base,
      connections,
      seconds: s,
      method: 'PUT',
      headers: { ...cookie, 'x-csrf-token': session.csrf },
      path: (c, n) => `/api/customers/${idOf(c, n)}`,
      body: (c, n) => {
        sent.set(c, idOf(c, n));
        return JSON.stringify({ version: versions.get(idOf(c, n)), address: `杭州市西湖区文三路${n}号` });
      },
      onAnswer: (c, status, body) => {
        if (status === 200) versions.set(sent.get(c)!, JSON.parse(body).version);
      },
    });

  let rawUpdate: ((s: number) => Promise<LoadResult>) | null = null;
  let rawPg: ((s: number) => Promise<LoadResult>) | null = null;
  const closers: (() => Promise<void>)[] = [];
  const timed = (lat: number[], t0: number, errors = 0): LoadResult => {
    const secs = (performance.now() - t0) / 1000;
    return { requests: lat.length, errors, rps: lat.length / secs, p50: pct(lat, 50), p99: pct(lat, 99), latencies: lat, seconds: secs };
  };
  if (kind === 'sqlite') {
    // The rows an update of the address commits (the customer and the audit entry that is its history),
    // one transaction each, synchronous=FULL, on the same file, while the app idles: the PUT's floor.
    const h = new SqliteDatabase(where);
    h.pragma('journal_mode = WAL');
    h.pragma('synchronous = FULL');
    h.pragma('foreign_keys = ON');
    h.pragma('busy_timeout = 5000');
    const upd = h.prepare('UPDATE customers SET address = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?');
    const audit = h.prepare(
      "INSERT INTO audit_log (at, actor_id, actor_name, action, entity_type, entity_id, summary, changes, ip, request_id) VALUES (?, 1, '系统管理员', 'update', 'customer', ?, NULL, ?, '127.0.0.1', ?)",
    );
    let n = 0;
    const tx = h.transaction((id: number) => {
      const at = new Date().toISOString();
      const v = versions.get(id)!;
      if (upd.run(`杭州市西湖区文三路${n}号`, at, id, v).changes !== 1) throw new Error(`raw update of ${id} at ${v} changed nothing`);
      versions.set(id, v + 1);
      audit.run(at, String(id), JSON.stringify({ address: ['a', 'b'] }), `bench-${n}`);
    });
    rawUpdate = async (secs) => {
      const lat: number[] = [];
      const t0 = performance.now();
      while (performance.now() - t0 < secs * 1000) {
        const t = performance.now();
        tx(idOf(n % connections, n));
        n++;
        lat.push(performance.now() - t);
      }
      return timed(lat, t0);
    };
    closers.push(async () => void h.close());
  } else {
    // Three indexed reads per unit on a plain pool, with the app's concurrency: the session-sized floor.
    const pool = new pg.Pool({ connectionString: where, max: 10 });
    rawPg = async (secs) => {
      const lat: number[] = [];
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: connections }, async (_, c) => {
          for (let n = 0; performance.now() - t0 < secs * 1000; n++) {
            const t = performance.now();
            const id = firstId + ((c * 7919 + n) % customers);
            await pool.query('SELECT id, active FROM users WHERE id = $1', [1]);
            await pool.query('SELECT id FROM customers WHERE id = $1', [id]);
            await pool.query('SELECT * FROM customers WHERE id = $1', [id]);
            lat.push(performance.now() - t);
          }
        }),
      );
      return timed(lat, t0);
    };
    closers.push(() => pool.end());
  }

  type Case = { key: string; label: string; run: (s: number) => Promise<LoadResult>; statements?: number };
  const cases: Case[] = [
    ...reads.map(([key, label, path]) => ({ key, label, run: http(base, path), statements: statements.get(key) })),
    { key: 'update', label: 'a customer update (PUT with the version)', run: update, statements: statements.get('update') },
    { key: 'bare', label: 'bare Fastify route', run: http(bb, () => '/bare', {}) },
    { key: 'read', label: 'Fastify + one indexed read by key (same database)', run: http(bb, (i) => `/read/${firstId + (i % customers)}`, {}) },
  ];
  if (rawUpdate) cases.push({ key: 'raw-update', label: 'raw better-sqlite3: the same rows, one transaction each, synchronous=FULL', run: rawUpdate });
  if (rawPg) cases.push({ key: 'raw-pg3', label: `raw pg pool: three indexed reads per unit, ${connections} concurrent`, run: rawPg });
  if (before) {
    const oldBase = `http://127.0.0.1:${appPort + 1}`;
    const s2 = await signIn(oldBase);
    cases.push({ key: 'get-before', label: `GET a customer, the build before this work`, run: http(oldBase, reads[0][2], { cookie: s2.cookie }) });
  }
  await runRounds(cases);
  for (const p of procs) await stop(p);
  for (const c of closers) await c();

  // ── Several instances behind a proxy (one database) ────────────────────────────────────────────
  if (instances > 1) {
    const get = reads[0][2];
    const ports = Array.from({ length: instances }, (_, i) => appPort + 10 + i);
    const up: ChildProcess[] = [];
    for (const p of ports) up.push(await startApp(p));
    const proxies: Case[] = [];
    for (const n of [1, instances]) {
      const proxyPort = appPort + 30 + n;
      up.push(await start('bench/http-proxy.mjs', [String(proxyPort), ...ports.slice(0, n).map(String)]));
      const url = `http://127.0.0.1:${proxyPort}`;
      const s3 = await signIn(url);
      proxies.push({ key: `get-proxy-${n}`, label: `GET a customer through the proxy, ${n} app process${n > 1 ? 'es' : ''}`, run: http(url, get, { cookie: s3.cookie }) });
    }
    await runRounds(proxies);
    for (const p of up) await stop(p);
  }

  // ── The table ──────────────────────────────────────────────────────────────────────────────────
  const by = (k: string) => rows.find((r) => r.key === k)?.r.rps ?? NaN;
  const ratioOf = (k: string) =>
    k === 'update' ? ['raw-update', by('raw-update')] : k === 'get' && kind === 'postgres' ? ['raw-pg3', by('raw-pg3')] : ['bare', by('bare')];
  log(`\n| | path | req/s | p50 ms | p99 ms | statements | ratio |`);
  log(`|---|---|---:|---:|---:|---:|---|`);
  for (const r of rows) {
    const [against, rps] = ratioOf(r.key);
    const baseline = ['bare', 'read', 'raw-update', 'raw-pg3'].includes(r.key) || r.key.startsWith('get-');
    const ratio = baseline || !Number.isFinite(rps as number) ? '' : `${((100 * r.r.rps) / (rps as number)).toFixed(0)} % of ${against}`;
    log(`| ${r.key} | ${r.label} | ${r.r.rps.toFixed(0)} | ${r.r.p50.toFixed(1)} | ${r.r.p99.toFixed(1)} | ${r.statements ?? ''} | ${ratio}${r.r.errors ? ` (${r.r.errors} errors)` : ''} |`);
  }
  if (kind === 'postgres') log(`GET a customer vs bare Fastify: ${((100 * by('get')) / by('bare')).toFixed(0)} %`);
  if (before) log(`GET a customer, this build vs ${before}: ${(by('get') / by('get-before')).toFixed(2)}×`);
  if (instances > 1) log(`${instances} processes vs 1 behind the proxy: ${(by(`get-proxy-${instances}`) / by('get-proxy-1')).toFixed(2)}×; vs one process direct: ${(by(`get-proxy-${instances}`) / by('get')).toFixed(2)}×`);
  log(`Load average after: ${load()}`);
}

process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
main().catch(async (e) => {
  console.error(e);
  for (const c of children) await stop(c);
  process.exit(1);
});
