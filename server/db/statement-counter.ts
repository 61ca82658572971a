import { PostgresQueryCompiler, SqliteQueryCompiler, type KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';

/**
 * Counts the SQL statements issued through Kysely (off unless the database is opened with
 * `countStatements`: the statement-count test and the HTTP benchmark turn it on). On PostgreSQL every
 * statement is a network round trip, so the count of a hot path is what decides its speed
 * (docs/performance.md). BEGIN and COMMIT of a transaction bypass plugins and are not counted.
 * Counted when a result comes back, not when a query is built: a sub-query built on its own
 * (a builder nested in another) passes through transformQuery too but is no statement.
 */
export class StatementCounter implements KyselyPlugin {
  count = 0;
  /** The SQL of each counted statement since the last reset (kept only while `keep` is set). */
  sql: string[] = [];
  keep = false;
  private compiler;
  private pending = new WeakMap<object, string>();

  constructor(kind: 'sqlite' | 'postgres') {
    this.compiler = kind === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler();
  }

  reset(): void {
    this.count = 0;
    this.sql = [];
  }

  transformQuery(args: PluginTransformQueryArgs) {
    if (this.keep) this.pending.set(args.queryId, this.compiler.compileQuery(args.node, args.queryId).sql);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    if (this.keep) this.sql.push(this.pending.get(args.queryId) ?? '(sql not kept)');
    return args.result;
  }
}
