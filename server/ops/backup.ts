import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { backupQueries } from './backup.queries';

/**
 * A consistent online backup of the SQLite file with `VACUUM INTO` (issue 18 §4): one read transaction
 * copies the database as of its start while the app's writers carry on in the WAL. SQLite's backup API,
 * used before, restarts its page copy whenever another connection writes, so under steady writes it
 * finished only once the writes paused. The copy is written under a temporary name and renamed when
 * complete and checked, so a half-written file is never taken for a backup.
 */
export async function backupSqlite(sourceFile: string, backupDir: string, now = new Date()): Promise<string> {
  if (!fs.existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}`);
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  const target = path.join(backupDir, `guanxi-${stamp}.db`);
  if (fs.existsSync(target)) throw new Error(`Backup ${target} exists already`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new SqliteDatabase(sourceFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    backupQueries.vacuumInto(source, partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
  // Verify what we wrote before calling it a backup.
  const check = new SqliteDatabase(partial, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`Backup failed its integrity check: ${String(result)}`);
  } finally {
    check.close();
  }
  fs.renameSync(partial, target);
  return target;
}

export interface TableChecksum {
  rows: number;
  sha256: string;
}

/**
 * Per table: the row count and a SHA-256 over every row in rowid order, to compare a restored copy with
 * its source (restore drills, the backup bench and test). `db` is an open connection, so the caller can
 * take every table's checksum inside one read transaction.
 */
export function tableChecksums(db: SqliteDatabase.Database, opts: { skip?: readonly string[] } = {}): Record<string, TableChecksum> {
  const tables = backupQueries.tableNames(db);
  const out: Record<string, TableChecksum> = {};
  for (const name of tables) {
    if (opts.skip?.includes(name)) continue;
    const hash = crypto.createHash('sha256');
    let rows = 0;
    for (const row of backupQueries.rows(db, name)) {
      hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? v.toString() : v)));
      hash.update('\n');
      rows++;
    }
    out[name] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}
