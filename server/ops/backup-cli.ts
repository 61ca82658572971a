import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { backupSqlite } from './backup';

/** `npm run backup`: writes data/backups/guanxi-YYYYMMDD-HHMMSS.db (or BACKUP_DIR). PostgreSQL: see docs/operations.md. */
async function main() {
  const config = loadConfig();
  if (config.database.kind !== 'sqlite') {
    console.error('DATABASE_URL points to PostgreSQL: back it up with pg_dump (docs/operations.md). 使用 PostgreSQL 时请用 pg_dump 备份。');
    process.exit(2);
  }
  const dir = path.resolve(process.env.BACKUP_DIR ?? path.join(config.dataDir, 'backups'));
  const file = await backupSqlite(config.database.file, dir);
  console.log(file);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `备份失败 Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
