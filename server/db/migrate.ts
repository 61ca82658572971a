import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import type { NamedMigration } from './migrations/helpers';
import { platformMigrations } from './migrations';

/** A module (or anything) that brings migrations; the module manifests satisfy it. */
export interface MigrationSource {
  name: string;
  migrations?(kind: Db['kind']): NamedMigration[];
}

/** The platform's and every module's migrations, checked for clashing names. */
export function collectMigrations(kind: Db['kind'], sources: readonly MigrationSource[]): NamedMigration[] {
  const out = new Map<string, NamedMigration>();
  for (const m of platformMigrations(kind)) out.set(m.name, m);
  for (const s of sources) {
    for (const m of s.migrations?.(kind) ?? []) {
      if (out.has(m.name)) throw new Error(`Migration ${m.name} of ${s.name} has the name of another migration`);
      out.set(m.name, m);
    }
  }
  return [...out.values()];
}

/**
 * Migrations are compiled into the bundle (no directory scanning) and applied in one global order by
 * name, whichever module holds them. A new migration named before one the database already ran is
 * refused: it would run out of order on upgraded databases and in order on fresh ones.
 */
export async function migrateToLatest(db: Db, sources: readonly MigrationSource[]): Promise<void> {
  const list = collectMigrations(db.kind, sources);
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of list) out[m.name] = m;
      return out;
    },
  };
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: false });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
