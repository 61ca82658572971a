import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../server/ops/demo';
import { createTestContext, TEST_DB, type TestContext } from '../harness';

/**
 * Property-based fuzzing of every POST/PUT route (issue 14 part 6; docs/regulations.md §1): bodies built from
 * each route's schema in the OpenAPI document, valid-looking and invalid. No answer may be a 5xx or carry a
 * stack trace, and an invalid body (4xx) must change no table. FUZZ_RUNS sets the runs per route and kind
 * (CI: a few; the nightly-sized run: FUZZ_RUNS=1000); FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const SEED = Number(process.env.FUZZ_SEED ?? 14);

// Routes that end the fuzzing session itself rather than change data.
const SKIP = new Set(['POST /api/auth/logout']);
// Tables every request touches (the session's last use, rate-limit counters): not data a body could change.
const VOLATILE = new Set(['sessions', 'rate_limits']);

let ctx: TestContext;
let doc: any;
let userIds: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  // Demo data, so that `:id` in a path names a record of every module.
  const at = ctx.clock.now();
  // Records are the fixture, not the subject: whatever the demo made before a failing module stays usable.
  await generateDemo(ctx.db, { customers: 60, seed: 11, password: 'Demo-Fuzz-2026!', clock: { now: () => at } }).catch((err) => console.warn(`demo data incomplete: ${err.message}`));
  doc = ctx.app.swagger();
  const users = await ctx.db.kysely.selectFrom('users').select('id').where('username', '<>', 'admin').execute();
  userIds = users.map((u) => u.id);
}, 600_000);
afterAll(() => ctx?.close());

type Schema = Record<string, any>;

function resolve(s: Schema): Schema {
  if (s?.$ref) return resolve(s.$ref.split('/').slice(1).reduce((o: any, k: string) => o?.[k], doc) ?? {});
  return s ?? {};
}

const WORDS = ['长沙', '廈門', '曾晓明', '单县', 'ｐａｓｓｗｏｒｄ', '１３８００１３８０００', "'; DROP TABLE customers; --", '<script>x</script>', '\u0000', '💼', ' ', '0', '-1', '2026-02-30', 'null'];

function dateString(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
}

/** A value the schema accepts, or nearly (patterns and refinements are approximated). */
function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  for (const key of ['anyOf', 'oneOf'] as const) if (s[key]) return fc.oneof(...s[key].map((x: Schema) => valid(x, depth + 1)));
  if (s.allOf) return valid(s.allOf[0], depth + 1);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t: string) => valid({ ...s, type: t }, depth + 1)));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = Math.max(s.minimum ?? (s.exclusiveMinimum ?? -1_000_001) + 1, -1_000_000);
      const max = Math.min(s.maximum ?? (s.exclusiveMaximum ?? 1_000_001) - 1, 1_000_000_000);
      return fc.oneof(fc.integer({ min, max: Math.max(min, max) }), fc.constantFrom(Math.max(min, Math.min(1, max)), min, Math.max(min, max)));
    }
    case 'number': {
      const min = Math.max(s.minimum ?? -1e6, -1e12);
      const max = Math.min(s.maximum ?? 1e9, 1e12);
      return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
    }
    case 'string': {
      if (s.format === 'date' || /\\d\{4\}-\\d\{2\}-\\d\{2\}\$/.test(s.pattern ?? '')) return dateString();
      if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'email') return fc.emailAddress();
      const minLength = s.minLength ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 40));
      if (s.pattern) {
        try {
          // Cut to the length limit rather than filter: a filter that rarely passes never ends.
          const m = fc.stringMatching(new RegExp(s.pattern)).map((x) => x.slice(0, s.maxLength ?? 200));
          return fc.oneof(m, m, fc.string({ minLength, maxLength }));
        } catch {
          // a pattern JavaScript cannot read: plain strings
        }
      }
      const fitting = WORDS.filter((w) => w.length >= minLength && w.length <= maxLength);
      return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }), ...(fitting.length ? [fc.constantFrom(...fitting)] : []));
    }
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(valid(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)) });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, valid(v as Schema, depth + 1)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    default:
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of a JSON type the schema refuses outright, or null when the schema accepts every type. */
function wrongType(schema: Schema): unknown {
  const s = resolve(schema);
  if (s.anyOf || s.oneOf || s.allOf || (!s.type && !s.enum && !('const' in s))) return null;
  const types = new Set([s.type].flat());
  if (s.enum || 'const' in s) return { fuzz: true };
  if (!types.has('object')) return { fuzz: [1] };
  if (!types.has('array')) return [{ fuzz: 1 }];
  return null;
}

/** A raw JSON body the route's schema must refuse. */
function invalid(schema: Schema | undefined): fc.Arbitrary<string> {
  const s = schema ? resolve(schema) : undefined;
  const RAW = ['{"broken":', '{}x', '[]', '42', '"text"', 'true', 'null'];
  // A route without a body schema ignores the body: only malformed JSON is refused there.
  if (!s || s.type !== 'object') return fc.constantFrom(...RAW.filter((r) => (s ? wrongShape(s, r) : r.startsWith('{"broken') || r === '{}x')));
  const raw = fc.constantFrom(...RAW.filter((r) => r !== 'null' || !acceptsNull(s)));
  const base = valid(s) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<string>[] = [raw];
  const props = Object.entries(s.properties ?? {}).filter(([, v]) => wrongType(v as Schema) !== null);
  if (props.length) {
    options.push(fc.tuple(base, fc.constantFrom(...props)).map(([b, [k, v]]) => JSON.stringify({ ...b, [k]: wrongType(v as Schema) })));
  }
  if (s.additionalProperties === false) options.push(base.map((b) => JSON.stringify({ ...b, fuzzUnknownField: 'x' })));
  const required: string[] = (s.required ?? []).filter((k: string) => s.properties?.[k]);
  if (required.length) options.push(fc.tuple(base, fc.constantFrom(...required)).map(([b, k]) => JSON.stringify(Object.fromEntries(Object.entries(b).filter(([x]) => x !== k)))));
  return fc.oneof(...options);
}
const acceptsNull = (s: Schema) => [s.type].flat().includes('null');
function wrongShape(s: Schema, raw: string): boolean {
  if (raw.startsWith('{"broken') || raw === '{}x') return true;
  const v = JSON.parse(raw);
  const type = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;
  return !!s.type && ![s.type].flat().includes(type) && !(type === 'number' && [s.type].flat().includes('integer'));
}

/** Every table's rows, hashed: what an invalid request must leave as it was. */
async function checksum(): Promise<Map<string, string>> {
  const k = ctx.db.kysely;
  const tables =
    TEST_DB === 'sqlite'
      ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%'`.execute(k)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(k)).rows.map((r) => r.name);
  const out = new Map<string, string>();
  for (const t of tables.filter((t) => !VOLATILE.has(t)).sort()) {
    const rows = (await sql`SELECT * FROM ${sql.table(t)}`.execute(k)).rows;
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    out.set(t, `${rows.length}:${crypto.createHash('sha1').update(lines.join('\n')).digest('hex')}`);
  }
  return out;
}
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([t, h]) => before.get(t) !== h).map(([t]) => t);
}

const STACK = /\n\s+at \S|\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules\/|\.ts:\d+:\d+/;

function pathFor(url: string, r: () => number): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (url.startsWith('/api/users') && name === 'id') return String(userIds[Math.floor(r() * userIds.length)] ?? 2);
    const pick = r();
    return String(pick < 0.8 ? 1 + Math.floor(r() * 3) : pick < 0.95 ? 999_999 : 0);
  });
}

describe(`API fuzzing (${TEST_DB})`, () => {
  it('answers every POST/PUT body without a 5xx or a stack trace, and an invalid body changes nothing', async () => {
    const routes: { method: 'POST' | 'PUT'; url: string; body?: Schema; json: boolean }[] = [];
    for (const [p, ops] of Object.entries<any>(doc.paths)) {
      for (const method of ['post', 'put'] as const) {
        const op = ops[method];
        if (!op) continue;
        const url = p.replace(/\{(\w+)\}/g, ':$1');
        if (SKIP.has(`${method.toUpperCase()} ${url}`)) continue;
        const content = op.requestBody?.content;
        routes.push({ method: method.toUpperCase() as 'POST' | 'PUT', url, body: content?.['application/json']?.schema, json: !content || !!content['application/json'] });
      }
    }
    expect(routes.length).toBeGreaterThan(100);

    let requests = 0;
    const failures: string[] = [];
    const random = (() => {
      let a = SEED;
      return () => ((a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296);
    })();

    for (const route of routes) {
      if (!route.json) continue;
      const started = Date.now();
      // Valid-looking bodies: whatever they do, never a 5xx or a stack trace.
      await fc.assert(
        fc.asyncProperty(route.body ? valid(route.body) : fc.jsonValue({ maxDepth: 2 }), async (body) => {
          const url = pathFor(route.url, random);
          const res = await ctx.admin.app.inject({ method: route.method, url, payload: JSON.stringify(body), headers: headersOf() });
          requests++;
          if (res.statusCode >= 500 || STACK.test(res.body)) {
            failures.push(`${route.method} ${url} ${res.statusCode} ${JSON.stringify(body).slice(0, 300)} → ${res.body.slice(0, 300)}`);
            return false;
          }
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      ).catch(() => undefined);
      // Invalid bodies: a 4xx, and no table changed.
      const before = await checksum();
      await fc.assert(
        fc.asyncProperty(invalid(route.body), async (payload) => {
          const url = pathFor(route.url, random);
          const res = await ctx.admin.app.inject({ method: route.method, url, payload, headers: headersOf() });
          requests++;
          if (res.statusCode < 400 || res.statusCode >= 500 || STACK.test(res.body)) {
            failures.push(`${route.method} ${url} invalid body ${payload.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
            return false;
          }
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      ).catch(() => undefined);
      const moved = changed(before, await checksum());
      if (moved.length) failures.push(`${route.method} ${route.url}: invalid bodies changed ${moved.join(', ')}`);
      if (process.env.FUZZ_VERBOSE) console.log(`${route.method} ${route.url}: ${Date.now() - started} ms`);
    }

    const fiveXx = failures.filter((f) => / 5\d\d /.test(f)).length;
    console.log(`fuzz: ${requests} requests over ${routes.filter((r) => r.json).length} routes, ${fiveXx} 5xx (${TEST_DB}, ${RUNS} runs per route and kind)`);
    expect(failures).toEqual([]);
  }, 1_200_000);
});

/** The admin's cookies and CSRF token, sent as the web app sends them. */
function headersOf(): Record<string, string> {
  const c = ctx.admin;
  return { 'content-type': 'application/json', cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(c.csrf ? { 'x-csrf-token': c.csrf } : {}) };
}

describe('bodies the fuzzing found refused wrongly', () => {
  it('refuses a JSON body where a visit signature image is expected with a 4xx, not a 500', async () => {
    const visit = await ctx.db.kysely.selectFrom('visits').select('id').orderBy('id').executeTakeFirstOrThrow();
    const res = await ctx.admin.app.inject({ method: 'POST', url: `/api/visits/${visit.id}/signature?filename=a.png`, payload: 'null', headers: headersOf() });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
