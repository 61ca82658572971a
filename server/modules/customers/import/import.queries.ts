import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema';
import type { CustomerImportTable } from '../customers.tables';
import { paged } from '../../../db/paging';

/** The only SQL of the import; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

/** Everything but the stored cells. */
const SUMMARY_COLUMNS = ['id', 'created_by', 'filename', 'file_type', 'encoding', 'sheet_name', 'status', 'row_count', 'duplicates_mode', 'result', 'progress_processed', 'progress_total', 'created_at', 'committed_at'] as const;

/** IN lists stay well below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;
function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

export const importQueries = {
  async insert(db: Q, values: Insertable<CustomerImportTable>): Promise<number> {
    const row = await db.insertInto('customer_imports').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async get(db: Q, id: number) {
    return db.selectFrom('customer_imports').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Without the stored cells: for status polls and lists. */
  async summary(db: Q, id: number) {
    return db
      .selectFrom('customer_imports')
      .select(SUMMARY_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async listOwn(db: Q, userId: number, page: number, pageSize: number) {
    const base = db.selectFrom('customer_imports').where('created_by', '=', userId);
    return paged(base.select(SUMMARY_COLUMNS).orderBy('id', 'desc'), base, { page, pageSize });
  },

  async update(db: Q, id: number, patch: Updateable<CustomerImportTable>) {
    await db.updateTable('customer_imports').set(patch).where('id', '=', id).execute();
  },

  /**
   * Claims a previewed import for committing (atomic: a second click or instance gets false). A commit
   * whose process died (no progress for `staleBefore`) may be claimed again: its transaction was rolled back.
   */
  async claim(db: Q, id: number, now: string, staleBefore: string): Promise<boolean> {
    const res = await db
      .updateTable('customer_imports')
      .set({ status: 'committing', progress_processed: 0, updated_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'previewed'), eb.and([eb('status', '=', 'committing'), eb('updated_at', '<', staleBefore)])]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /**
   * An earlier committed import of the same file with the same mapping (idempotent re-import). With
   * `updateOnly`, only one that also updated duplicates counts: "update" after an earlier "skip" applies
   * the file's values to the duplicates that run left alone (and is itself idempotent).
   */
  async committedTwin(db: Q, sha256: string, mapping: string, exceptId: number, updateOnly = false) {
    let qb = db
      .selectFrom('customer_imports')
      .leftJoin('user_directory as users', 'users.id', 'customer_imports.created_by')
      .select(['customer_imports.id', 'customer_imports.result', 'customer_imports.committed_at', 'customer_imports.duplicates_mode', 'users.display_name as created_by_name'])
      .where('customer_imports.file_sha256', '=', sha256)
      .where('customer_imports.status', '=', 'committed')
      .where('customer_imports.mapping', '=', mapping)
      .where('customer_imports.id', '!=', exceptId)
      .where('customer_imports.result', 'is not', null);
    if (updateOnly) qb = qb.where('customer_imports.duplicates_mode', '=', 'update');
    return qb.orderBy('customer_imports.id').executeTakeFirst();
  },

  /** Previews nobody committed, after `before`: their stored cells are not kept for ever. */
  async purgeStalePreviews(db: Q, before: string) {
    await db.deleteFrom('customer_imports').where('status', '=', 'previewed').where('created_at', '<', before).execute();
  },

  // ── Duplicate keys of existing customers ──────────────────────────────────────
  async customersByKeys(db: Q, keys: { creditCodes: string[]; phoneDigits: string[]; names: string[]; archiveNos: string[] }) {
    const out = new Map<number, { id: number; archive_no: string; credit_code: string | null; phone_digits: string | null; name_normalized: string }>();
    const cols = ['id', 'archive_no', 'credit_code', 'phone_digits', 'name_normalized'] as const;
    const lists: [('credit_code' | 'phone_digits' | 'name_normalized' | 'archive_no'), string[]][] = [
      ['credit_code', keys.creditCodes],
      ['phone_digits', keys.phoneDigits],
      ['name_normalized', keys.names],
      ['archive_no', keys.archiveNos],
    ];
    for (const [col, values] of lists) {
      for (const part of chunks([...new Set(values)])) {
        for (const r of await db.selectFrom('customers').select(cols).where(col, 'in', part).execute()) out.set(r.id, r);
      }
    }
    return [...out.values()];
  },

  /** Customers whose contacts have one of these mobile numbers (the duplicate check counts them too). */
  async contactMobiles(db: Q, digits: string[]) {
    const out: { customer_id: number; mobile_digits: string | null }[] = [];
    for (const part of chunks([...new Set(digits)])) {
      out.push(...(await db.selectFrom('customer_contacts').select(['customer_id', 'mobile_digits']).where('mobile_digits', 'in', part).execute()));
    }
    return out;
  },

  /** Full rows of the given customers, by id. */
  async customerRows(db: Q, ids: number[]) {
    const out = new Map<number, Selectable<Database['customers']>>();
    for (const part of chunks(ids)) for (const r of await db.selectFrom('customers').selectAll().where('id', 'in', part).execute()) out.set(r.id, r);
    return out;
  },

  /** PostgreSQL: serialises transactions that commit the same file (held until the transaction ends). */
  async lockFile(db: Q, sha256: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${Number.parseInt(sha256.slice(0, 13), 16)}::bigint)`.execute(db);
  },

  chunks,
};
