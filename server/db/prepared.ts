import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema';

/** Stands in for an argument while a prepared query is built, so the compiled SQL marks where it goes. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * The SQL texts of prepared queries. On PostgreSQL each becomes a named statement on every pooled connection
 * (parsed and planned once per connection instead of on every run; server/db/database.ts).
 */
export const PREPARED_SQL = new Map<string, string>();

interface Shape {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the argument it takes (a number) or the constant it keeps. */
  parameters: ({ arg: number } | { value: unknown })[];
}

/**
 * A hot-path query whose SQL is built and compiled once per database handle, then run with each call's
 * arguments (docs/performance.md, "Requests over HTTP"): building a query through Kysely's immutable
 * builders costs more than the indexed read it issues. `build` must use each argument only as a value
 * (a where, a join condition, a sql`${}`, an element of an `in` list of fixed length), never in JavaScript
 * logic, and use every argument: the first call checks that each one reaches the SQL. Inside a transaction the query is built
 * as usual (a transaction is a new handle each time). `arity`: the number of arguments, when `build`
 * takes a rest parameter; `mayLeaveArgs`: for a query that by its shape uses only some of them.
 */
export function prepared<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
  opts: { arity?: number; mayLeaveArgs?: boolean } = {},
) {
  const arity = opts.arity ?? build.length - 1;
  const shapes = new WeakMap<Kysely<Database>, Shape>();
  function shapeFor(db: Kysely<Database>): Shape {
    let shape = shapes.get(db);
    if (shape) return shape;
    const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
    const compiled = build(db, ...(slots as unknown as A)).compile();
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? { arg: p.index } : { value: p }));
    for (const slot of opts.mayLeaveArgs ? [] : slots) {
      if (!parameters.some((p) => 'arg' in p && p.arg === slot.index)) throw new Error(`prepared query: argument ${slot.index + 1} does not reach the SQL`);
    }
    shape = { compiled, parameters };
    if (!PREPARED_SQL.has(compiled.sql)) PREPARED_SQL.set(compiled.sql, `gx_${PREPARED_SQL.size + 1}`);
    shapes.set(db, shape);
    return shape;
  }
  const run = async (db: Kysely<Database>, ...args: A): Promise<R[]> => {
    if (db.isTransaction) return (await db.executeQuery(build(db, ...args))).rows;
    const { compiled, parameters } = shapeFor(db);
    const queryId = createQueryId();
    db.getExecutor().transformQuery(compiled.query, queryId); // the plugins see it (the statement counter keeps its SQL); none in production
    const bound = parameters.map((p) => ('arg' in p ? args[p.arg] : p.value));
    return (await db.executeQuery<R>({ ...compiled, queryId, parameters: bound } as CompiledQuery<R>)).rows;
  };
  /** The first row or undefined, as Kysely's executeTakeFirst. */
  const first = async (db: Kysely<Database>, ...args: A): Promise<R | undefined> => (await run(db, ...args))[0];
  return Object.assign(run, { first });
}
