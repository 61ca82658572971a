import type SqliteDatabase from 'better-sqlite3';

/** The only SQL of the SQLite backup (better-sqlite3 directly: it works on files, outside the app's Kysely). */
export const backupQueries = {
  /** A consistent copy as of the start of one read transaction; `target` must not exist. */
  vacuumInto(db: SqliteDatabase.Database, target: string) {
    db.prepare('VACUUM INTO ?').run(target);
  },

  tableNames(db: SqliteDatabase.Database): string[] {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  },

  /** Every row of a table as arrays, in rowid order (primary-key order for a WITHOUT ROWID table). */
  rows(db: SqliteDatabase.Database, table: string): Iterable<unknown[]> {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    let stmt: SqliteDatabase.Statement;
    try {
      stmt = db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).raw();
    } catch {
      stmt = db.prepare(`SELECT * FROM ${quoted} ORDER BY 1`).raw();
    }
    return stmt.iterate() as Iterable<unknown[]>;
  },
};
