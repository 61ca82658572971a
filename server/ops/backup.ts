import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/**
 * A consistent online backup of the SQLite file through SQLite's backup API: the app may keep
 * serving (WAL readers and writers carry on) while pages are copied.
 */
export async function backupSqlite(sourceFile: string, backupDir: string, now = new Date()): Promise<string> {
  if (!fs.existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}`);
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  const target = path.join(backupDir, `guanxi-${stamp}.db`);
  const source = new SqliteDatabase(sourceFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  // Verify what we wrote before calling it a backup.
  const check = new SqliteDatabase(target, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`Backup failed its integrity check: ${String(result)}`);
  } finally {
    check.close();
  }
  return target;
}
