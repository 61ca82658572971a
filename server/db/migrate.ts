import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import { migrations } from './migrations';

/** Migrations are compiled into the bundle (no directory scanning), applied in name order, append-only. */
export async function migrateToLatest(db: Db): Promise<void> {
  const list = migrations(db.kind);
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of list) out[m.name] = m;
      return out;
    },
  };
  // Migrations are independent and append-only; a database that already ran a later-named one still
  // takes an earlier-named one added afterwards (modules developed side by side).
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
