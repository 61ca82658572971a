import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDrill } from './backup-drill';

/**
 * `npx tsx bench/backup.bench.ts`: `npm run backup`'s SQLite backup under ~300 single-row writes a second,
 * with an idle baseline in the same run and a restore check (issue 18 §4). BENCH_FILLER_ROWS sizes the file
 * (default 400,000 rows ≈ 130 MB), BENCH_WRITE_RATE the writes a second (default 300),
 * BENCH_SYNCHRONOUS the writer's `PRAGMA synchronous` (FULL as the app, or NORMAL where the disk cannot fsync that often).
 */
const fillerRows = Number(process.env.BENCH_FILLER_ROWS ?? 400_000);
const rate = Number(process.env.BENCH_WRITE_RATE ?? 300);
const synchronous = process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'guanxi-backup-bench-'));
try {
  const f = await backupDrill({ dir, fillerRows, rate, synchronous, log: (l) => console.log(l) });
  console.log(`writer: PRAGMA synchronous = ${synchronous}`);
console.log(JSON.stringify(f, null, 2));
  const ok = f.integrity === 'ok' && f.missingAcked === 0 && f.writtenTableMatches && f.otherTablesMatch && f.appOpensCopy;
  console.log(ok ? 'restore check: ok' : 'restore check: FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
