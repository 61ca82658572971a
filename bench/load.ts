/**
 * Bulk loading of the benchmark archive into a migrated database. The secondary indexes the
 * migrations created are dropped first and re-created afterwards from their own definitions (what
 * a DBA does for a bulk load); the full-text index is filled as the app fills it (FTS5 rows;
 * PostgreSQL's generated tsvector column and GIN index).
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { CONTACT_COLUMNS, CUSTOMER_COLUMNS, PG_TYPES, generateAll, type GeneratorOptions } from './data';

export type Log = (line: string) => void;

function progress(log: Log, started: number, done: number, total: number) {
  const s = (performance.now() - started) / 1000;
  log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} customers (${s.toFixed(0)} s, ${Math.round(done / s).toLocaleString('en')}/s)`);
}

export async function loadSqlite(file: string, o: GeneratorOptions, archive: Map<number, number>, log: Log): Promise<void> {
  const db = new SqliteDatabase(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF'); // bulk load only; the app opens the file with synchronous = FULL
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -1000000');
    db.pragma('temp_store = MEMORY');
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('customers', 'customer_contacts') AND sql IS NOT NULL`)
      .all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);

    const insertCustomer = db.prepare(`INSERT INTO customers (${CUSTOMER_COLUMNS.join(', ')}) VALUES (${CUSTOMER_COLUMNS.map(() => '?').join(', ')})`);
    const insertContact = db.prepare(`INSERT INTO customer_contacts (${CONTACT_COLUMNS.join(', ')}) VALUES (${CONTACT_COLUMNS.map(() => '?').join(', ')})`);
    const insertSearch = db.prepare('INSERT INTO customer_search (rowid, tokens) VALUES (?, ?)');
    const started = performance.now();
    let done = 0;
    for await (const b of generateAll(o)) {
      db.transaction(() => {
        for (const r of b.customers) insertCustomer.run(r);
        for (const r of b.contacts) insertContact.run(r);
        for (const [id, doc] of b.search) insertSearch.run(id, doc);
      })();
      done += b.customers.length;
      if (b.chunk % 10 === 9 || done === o.customers) progress(log, started, done, o.customers);
    }
    const t = performance.now();
    for (const i of indexes) db.exec(i.sql);
    log(`  secondary indexes re-created in ${((performance.now() - t) / 1000).toFixed(0)} s (${indexes.map((i) => i.name).join(', ')})`);
    const upsert = db.prepare('INSERT INTO archive_sequences (year, last_no) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_no = excluded.last_no');
    for (const [year, last] of archive) upsert.run(year, last);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** INSERT … SELECT * FROM unnest(…): one parameter per column, any number of rows. */
function unnestInsert(table: string, columns: readonly string[]) {
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(', ')})`;
}
function columnsOf(rows: unknown[][], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) cols[c][r] = rows[r][c];
  return cols;
}

export async function loadPostgres(url: string, o: GeneratorOptions, archive: Map<number, number>, log: Log): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2");
    // Foreign keys hold by construction; skip their per-row triggers during the load (superuser only).
    await client.query('SET session_replication_role = replica');
    const indexes = (
      await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('customers', 'customer_contacts', 'customer_search')
           AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      )
    ).rows;
    for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);
    const customersSql = unnestInsert('customers', CUSTOMER_COLUMNS);
    const contactsSql = unnestInsert('customer_contacts', CONTACT_COLUMNS);
    const searchSql = 'INSERT INTO customer_search (customer_id, tokens) SELECT * FROM unnest($1::int[], $2::text[])';
    const started = performance.now();
    let done = 0;
    let inFlight: Promise<unknown> = Promise.resolve();
    for await (const b of generateAll(o)) {
      await inFlight; // the next chunk is generated while the database stores the previous one
      inFlight = (async () => {
        await client.query('BEGIN');
        await client.query(customersSql, columnsOf(b.customers, CUSTOMER_COLUMNS.length));
        await client.query(contactsSql, columnsOf(b.contacts, CONTACT_COLUMNS.length));
        await client.query(searchSql, columnsOf(b.search, 2));
        await client.query('COMMIT');
        done += b.customers.length;
        if (b.chunk % 10 === 9 || done === o.customers) progress(log, started, done, o.customers);
      })();
    }
    await inFlight;
    await client.query('SET session_replication_role = origin');
    for (const i of indexes) {
      const t = performance.now();
      await client.query(i.indexdef);
      log(`  ${i.indexname} re-created in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    for (const [year, last] of archive) {
      await client.query('INSERT INTO archive_sequences (year, last_no) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last_no = EXCLUDED.last_no', [year, last]);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT max(id) FROM customers))`);
    const t = performance.now();
    // What autovacuum does on its own after a load: statistics and the visibility map.
    await client.query('VACUUM ANALYZE customers, customer_contacts, customer_search');
    log(`  VACUUM ANALYZE in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
  }
}
