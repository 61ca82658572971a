import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { backupSqlite, tableChecksums } from '../server/ops/backup';

/**
 * The backup drill of issue 18 §4 / issue 14 §5: a Guanxi SQLite file (every migration, plus filler rows to
 * give it size), a writer thread committing single-row inserts and updates at `rate` a second, an idle
 * backup for a baseline, then `backupSqlite` (what `npm run backup` runs) while the writer goes on. The
 * restored copy must open, pass `PRAGMA integrity_check`, hold every write acknowledged before the backup
 * started, and match the source as of the backup's moment: the written table row for row (replayed from the
 * writer's log up to the last write the copy holds) and every other table by count and hash.
 */
export interface DrillFigures {
  fileMb: number;
  idleBackupMs: number;
  busyBackupMs: number;
  writesPerSecondBefore: number;
  writesPerSecondDuringBackup: number;
  writesDuringBackup: number;
  ackedBeforeStart: number;
  writesInCopy: number;
  missingAcked: number;
  writtenTableMatches: boolean;
  otherTablesMatch: boolean;
  tablesCompared: number;
  integrity: string;
  appOpensCopy: boolean;
  failedWrites: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** id → [version, seq] of the written table, from the copy or from the writer's log replayed up to `upTo`. */
function writtenHash(rows: Iterable<[number, number, number]>): string {
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  const h = crypto.createHash('sha256');
  for (const [id, version, seq] of sorted) h.update(`${id}:${version}:${seq}\n`);
  return h.digest('hex');
}

export async function backupDrill(opts: {
  dir: string;
  fillerRows: number;
  rate: number;
  warmupMs?: number;
  synchronous?: 'FULL' | 'NORMAL';
  log?: (line: string) => void;
}): Promise<DrillFigures> {
  const log = opts.log ?? (() => undefined);
  const file = path.join(opts.dir, 'guanxi.db');
  const app = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(app, MODULES);
  await app.close();

  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.exec('CREATE TABLE bench_writes (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, version INTEGER NOT NULL, payload TEXT NOT NULL)');
  raw.exec('CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const fill = raw.prepare('INSERT INTO bench_filler (body) VALUES (?)');
  raw.transaction(() => {
    for (let i = 0; i < opts.fillerRows; i++) fill.run(crypto.randomBytes(150).toString('hex'));
  })();
  const seed = raw.prepare('INSERT INTO bench_writes (id, seq, version, payload) VALUES (?, ?, 1, ?)');
  raw.transaction(() => {
    for (let i = 1; i <= 1000; i++) seed.run(i, i, 'seed');
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const fileMb = fs.statSync(file).size / 1e6;
  log(`database: ${fileMb.toFixed(1)} MB (${opts.fillerRows} filler rows)`);

  // Baseline: the same file, nobody writing; a first copy warms the page cache so both timed copies start alike.
  await backupSqlite(file, path.join(opts.dir, 'warm'));
  fs.rmSync(path.join(opts.dir, 'warm'), { recursive: true, force: true });
  let t = performance.now();
  await backupSqlite(file, path.join(opts.dir, 'idle'));
  const idleBackupMs = performance.now() - t;
  log(`idle backup: ${idleBackupMs.toFixed(0)} ms`);

  const shared = new SharedArrayBuffer(16);
  const state = new Int32Array(shared);
  const worker = new Worker(new URL('./backup-writer.mjs', import.meta.url), { workerData: { file, rate: opts.rate, shared, synchronous: opts.synchronous ?? 'FULL' } });
  const done = new Promise<{ log: number[]; writes: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // The writer's thread takes a while to start on a busy machine: count the warm-up from its first write.
  for (let i = 0; i < 600 && Atomics.load(state, 2) === 0; i++) await sleep(50);
  const warm0 = performance.now();
  const warmWrites0 = Atomics.load(state, 2);
  await sleep(opts.warmupMs ?? 2000);
  const writesPerSecondBefore = (Atomics.load(state, 2) - warmWrites0) / ((performance.now() - warm0) / 1000);
  log(`writer: ${writesPerSecondBefore.toFixed(0)} writes/s before the backup`);
  const ackedBeforeStart = Atomics.load(state, 0);
  const writesBefore = Atomics.load(state, 2);
  t = performance.now();
  const copy = await backupSqlite(file, path.join(opts.dir, 'busy'));
  const busyBackupMs = performance.now() - t;
  const writesDuringBackup = Atomics.load(state, 2) - writesBefore;
  // Keep writing a little after, so the source moves on past the copy.
  await sleep(500);
  Atomics.store(state, 1, 1);
  const writer = await done;
  await worker.terminate();
  const writesPerSecondDuringBackup = writesDuringBackup / (busyBackupMs / 1000);
  log(`backup under writes: ${busyBackupMs.toFixed(0)} ms, ${writesDuringBackup} writes during it (${writesPerSecondDuringBackup.toFixed(0)} writes/s)`);

  // Restore: copy the backup where the app would find it, as docs/operations.md says.
  const restoredDir = path.join(opts.dir, 'restored');
  fs.mkdirSync(restoredDir, { recursive: true });
  const restored = path.join(restoredDir, 'guanxi.db');
  fs.copyFileSync(copy, restored);
  const r = new SqliteDatabase(restored, { readonly: true });
  const integrity = String(r.pragma('integrity_check', { simple: true }));
  const copyRows = r.prepare('SELECT id, version, seq FROM bench_writes').raw().all() as [number, number, number][];
  const writesInCopy = Number(r.prepare('SELECT max(seq) FROM bench_writes').pluck().get());
  // The source as of the backup's moment: the seed, then the writer's acknowledged writes up to the copy's last.
  const expected = new Map<number, [number, number, number]>();
  for (let i = 1; i <= 1000; i++) expected.set(i, [i, 1, i]);
  let missingAcked = 0;
  for (let i = 0; i < writer.log.length; i += 3) {
    const [seq, id, version] = [writer.log[i], writer.log[i + 1], writer.log[i + 2]];
    if (seq <= writesInCopy) expected.set(id, [id, version, seq]);
  }
  if (writesInCopy < ackedBeforeStart) missingAcked = ackedBeforeStart - writesInCopy;
  const writtenTableMatches = copyRows.length === expected.size && writtenHash(copyRows) === writtenHash(expected.values());
  const other = tableChecksums(r, { skip: ['bench_writes'] });
  r.close();
  const src = new SqliteDatabase(file, { readonly: true });
  const source = tableChecksums(src, { skip: ['bench_writes'] });
  src.close();
  const otherTablesMatch = JSON.stringify(other) === JSON.stringify(source);

  // The app starts on the copy: its migrations find nothing to do.
  let appOpensCopy = false;
  const again = openDatabase({ kind: 'sqlite', file: restored });
  try {
    await migrateToLatest(again, MODULES);
    appOpensCopy = true;
  } finally {
    await again.close();
  }
  return {
    fileMb,
    idleBackupMs,
    busyBackupMs,
    writesPerSecondBefore,
    writesPerSecondDuringBackup,
    writesDuringBackup,
    ackedBeforeStart,
    writesInCopy,
    missingAcked,
    writtenTableMatches,
    otherTablesMatch,
    tablesCompared: Object.keys(other).length + 1,
    integrity,
    appOpensCopy,
    failedWrites: Atomics.load(state, 3),
  };
}
