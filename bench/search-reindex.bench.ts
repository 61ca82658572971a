/**
 * The re-index of migration 20261210_70 (customer search readings) timed on a generated archive:
 * `npx tsx bench/search-reindex.bench.ts [customers=100000]` on SQLite (a temporary file), or on PostgreSQL
 * with BENCH_DATABASE_URL set (a scratch database: its tables are dropped). Prints the rate.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { reindexCustomers } from '../server/modules/customers/migrations/20261210_70_customer_search_readings';
import { bootstrap } from '../server/platform/auth/bootstrap';
import { systemClock } from '../server/platform/time';

const N = Number(process.argv[2] ?? 100_000);
const SURNAMES = '曾单仇解区查朴张王李赵陈刘杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭';
const PLACES = ['长沙', '厦门', '重庆', '单县', '北京', '上海', '广州', '深圳', '杭州', '成都', '乐山', '朝阳'];
const WORDS = ['华远', '长安', '银行', '行健', '重工', '乐器', '会计', '朝晖', '传媒', '物流', '贸易', '机械', '科技', '实业'];
const SUFFIX = ['有限公司', '股份有限公司', '集团有限公司', '商行'];
const pick = <T,>(a: ArrayLike<T>, i: number) => a[i % a.length];

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const file = path.join(os.tmpdir(), `guanxi-reindex-${process.pid}.db`);
  const db = openDatabase(url ? { kind: 'postgres', url, poolMax: 4 } : { kind: 'sqlite', file });
  try {
    if (url) await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public`.execute(db.kysely).catch(async () => {
      await sql`DROP SCHEMA public CASCADE`.execute(db.kysely);
      await sql`CREATE SCHEMA public`.execute(db.kysely);
    });
    await migrateToLatest(db, MODULES);
    await bootstrap(db.kysely, systemClock, { username: 'admin', password: 'Bench-Reindex-2026' });
    const owner = (await db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const t = new Date().toISOString();
    const started = Date.now();
    for (let i = 0; i < N; i += 1000) {
      const rows = [];
      for (let k = i; k < Math.min(N, i + 1000); k++) {
        const name = `${pick(PLACES, k)}${pick(SURNAMES, k * 7)}氏${pick(WORDS, k * 3)}${pick(WORDS, k * 11)}${pick(SUFFIX, k)}${k}`;
        rows.push({ archive_no: `KH2026-${String(k + 1).padStart(7, '0')}`, name, name_normalized: name, name_pinyin: '', phone: `138${String(k).padStart(8, '0')}`, owner_id: owner, created_at: t, updated_at: t });
      }
      const ids = await db.kysely.insertInto('customers').values(rows).returning('id').execute();
      await db.kysely
        .insertInto('customer_contacts')
        .values(ids.filter((_, j) => j % 2 === 0).map((r, j) => ({ customer_id: r.id, name: `${pick(SURNAMES, j)}晓明`, mobile: '13900001111', mobile_digits: '13900001111', created_at: t, updated_at: t })))
        .execute();
    }
    process.stdout.write(`generated ${N} customers (half with a contact) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const cpu = process.cpuUsage();
    const r = await reindexCustomers(db.kysely, db.kind);
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    // On a shared machine the wall clock says little; this process's CPU time is what the work costs.
    process.stdout.write(
      `${db.kind}: re-indexed ${r.total} customers in ${r.seconds.toFixed(1)} s wall = ${Math.round(r.total / r.seconds)}/s; ` +
        `${cpuSeconds.toFixed(1)} s CPU in this process = ${Math.round(r.total / cpuSeconds)}/CPU-s (1M ≈ ${(1_000_000 / (r.total / cpuSeconds) / 60).toFixed(1)} min of CPU)\n`,
    );
  } finally {
    await db.close();
    if (!url) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}

void main();
