// Worker-thread writer for the backup drill (bench/backup-drill.ts): commits single-row writes at a steady
// rate, as the app's requests would, and records each acknowledged write in order. Plain JavaScript so that
// it runs in a worker under tsx and vitest alike.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, rate, shared, synchronous } = workerData;
// [0] last acknowledged seq, [1] stop flag, [2] writes done, [3] failed writes
const state = new Int32Array(shared);
const db = new Database(file);
db.pragma('journal_mode = WAL');
// FULL as the app (a write is acknowledged once durable), or NORMAL where the disk cannot fsync 300 times a second.
db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
db.pragma('busy_timeout = 5000');
let seq = db.prepare('SELECT coalesce(max(seq), 0) FROM bench_writes').pluck().get();
let nextId = db.prepare('SELECT coalesce(max(id), 0) FROM bench_writes').pluck().get() + 1;
const firstId = db.prepare('SELECT coalesce(min(id), 1) FROM bench_writes').pluck().get();
const insert = db.prepare("INSERT INTO bench_writes (id, seq, version, payload) VALUES (?, ?, 1, ?)");
const update = db.prepare('UPDATE bench_writes SET version = version + 1, seq = ? WHERE id = ? RETURNING version');
const payload = 'x'.repeat(200);
/** Flat triples: seq, id, version after the write. */
const log = [];
const t0 = performance.now();
let n = 0;

function tick() {
  const due = Math.floor(((performance.now() - t0) / 1000) * rate);
  while (n < due && !Atomics.load(state, 1)) {
    const s = seq + 1;
    try {
      if (n % 3 === 2) {
        const id = firstId + Math.floor(Math.random() * (nextId - firstId));
        const row = update.get(s, id);
        if (row) log.push(s, id, row.version);
        else continue;
      } else {
        insert.run(nextId, s, payload);
        log.push(s, nextId, 1);
        nextId++;
      }
      seq = s;
      Atomics.store(state, 0, seq);
    } catch {
      Atomics.add(state, 3, 1);
    }
    n++;
    Atomics.store(state, 2, n);
  }
  if (Atomics.load(state, 1)) {
    db.close();
    parentPort.postMessage({ log, writes: n });
    return;
  }
  setTimeout(tick, 1);
}
tick();
