import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const SERVER = path.join(ROOT, 'server');

/**
 * SQL lives only in `*.queries.ts` files, so a reviewer finds every statement of a module in one place
 * and every statement takes the caller's executor (db or open transaction).
 */
const ALLOWED = new Map<string, string>([
  // The data-scope condition: one SQL fragment that every queries file composes into its own statements.
  ['server/platform/permissions/scope.ts', 'scope condition'],
]);

const PATTERNS: [RegExp, string][] = [
  [/\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(/, 'query builder'],
  [/\.with(Recursive)?\s*\(\s*['"`(]/, 'common table expression'],
  [/\bsql\s*(<.*?>)?\s*`/, 'sql template'],
  [/\bsql\.(raw|ref|table|id|lit|join|val|value)\s*\(/, 'raw sql'],
];

/** Every line of `source` that builds SQL, as "line: text". Comment lines are skipped. */
export function sqlLines(source: string): string[] {
  const out: string[] = [];
  source.split('\n').forEach((text, i) => {
    const t = text.trim();
    if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return;
    const hit = PATTERNS.find(([re]) => re.test(text));
    if (hit) out.push(`${i + 1}: ${hit[1]}: ${t}`);
  });
  return out;
}

/**
 * The users and customers tables belong to their modules; any other queries file reads them through
 * the owner's view (user_directory, customer_directory) or exported lookups (docs/architecture.md).
 */
const OWNERS: [table: string, owners: string[]][] = [
  ['users', ['server/modules/org/', 'server/platform/']],
  ['customers', ['server/modules/customers/']],
];
const TABLE_CALL = /\.(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral|using)\s*\(\s*['"`]([a-z_]+)(\s+as\s+[a-z_]+)?['"`]/g;

/** Each query builder call of `source` that names `table` (optionally aliased), as "line: text". */
export function tableUses(source: string, table: string): string[] {
  const lines = source.split('\n');
  const out: string[] = [];
  for (const m of source.matchAll(TABLE_CALL)) {
    if (m[2] !== table) continue;
    const line = source.slice(0, m.index).split('\n').length;
    out.push(`${line}: ${lines[line - 1].trim()}`);
  }
  return out;
}

function serverFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : serverFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('architecture', () => {
  it('finds a query builder call, a CTE and a sql template in a service', () => {
    const service = [
      "import { sql } from 'kysely';",
      '// db.selectFrom(\'comment\') is not code',
      "const rows = await db.selectFrom('x').selectAll().execute();",
      "await trx\n  .updateTable('y')\n  .set({ a: 1 }).execute();",
      "await db.with('t', (q) => q.selectNoFrom((eb) => [eb.lit(1).as('n')]));",
      'await sql`select 1`.execute(db);',
      "const n = [1, 2].with(0, 3);",
    ].join('\n');
    expect(sqlLines(service).map((l) => l.split(':')[0])).toEqual(['3', '5', '7', '8']);
  });

  it('keeps every SQL statement of the server in a *.queries.ts file', () => {
    const offenders: string[] = [];
    for (const file of serverFiles(SERVER)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (rel.endsWith('.queries.ts') || ALLOWED.has(rel)) continue;
      for (const line of sqlLines(fs.readFileSync(file, 'utf8'))) offenders.push(`${rel}:${line}`);
    }
    expect(offenders, `SQL outside *.queries.ts:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('finds the users table in a join, an aliased join and a multi-line selectFrom, not a view or a column', () => {
    const source = [
      "db.selectFrom('tasks').leftJoin('users as owner', 'owner.id', 'tasks.owner_id')",
      "  .innerJoin('users', 'users.id', 'tasks.creator_id')",
      "db.selectFrom(",
      "  'users')",
      "db.selectFrom('user_directory as users').select('users.id')",
    ].join('\n');
    expect(tableUses(source, 'users').map((l) => l.split(':')[0])).toEqual(['1', '2', '3']);
  });

  it('reads users and customers only in their own modules; others go through the directory views', () => {
    const offenders: string[] = [];
    for (const file of serverFiles(SERVER)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (!rel.endsWith('.queries.ts')) continue;
      const source = fs.readFileSync(file, 'utf8');
      for (const [table, owners] of OWNERS) {
        if (owners.some((o) => rel.startsWith(o))) continue;
        for (const line of tableUses(source, table)) offenders.push(`${rel}:${line}`);
      }
    }
    expect(offenders, `the users / customers table outside its module:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('lists only exceptions that still exist and still hold SQL', () => {
    for (const rel of ALLOWED.keys()) {
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file) && sqlLines(fs.readFileSync(file, 'utf8')).length > 0, `${rel} no longer needs its exception`).toBe(true);
    }
  });
});
