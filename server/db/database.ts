import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import type { Database } from './schema';
import { selectOne } from './health.queries';
import { PREPARED_SQL } from './prepared';
import { StatementCounter } from './statement-counter';

export type DialectKind = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  kind: DialectKind;
  /** SQLite only: the open better-sqlite3 handle (used by the online backup). */
  sqlite?: SqliteDatabase.Database;
  /** Only when opened with `countStatements` (tests and benchmarks). */
  statements?: StatementCounter;
  close(): Promise<void>;
}

// PostgreSQL type ids (pg_type.oid) we normalise so both databases hand back the same JS values.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;

function pgTypes() {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
      if (oid === PG_TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
      if (oid === PG_TIMESTAMP) return (v: string) => new Date(v + 'Z').toISOString();
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
}

export function openDatabase(database: Config['database'], opts: { countStatements?: boolean } = {}): Db {
  const statements = opts.countStatements ? new StatementCounter(database.kind) : undefined;
  const plugins = statements ? [statements] : [];
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolMax, types: pgTypes() });
    // Every session works in UTC; business rules convert to Asia/Shanghai explicitly.
    pool.on('connect', (client) => {
      client.query("SET TIME ZONE 'UTC'").catch(() => undefined);
      namePreparedStatements(client);
    });
    // An idle connection the server closes (a restart, a failover, a closing pool) is dropped and replaced
    // by the pool; without a listener node-postgres would throw it as an uncaught exception and stop the process.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL connection closed: ${err.message}`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { kysely, kind: 'postgres', statements, close: () => kysely.destroy() };
  }
  fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const handle = new SqliteDatabase(database.file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL'); // an acknowledged write survives power loss
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }), plugins });
  return { kysely, kind: 'sqlite', sqlite: handle, statements, close: () => kysely.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every statement afresh; compiling SQL costs about as much as running an indexed
 * query, so the same SQL text reuses its prepared statement (docs/performance.md). A statement still
 * being iterated (a streamed query) is never handed out twice: a fresh one is prepared instead.
 */
function withStatementCache(handle: SqliteDatabase.Database): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => handle.close(),
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        cache.delete(text); // re-insert: the Map's order is the recency order
        cache.set(text, hit);
        return hit;
      }
      const statement = handle.prepare(text);
      if (!hit) {
        cache.set(text, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/**
 * A prepared query's SQL (server/db/prepared.ts) runs as a named statement on this connection: PostgreSQL
 * parses and plans it once per connection, not on every request (docs/performance.md). Every other
 * statement goes through unchanged.
 */
function namePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // A statement whose tables another instance has since migrated (its `*` now has other columns) fails
  // with 0A000; on this connection that text then runs unnamed, as it did before.
  const stale = new Set<string>();
  (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof text === 'string' && !callback ? PREPARED_SQL.get(text) : undefined;
    if (!name || stale.has(name)) return query(text, values, callback);
    return (query({ name, text, values }) as Promise<unknown>).catch((err: { code?: string }) => {
      if (err?.code !== '0A000') throw err;
      stale.add(name);
      return query(text, values);
    });
  };
}

export async function ping(db: Db): Promise<void> {
  await selectOne(db.kysely);
}
