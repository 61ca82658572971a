// `npm test`: every test layer in order, then one line "N passed, N failed" over all of them.
// Layers: type-check → rules + API tests on SQLite → API tests on PostgreSQL → browser tests.
// A missing PostgreSQL or Chromium stops the run with what to install: never a silent pass.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-output');
fs.mkdirSync(out, { recursive: true });
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv[2]; // optional: sqlite | postgres | e2e

async function preflight() {
  const problems = [];
  if (!only || only === 'postgres') {
    const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
    } catch (err) {
      problems.push(
        `PostgreSQL is not reachable at ${pgUrl} (${err.message}).\n` +
          `  Install and start it:  apt-get install -y postgresql && scripts/pg-local.sh\n` +
          `  or point TEST_DATABASE_URL at a server where the user may CREATE DATABASE.`,
      );
    }
  }
  if ((!only || only === 'e2e') && !fs.existsSync(chromiumPath)) {
    problems.push(`Chromium is not installed at ${chromiumPath}.\n  Install it:  apt-get install -y chromium fonts-noto-cjk  (or set CHROMIUM_PATH)`);
  }
  if (problems.length) {
    console.error(`\nCannot run the whole test suite:\n\n${problems.join('\n\n')}\n`);
    process.exit(2);
  }
}

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function vitest(label, config, env, reportName) {
  const report = path.join(out, `${reportName}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests + (r.numRuntimeErrors ?? 0);
    // A file that fails to load counts as a failure even when it reports no tests.
    failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  }
  if (!ok && failed === 0) failed = 1;
  return { passed, failed };
}

await preflight();
const totals = { passed: 0, failed: 0 };
const add = (r) => {
  totals.passed += r.passed;
  totals.failed += r.failed;
};

if (!only) add(run('type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) ? { passed: 0, failed: 0 } : { passed: 0, failed: 1 }); // not a test: only a failure counts
if (!only || only === 'sqlite') add(vitest('rules + API tests on SQLite', 'vitest.config.ts', { GUANXI_TEST_DB: 'sqlite' }, 'sqlite'));
if (!only || only === 'postgres') add(vitest('API tests on PostgreSQL', 'vitest.config.ts', { GUANXI_TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl }, 'postgres'));
if (!only || only === 'e2e') {
  if (run('build the web app', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) {
    add(vitest('browser tests (Chromium)', 'vitest.e2e.config.ts', { GUANXI_TEST_DB: 'sqlite', CHROMIUM_PATH: chromiumPath }, 'e2e'));
  } else add({ passed: 0, failed: 1 });
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
