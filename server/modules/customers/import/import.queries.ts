import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema';
import { importStoreQueries } from '../../../platform/import/import.store.queries';

/** The only SQL of the import; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

/** IN lists stay well below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;
function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

export const importQueries = {
  /** The table of the customer imports, through the platform's import queries. */
  store: importStoreQueries('customer_imports'),

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

  /** Archive number and name of the given customers, by id (the matches a duplicate row names). */
  async customerLabels(db: Q, ids: number[]) {
    const out = new Map<number, { archive_no: string; name: string }>();
    for (const part of chunks([...new Set(ids)])) {
      for (const r of await db.selectFrom('customers').select(['id', 'archive_no', 'name']).where('id', 'in', part).execute()) out.set(r.id, r);
    }
    return out;
  },

  /** Whether the customer already has a contact of this name (a re-import adds no second one). */
  async hasContactNamed(db: Q, customerId: number, name: string) {
    return !!(await db.selectFrom('customer_contacts').select('id').where('customer_id', '=', customerId).where('name', '=', name).executeTakeFirst());
  },

  /** Full rows of the given customers, by id. */
  async customerRows(db: Q, ids: number[]) {
    const out = new Map<number, Selectable<Database['customers']>>();
    for (const part of chunks(ids)) for (const r of await db.selectFrom('customers').selectAll().where('id', 'in', part).execute()) out.set(r.id, r);
    return out;
  },

  chunks,
};
