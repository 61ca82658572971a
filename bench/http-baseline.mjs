// The same-run baselines of bench/http.bench.ts, in a process of their own like the app: a bare Fastify
// route, and a Fastify route doing one indexed read (by primary key) on the benchmark database.
// Usage: node bench/http-baseline.mjs <port> <sqlite file | postgres url>
import Fastify from 'fastify';

const [port, where] = process.argv.slice(2);
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
if (where.startsWith('postgres')) {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: where, max: 10 });
  app.get('/read/:id', async (req) => (await pool.query('SELECT * FROM customers WHERE id = $1', [Number(req.params.id)])).rows[0] ?? null);
} else {
  const Sqlite = (await import('better-sqlite3')).default;
  const db = new Sqlite(where, { readonly: true });
  const read = db.prepare('SELECT * FROM customers WHERE id = ?');
  app.get('/read/:id', async (req) => read.get(Number(req.params.id)) ?? null);
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
