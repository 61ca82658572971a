/**
 * The transactions benchmark's ledger: `transactions` sales over the last three years and ~3 %
 * returns, refunds and discounts, bulk-loaded into a database that already holds the customer archive
 * (bench/load.ts). Rows are made day by day in date order, as an ERP would have pushed them, so one
 * customer's rows are spread over the whole table, not stored side by side.
 *
 * Skew: a quarter of the customers never bought; the others get a lognormal weight (a long tail of
 * occasional buyers), and ~1 in 5,000 is a key account with ~300× the weight (thousands of lines).
 * Each sale picks its customer by weight, so a few customers carry a large share of the ledger.
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Random } from '../server/ops/demo-data';
import type { Owner } from './data';
import type { Log } from './load';

export const TX_COLUMNS = [
  'id', 'customer_id', 'date', 'product', 'model', 'quantity', 'unit_price_cents', 'amount_cents',
  'salesperson_id', 'contract_id', 'source_system', 'source_doc_no', 'created_by', 'created_at',
] as const;
export const RETURN_COLUMNS = ['id', 'customer_id', 'transaction_id', 'kind', 'date', 'amount_cents', 'reason', 'responsible_party', 'created_by', 'created_at'] as const;
const PG_TYPES: Record<string, string> = {
  id: 'int', customer_id: 'int', transaction_id: 'int', quantity: 'float8', unit_price_cents: 'int8', amount_cents: 'int8',
  salesperson_id: 'int', contract_id: 'int', created_by: 'int', created_at: 'timestamptz',
};

export interface LedgerOptions {
  customers: number;
  transactions: number;
  returnShare: number;
  owners: Owner[];
  seed: number;
  /** The last day of the ledger (YYYY-MM-DD); it covers the three years before. */
  end: string;
}

export interface LedgerBatch {
  transactions: unknown[][];
  returns: unknown[][];
}

// A catalogue of what a mid-sized manufacturer sells: product, models, unit price range in yuan.
const PRODUCTS: [string, string[], number, number][] = [
  ['不锈钢板', ['304-2B', '316L', '430'], 180, 900],
  ['铝型材', ['6063-T5', '6061-T6'], 60, 400],
  ['液压阀', ['DBW10', 'DBW20', '4WE6'], 300, 2000],
  ['伺服电机', ['SGM7J-04', 'SGM7J-08', 'MSMF082'], 900, 4800],
  ['变频器', ['ACS510', 'FR-E740', 'G120'], 800, 6000],
  ['轴承', ['6205-2RS', '6308', 'NU210'], 20, 260],
  ['密封圈', ['O-50x3', 'V-80'], 5, 60],
  ['工业胶带', ['BOPP-48', 'PVC-24'], 8, 50],
  ['包装纸箱', ['K=K 五层', 'A=A 三层'], 3, 30],
  ['PLC 模块', ['S7-1200', 'FX5U', 'CP1E'], 1200, 9000],
  ['传感器', ['E3Z-D61', 'IFM-O5D', 'PR18'], 150, 1200],
  ['电缆', ['RVV 3x2.5', 'YJV 4x16'], 4, 120],
  ['润滑油', ['L-HM46', 'VG68'], 20, 300],
  ['紧固件', ['M8x30', 'M12x50'], 1, 12],
  ['减速机', ['RV63', 'NMRV50', 'K87'], 800, 7000],
];
const RETURN_KINDS: [string, number][] = [['return', 5], ['refund', 2], ['discount', 3]];
const REASONS = ['质量问题', '规格不符', '运输破损', '数量短缺', '价格调整', '年度返利', '客户取消订单', '交期延误'];
const PARTIES = ['我方', '客户', '承运方', '供应商'];

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every sale and return in date order, in batches of about `batchSize` sales. */
export function* generateLedger(o: LedgerOptions, batchSize = 50_000): Generator<LedgerBatch> {
  const rng = new Random(o.seed ^ 0x5eed7);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  // Cumulative customer weights: picking a sale's customer is a binary search.
  const cumulative = new Float64Array(o.customers);
  const key = new Uint8Array(o.customers + 1);
  let sum = 0;
  for (let i = 0; i < o.customers; i++) {
    let w = 0;
    if (!rng.chance(0.25)) {
      w = Math.exp(1.3 * gauss());
      if (rng.chance(1 / 5000)) {
        w *= 300;
        key[i + 1] = 1;
      }
    }
    cumulative[i] = sum += w;
  }
  const pick = () => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = o.customers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo + 1;
  };
  const endMs = Date.parse(`${o.end}T00:00:00Z`);
  const days = 3 * 365;
  const firstMs = endMs - (days - 1) * DAY;
  let id = 0;
  let returnId = 0;
  let batch: LedgerBatch = { transactions: [], returns: [] };
  for (let d = 0; d < days; d++) {
    const dayMs = firstMs + d * DAY;
    const date = isoDay(dayMs);
    const compact = date.replaceAll('-', '');
    const n = Math.floor(((d + 1) * o.transactions) / days) - Math.floor((d * o.transactions) / days);
    for (let k = 0; k < n; k++) {
      id++;
      const customer = pick();
      const [product, models, lo, hi] = PRODUCTS[Math.floor(rng.next() * PRODUCTS.length)];
      const quantity = (key[customer] ? 5 : 1) * (1 + Math.floor(rng.next() * rng.next() * 80));
      const unit = Math.round((lo + rng.next() * (hi - lo)) * 100);
      const amount = Math.round(quantity * unit);
      const salesperson = o.owners[customer % o.owners.length].id;
      const erp = rng.next() < 0.85;
      const createdAt = new Date(dayMs + (1 + Math.floor(rng.next() * 10)) * 3_600_000).toISOString(); // 09:00–18:00 Shanghai
      batch.transactions.push([
        id, customer, date, product, models[Math.floor(rng.next() * models.length)], quantity, unit, amount,
        salesperson, null, erp ? 'ERP' : 'manual', erp ? `XS${compact}-${String(id).padStart(8, '0')}` : null, salesperson, createdAt,
      ]);
      if (rng.next() < o.returnShare) {
        returnId++;
        const returnMs = Math.min(endMs, dayMs + (1 + Math.floor(rng.next() * 30)) * DAY);
        const kind = rng.weighted(RETURN_KINDS);
        const share = kind === 'return' ? 0.1 + 0.9 * rng.next() : 0.02 + 0.15 * rng.next();
        batch.returns.push([
          returnId, customer, id, kind, isoDay(returnMs), Math.max(1, Math.round(amount * share)), rng.pick(REASONS), rng.pick(PARTIES), salesperson,
          new Date(returnMs + 4 * 3_600_000).toISOString(),
        ]);
      }
      if (batch.transactions.length >= batchSize) {
        yield batch;
        batch = { transactions: [], returns: [] };
      }
    }
  }
  if (batch.transactions.length) yield batch;
}

export interface LedgerLoad {
  transactions: number;
  returns: number;
  insertSeconds: number;
  indexSeconds: number;
}

const TABLES = ['transactions', 'transaction_returns'];

function progress(log: Log, started: number, done: number, total: number) {
  const s = (performance.now() - started) / 1000;
  log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} transactions (${s.toFixed(0)} s, ${Math.round(done / s).toLocaleString('en')}/s)`);
}

/**
 * SQLite: prepared inserts, 50,000 sales per transaction; the secondary indexes are dropped first and
 * re-created from their own definitions afterwards unless `keepIndexes` (to compare the two ways).
 */
export function loadLedgerSqlite(file: string, o: LedgerOptions, log: Log, keepIndexes = false): LedgerLoad {
  const db = new SqliteDatabase(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF'); // bulk load only; the app opens the file with synchronous = FULL
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -1000000');
    db.pragma('temp_store = MEMORY');
    const indexes = keepIndexes
      ? []
      : (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('transactions', 'transaction_returns') AND sql IS NOT NULL`).all() as { name: string; sql: string }[]);
    for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
    const insertTx = db.prepare(`INSERT INTO transactions (${TX_COLUMNS.join(', ')}) VALUES (${TX_COLUMNS.map(() => '?').join(', ')})`);
    const insertReturn = db.prepare(`INSERT INTO transaction_returns (${RETURN_COLUMNS.join(', ')}) VALUES (${RETURN_COLUMNS.map(() => '?').join(', ')})`);
    const started = performance.now();
    let done = 0;
    let returns = 0;
    let step = 0;
    for (const b of generateLedger(o)) {
      db.transaction(() => {
        for (const r of b.transactions) insertTx.run(r);
        for (const r of b.returns) insertReturn.run(r);
      })();
      done += b.transactions.length;
      returns += b.returns.length;
      if (++step % 20 === 0 || done === o.transactions) progress(log, started, done, o.transactions);
    }
    const insertSeconds = (performance.now() - started) / 1000;
    const t = performance.now();
    for (const i of indexes) {
      const ti = performance.now();
      db.exec(i.sql);
      log(`  ${i.name} re-created in ${((performance.now() - ti) / 1000).toFixed(1)} s`);
    }
    const indexSeconds = (performance.now() - t) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { transactions: done, returns, insertSeconds, indexSeconds };
  } finally {
    db.close();
  }
}

function columnsOf(rows: unknown[][], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) cols[c][r] = rows[r][c];
  return cols;
}
const unnestInsert = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(', ')})`;

/**
 * PostgreSQL: INSERT … SELECT FROM unnest(…) of 50,000 rows per statement, the next batch made while
 * the server stores the previous one; secondary indexes and the unique constraint on the document
 * number are dropped first and built afterwards (unless `keepIndexes`), then VACUUM ANALYZE.
 */
export async function loadLedgerPostgres(url: string, o: LedgerOptions, log: Log, keepIndexes = false): Promise<LedgerLoad> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2");
    await client.query('SET session_replication_role = replica'); // foreign keys hold by construction
    const indexes = keepIndexes
      ? []
      : (
          await client.query<{ indexname: string; indexdef: string }>(
            `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
            [TABLES],
          )
        ).rows;
    const uniques = keepIndexes
      ? []
      : (
          await client.query<{ table: string; name: string; def: string }>(
            `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'u' AND conrelid::regclass::text = ANY($1)`,
            [TABLES],
          )
        ).rows;
    for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);
    for (const u of uniques) await client.query(`ALTER TABLE ${u.table} DROP CONSTRAINT ${u.name}`);
    const txSql = unnestInsert('transactions', TX_COLUMNS);
    const returnSql = unnestInsert('transaction_returns', RETURN_COLUMNS);
    const started = performance.now();
    let done = 0;
    let returns = 0;
    let step = 0;
    let inFlight: Promise<unknown> = Promise.resolve();
    for (const b of generateLedger(o)) {
      await inFlight;
      inFlight = (async () => {
        await client.query('BEGIN');
        await client.query(txSql, columnsOf(b.transactions, TX_COLUMNS.length));
        if (b.returns.length) await client.query(returnSql, columnsOf(b.returns, RETURN_COLUMNS.length));
        await client.query('COMMIT');
        done += b.transactions.length;
        returns += b.returns.length;
        if (++step % 20 === 0 || done === o.transactions) progress(log, started, done, o.transactions);
      })();
    }
    await inFlight;
    await client.query('SET session_replication_role = origin');
    const insertSeconds = (performance.now() - started) / 1000;
    const t = performance.now();
    for (const i of indexes) {
      const ti = performance.now();
      await client.query(i.indexdef);
      log(`  ${i.indexname} re-created in ${((performance.now() - ti) / 1000).toFixed(1)} s`);
    }
    for (const u of uniques) {
      const ti = performance.now();
      await client.query(`ALTER TABLE ${u.table} ADD CONSTRAINT ${u.name} ${u.def}`);
      log(`  ${u.name} re-created in ${((performance.now() - ti) / 1000).toFixed(1)} s`);
    }
    const indexSeconds = (performance.now() - t) / 1000;
    for (const table of TABLES) await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`);
    const tv = performance.now();
    await client.query('VACUUM ANALYZE transactions, transaction_returns');
    log(`  VACUUM ANALYZE in ${((performance.now() - tv) / 1000).toFixed(0)} s`);
    return { transactions: done, returns, insertSeconds, indexSeconds };
  } finally {
    await client.end();
  }
}
