import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { DialectKind } from '../../db/database';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { fts5Query, tsQuery, type QueryTerm } from './customers.rules';
import { paged } from '../../db/paging';

/** The only SQL of the customer archive; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

/** Rows per multi-row statement: ~45 parameters each, far below both databases' limits. */
const ROWS_PER_STATEMENT = 200;

export interface CustomerFilter {
  terms?: QueryTerm[];
  status?: string;
  ownerId?: number;
  teamId?: number;
  province?: string;
  city?: string;
  industry?: string;
  grade?: string;
  incomplete?: boolean;
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

export const CUSTOMER_SORT = {
  name: 'customers.name_pinyin',
  archiveNo: 'customers.archive_no',
  createdAt: 'customers.created_at',
  updatedAt: 'customers.updated_at',
  status: 'customers.status',
  completeness: 'customers.completeness',
} as const;
export type CustomerSortField = keyof typeof CUSTOMER_SORT;
export const CUSTOMER_SORT_FIELDS = Object.keys(CUSTOMER_SORT) as [CustomerSortField, ...CustomerSortField[]];

/**
 * Customers whose token document matches every term, through the full-text index of each database.
 * PostgreSQL gets the ids as one array (an InitPlan run first): with a plain IN-subquery its planner
 * may walk the name index in order and test every customer against the match, which reads the whole
 * archive when few match (seconds at a million rows; docs/performance.md). SQLite drives the FTS5
 * match first on its own.
 */
function matchesTerms(kind: DialectKind, terms: QueryTerm[]) {
  return kind === 'sqlite'
    ? sql<SqlBool>`customers.id in (select rowid from customer_search where customer_search match ${fts5Query(terms)})`
    : sql<SqlBool>`customers.id = any(array(select customer_id from customer_search where tsv @@ to_tsquery('simple', ${tsQuery(terms)})))`;
}

export function customerQueries(kind: DialectKind) {
  /**
   * The customers a list or count covers. No joins here: every condition is on customers' own
   * columns, so the count can be answered from an index alone (docs/performance.md); the page's
   * rows join the owner and team names afterwards.
   */
  function filtered(db: Q, actor: Actor, f: CustomerFilter) {
    let qb = db.selectFrom('customers').where(scopeCondition(actor, RESOURCES.customer));
    if (f.terms?.length) qb = qb.where(matchesTerms(kind, f.terms));
    if (f.status) qb = qb.where('customers.status', '=', f.status);
    if (f.ownerId) qb = qb.where('customers.owner_id', '=', f.ownerId);
    if (f.teamId) qb = qb.where('customers.team_id', '=', f.teamId);
    if (f.province) qb = qb.where('customers.province', '=', f.province);
    if (f.city) qb = qb.where('customers.city', '=', f.city);
    if (f.industry) qb = qb.where('customers.industry', '=', f.industry);
    if (f.grade) qb = qb.where('customers.grade', '=', f.grade);
    if (f.incomplete) qb = qb.where('customers.completeness', '<', 100);
    if (f.createdFrom) qb = qb.where('customers.created_at', '>=', f.createdFrom);
    if (f.createdTo) qb = qb.where('customers.created_at', '<', f.createdTo);
    if (f.updatedFrom) qb = qb.where('customers.updated_at', '>=', f.updatedFrom);
    if (f.updatedTo) qb = qb.where('customers.updated_at', '<', f.updatedTo);
    return qb;
  }

  const detailColumns = ['owner.display_name as owner_name', 'teams.name as team_name'] as const;

  return {
    async list(db: Q, actor: Actor, f: CustomerFilter, p: { page: number; pageSize: number; sort: CustomerSortField; direction: 'asc' | 'desc' }) {
      const base = filtered(db, actor, f);
      return paged(
        base
          .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
          .leftJoin('teams', 'teams.id', 'customers.team_id')
          .selectAll('customers')
          .select(detailColumns)
          .orderBy(CUSTOMER_SORT[p.sort], p.direction)
          .orderBy('customers.id', p.direction),
        base,
        p,
      );
    },

    async get(db: Q, id: number) {
      return db
        .selectFrom('customers')
        .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
        .leftJoin('teams', 'teams.id', 'customers.team_id')
        .leftJoin('user_directory as creator', 'creator.id', 'customers.created_by')
        .selectAll('customers')
        .select([...detailColumns, 'creator.display_name as created_by_name'])
        .where('customers.id', '=', id)
        .executeTakeFirst();
    },

    async row(db: Q, id: number) {
      return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /**
     * Reserves `count` consecutive archive numbers of the year; atomic, so concurrent creations never
     * share a number. Returns the first of them (the service formats KH2026-000001).
     */
    async reserveArchiveNos(db: Q, year: number, count: number): Promise<number> {
      const row = await db
        .insertInto('archive_sequences')
        .values({ year, last_no: count })
        .onConflict((oc) => oc.column('year').doUpdateSet({ last_no: sql`archive_sequences.last_no + ${count}` }))
        .returning('last_no')
        .executeTakeFirstOrThrow();
      return Number(row.last_no) - count + 1;
    },

    /** Inserts customer rows in multi-row statements; returns the ids in the given order. */
    async insertRows(db: Q, rows: Insertable<Database['customers']>[]): Promise<number[]> {
      const idByArchiveNo = new Map<string, number>();
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        const inserted = await db.insertInto('customers').values(rows.slice(i, i + ROWS_PER_STATEMENT)).returning(['id', 'archive_no']).execute();
        for (const r of inserted) idByArchiveNo.set(r.archive_no, r.id);
      }
      return rows.map((r) => idByArchiveNo.get(r.archive_no)!);
    },

    async writeSearchDocument(db: Q, customerId: number, tokens: string) {
      await this.writeSearchDocuments(db, [[customerId, tokens]]);
    },

    /** Replaces the token documents of the given customers in the full-text index of each database. */
    async writeSearchDocuments(db: Q, docs: (readonly [number, string])[]) {
      for (let i = 0; i < docs.length; i += ROWS_PER_STATEMENT) {
        const part = docs.slice(i, i + ROWS_PER_STATEMENT);
        const values = sql.join(part.map(([id, tokens]) => sql`(${id}, ${tokens})`));
        if (kind === 'sqlite') {
          await sql`DELETE FROM customer_search WHERE rowid IN (${sql.join(part.map(([id]) => id))})`.execute(db);
          await sql`INSERT INTO customer_search (rowid, tokens) VALUES ${values}`.execute(db);
        } else {
          await sql`INSERT INTO customer_search (customer_id, tokens) VALUES ${values}
                    ON CONFLICT (customer_id) DO UPDATE SET tokens = EXCLUDED.tokens`.execute(db);
        }
      }
    },

    async contacts(db: Q, customerId: number) {
      return db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', customerId).orderBy('is_key', 'desc').orderBy('id').execute();
    },

    async contact(db: Q, customerId: number, contactId: number) {
      return db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', customerId).where('id', '=', contactId).executeTakeFirst();
    },

    async contactsOf(db: Q, customerIds: number[]) {
      if (!customerIds.length) return [];
      return db.selectFrom('customer_contacts').select(['customer_id', 'name', 'mobile', 'phone']).where('customer_id', 'in', customerIds).orderBy('id').execute();
    },

    /** Possible duplicates of a new customer (查重), across all scopes: the caller decides what to reveal. */
    async duplicates(db: Q, probe: { nameNormalized?: string; creditCode?: string; phoneDigits?: string }, exceptId?: number) {
      let qb = db.selectFrom('customers').select(['id', 'archive_no', 'name', 'credit_code', 'phone_digits', 'name_normalized']);
      qb = qb.where((eb) => {
        const c = [];
        if (probe.nameNormalized) c.push(eb('name_normalized', '=', probe.nameNormalized));
        if (probe.creditCode) c.push(eb('credit_code', '=', probe.creditCode));
        if (probe.phoneDigits) {
          c.push(eb('phone_digits', '=', probe.phoneDigits));
          c.push(eb('id', 'in', eb.selectFrom('customer_contacts').select('customer_id').where('mobile_digits', '=', probe.phoneDigits)));
        }
        return c.length ? eb.or(c) : sql<SqlBool>`1 = 0`;
      });
      if (exceptId) qb = qb.where('id', '!=', exceptId);
      return qb.limit(10).execute();
    },

    async visibleIds(db: Q, actor: Actor, ids: number[]): Promise<Set<number>> {
      if (!ids.length) return new Set();
      const rows = await db.selectFrom('customers').select('customers.id').where('customers.id', 'in', ids).where(scopeCondition(actor, RESOURCES.customer)).execute();
      return new Set(rows.map((r) => r.id));
    },

    /** The audit entries of a customer and of every customer merged into it, newest first. */
    async history(db: Q, customerIds: number[]) {
      return db
        .selectFrom('audit_log')
        .select(['at', 'actor_name', 'action', 'changes', 'summary'])
        .where('entity_type', '=', 'customer')
        .where('entity_id', 'in', customerIds.map(String))
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
    },

    grades: (db: Q, ids: number[]) => db.selectFrom('customers').select(['id', 'grade', 'version']).where('id', 'in', ids).execute(),
    async setGrade(db: Q, id: number, grade: string | null, at: string) {
      await db
        .updateTable('customers')
        .set((eb) => ({ grade, version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', id)
        .execute();
    },

    /** Current owners of the given customers, for the transfer's audit trail. */
    owners: (db: Q, ids: number[]) => db.selectFrom('customers').select(['id', 'owner_id']).where('id', 'in', ids).execute(),
    /** A page of customers in id order for the nightly pool run (docs/regulations.md §8), ended ones left out. */
    poolBatch: (db: Q, afterId: number, limit: number, endedStatus: string) =>
      db
        .selectFrom('customers')
        .select(['id', 'name', 'owner_id', 'department_id', 'grade', 'created_at'])
        .where('id', '>', afterId)
        .where('status', '!=', endedStatus)
        .orderBy('id')
        .limit(limit)
        .execute(),
    async setPlacement(db: Q, ids: number[], placement: { owner_id: number; team_id: number | null; department_id: number | null }, at: string) {
      await db
        .updateTable('customers')
        .set((eb) => ({ ...placement, version: eb('version', '+', 1), updated_at: at }))
        .where('id', 'in', ids)
        .execute();
    },
    /** A change to a customer's contacts counts as a change of the customer. */
    async touch(db: Q, customerId: number, at: string) {
      await db.updateTable('customers').set({ updated_at: at }).where('id', '=', customerId).execute();
    },
    insertContact: (db: Q, values: Insertable<Database['customer_contacts']>) => db.insertInto('customer_contacts').values(values).returningAll().executeTakeFirstOrThrow(),
    async deleteContact(db: Q, contactId: number) {
      await db.deleteFrom('customer_contacts').where('id', '=', contactId).execute();
    },
  };
}
export type CustomerQueries = ReturnType<typeof customerQueries>;

/** How other modules read customers: by id, inside the caller's data scope where asked. */
export const customerLookups = {
  byId: (db: Q, id: number) => db.selectFrom('customers').select(['id', 'name', 'archive_no', 'owner_id', 'team_id', 'department_id']).where('id', '=', id).executeTakeFirst(),
  inScope: (db: Q, actor: Actor, id: number) =>
    db.selectFrom('customers').select(['customers.id', 'customers.name']).where('customers.id', '=', id).where(scopeCondition(actor, RESOURCES.customer)).executeTakeFirst(),
  /** Of these customers, the ids the actor may see. */
  async visibleIds(db: Q, actor: Actor, ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await db.selectFrom('customers').select('customers.id').where('customers.id', 'in', [...new Set(ids)]).where(scopeCondition(actor, RESOURCES.customer)).execute();
    return new Set(rows.map((r) => r.id));
  },
  /** A contact of this customer (null when it belongs to another). */
  contactOf: (db: Q, customerId: number, contactId: number) =>
    db.selectFrom('customer_contacts').select(['id', 'name', 'version']).where('id', '=', contactId).where('customer_id', '=', customerId).executeTakeFirst(),
  /** Contacts of these customers with a birthday, for the care calendar (docs/regulations.md §12). */
  contactBirthdays: (db: Q, customerIds: number[]) =>
    customerIds.length
      ? db
          .selectFrom('customer_contacts')
          .select(['id', 'customer_id', 'name', 'birthday', 'birthday_calendar'])
          .where('customer_id', 'in', customerIds)
          .where('birthday', 'is not', null)
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
  /** Customers whose own number or a contact's mobile has exactly these digits (a caller's number), oldest first. */
  byPhoneDigits: (db: Q, digits: string) =>
    db
      .selectFrom('customers')
      .select(['customers.id', 'customers.name', 'customers.archive_no', 'customers.owner_id'])
      .where((eb) =>
        eb.or([
          eb('customers.phone_digits', '=', digits),
          eb.exists(eb.selectFrom('customer_contacts').select('customer_contacts.id').whereRef('customer_contacts.customer_id', '=', 'customers.id').where('customer_contacts.mobile_digits', '=', digits)),
        ]),
      )
      .orderBy('customers.id')
      .limit(5)
      .execute(),
};
