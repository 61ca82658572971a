import { sql, type ColumnType, type Generated, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { paged } from '../../db/paging';
import type { Database, Instant } from '../../db/schema';

/**
 * The columns every import table has (customer_imports, transaction_imports …): one row per uploaded file,
 * holding its parsed cells until the commit, the column mapping, the progress and the result. A module
 * owns its table (and may add columns); these queries serve any of them by name.
 */
export interface ImportStoreTable {
  id: Generated<number>;
  created_by: number;
  filename: string;
  file_sha256: string;
  file_type: string; // xlsx | csv
  encoding: string | null;
  sheet_name: string | null;
  status: string; // previewed | committing | committed
  headers: string; // JSON string[]
  mapping: string; // JSON (field | null)[]
  rows: string; // JSON string[][]
  row_numbers: string; // JSON number[]
  cell_flags: ColumnType<string, string | undefined, string>; // JSON [rowIndex, column][] (rounded numbers) and [rowIndex, column, 'formula']
  row_count: number;
  duplicates_mode: string | null;
  result: string | null; // JSON
  progress_processed: ColumnType<number, number | undefined, number>;
  progress_total: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
  committed_at: Instant | null;
}

type Store = Kysely<{ imports: ImportStoreTable; user_directory: Database['user_directory'] }>;

/** Everything but the stored cells. */
const SUMMARY_COLUMNS = ['id', 'created_by', 'filename', 'file_type', 'encoding', 'sheet_name', 'status', 'row_count', 'duplicates_mode', 'result', 'progress_processed', 'progress_total', 'created_at', 'committed_at'] as const;

/**
 * The SQL of one module's import table. `Extra` types the columns the module adds (e.g. the kind of rows);
 * the table name is the module's own, given at start-up, never user input.
 */
export function importStoreQueries<Extra extends object = object>(table: string) {
  // Kysely checks the columns against ImportStoreTable; the SQL names the module's table.
  const T = table as 'imports';
  const TA = `${table} as imports` as 'imports';
  const s = (db: Kysely<Database>) => db as unknown as Store;
  type Row = Selectable<ImportStoreTable> & Extra;

  return {
    async insert(db: Kysely<Database>, values: Insertable<ImportStoreTable> & Extra): Promise<number> {
      return (await s(db).insertInto(T).values(values).returning('id').executeTakeFirstOrThrow()).id;
    },

    async get(db: Kysely<Database>, id: number): Promise<Row | undefined> {
      return (await s(db).selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
    },

    /** Without the stored cells: for status polls and lists. */
    summary(db: Kysely<Database>, id: number) {
      return s(db).selectFrom(T).select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    listOwn(db: Kysely<Database>, userId: number, page: number, pageSize: number) {
      const base = s(db).selectFrom(T).where('created_by', '=', userId);
      return paged(base.select(SUMMARY_COLUMNS).orderBy('id', 'desc'), base, { page, pageSize });
    },

    async update(db: Kysely<Database>, id: number, patch: Updateable<ImportStoreTable>) {
      await s(db).updateTable(T).set(patch).where('id', '=', id).execute();
    },

    /**
     * Claims a previewed import for committing (atomic: a second click or instance gets false). A commit
     * whose process died (no progress for `staleBefore`) may be claimed again: its transaction was rolled back.
     */
    async claim(db: Kysely<Database>, id: number, now: string, staleBefore: string): Promise<boolean> {
      const res = await s(db)
        .updateTable(T)
        .set({ status: 'committing', progress_processed: 0, updated_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('status', '=', 'previewed'), eb.and([eb('status', '=', 'committing'), eb('updated_at', '<', staleBefore)])]))
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /**
     * An earlier committed import of the same file with the same mapping (idempotent re-import). With
     * `mode`, only one committed in that mode counts.
     */
    committedTwin(db: Kysely<Database>, sha256: string, mapping: string, exceptId: number, mode?: string) {
      let qb = s(db)
        .selectFrom(TA)
        .leftJoin('user_directory as users', 'users.id', 'imports.created_by')
        .select(['imports.id', 'imports.result', 'imports.committed_at', 'imports.duplicates_mode', 'users.display_name as created_by_name'])
        .where('imports.file_sha256', '=', sha256)
        .where('imports.status', '=', 'committed')
        .where('imports.mapping', '=', mapping)
        .where('imports.id', '!=', exceptId)
        .where('imports.result', 'is not', null);
      if (mode) qb = qb.where('imports.duplicates_mode', '=', mode);
      return qb.orderBy('imports.id').executeTakeFirst();
    },

    /** The headers and mappings of the user's latest committed imports, newest first (remembered choices). */
    recentMappings(db: Kysely<Database>, userId: number, limit: number) {
      return s(db).selectFrom(T).select(['headers', 'mapping']).where('created_by', '=', userId).where('status', '=', 'committed').orderBy('id', 'desc').limit(limit).execute();
    },

    /** Previews nobody committed, after `before`: their stored cells are not kept for ever. */
    async purgeStalePreviews(db: Kysely<Database>, before: string) {
      await s(db).deleteFrom(T).where('status', '=', 'previewed').where('created_at', '<', before).execute();
    },

    /** PostgreSQL: serialises transactions that commit the same file (held until the transaction ends). */
    async lockFile(db: Kysely<Database>, sha256: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(${Number.parseInt(sha256.slice(0, 13), 16)}::bigint)`.execute(db);
    },
  };
}
export type ImportStore<Extra extends object = object> = ReturnType<typeof importStoreQueries<Extra>>;
