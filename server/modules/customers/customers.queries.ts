import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DialectKind } from '../../db/database';
import type { Database } from '../../db/schema';
import { prepared } from '../../db/prepared';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeBranches, scopeCondition } from '../../platform/permissions/scope';
import { fts5Query, tsQuery, type QueryTerm } from './customers.rules';

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

/** A customer of a list page with its owner's and team's names. */
export type ListRow = Selectable<Database['customers']> & { owner_name: string | null; team_name: string | null };

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

/**
 * The same match tested row by row, for a term found in very many names: the page is then read in the
 * order's index and each row checked until the page is full, instead of reading and sorting every match.
 * A scalar subquery, so neither planner turns it back into a join over all matches.
 */
function matchesTermsPerRow(kind: DialectKind, terms: QueryTerm[]) {
  return kind === 'sqlite'
    ? sql<SqlBool>`exists (select 1 from customer_search where customer_search.rowid = customers.id and customer_search match ${fts5Query(terms)})`
    : sql<SqlBool>`coalesce((select tsv @@ to_tsquery('simple', ${tsQuery(terms)}) from customer_search where customer_search.customer_id = customers.id), false)`;
}

/**
 * The terms' matches up to `limit`, from the full-text index alone (no customer is read). On PostgreSQL
 * the general count would first gather every matching id into the array of matchesTerms (100,000+ for a
 * common pair); here the scan stops at `limit`.
 */
function matchCount(kind: DialectKind, terms: QueryTerm[], limit: number) {
  return kind === 'sqlite'
    ? sql<{ n: number }>`select count(*) as n from (select rowid from customer_search where customer_search match ${fts5Query(terms)} limit ${limit}) m`
    : sql<{ n: number }>`select count(*) as n from (select 1 from customer_search where tsv @@ to_tsquery('simple', ${tsQuery(terms)}) limit ${limit}) m`;
}

/**
 * SQLite, a common term, the page read in the order's index: the set of matching ids is built once and
 * tested per row (`+` keeps the planner from driving by id and sorting every match). Where the term is
 * in most names, testing each row in FTS5 itself is cheaper than building that set (~1 ms a test against
 * ~2 µs an id: past ~50,000 matches at a first page; docs/performance.md).
 */
const PER_ROW_MATCHES = 50_000;
function matchesTermsAsSet(terms: QueryTerm[]) {
  return sql<SqlBool>`+customers.id in (select rowid from customer_search where customer_search match ${fts5Query(terms)})`;
}

/** Orders with an index of their own, which a page can be read from with the match tested row by row. */
const INDEXED_SORTS = new Set<CustomerSortField>(['name', 'createdAt', 'updatedAt']);

/** Any condition besides the scope and the search terms. */
function hasFilters(f: CustomerFilter): boolean {
  return Object.entries(f).some(([k, v]) => k !== 'terms' && v !== undefined && v !== null && v !== '' && v !== false);
}

export function customerQueries(kind: DialectKind) {
  /** The filter's conditions on customers' own columns (the scope and the search come apart). */
  function filters<QB extends SelectQueryBuilder<Database, 'customers', any>>(qb: QB, f: CustomerFilter): QB {
    let q = qb as SelectQueryBuilder<Database, 'customers', any>;
    if (f.status) q = q.where('customers.status', '=', f.status);
    if (f.ownerId) q = q.where('customers.owner_id', '=', f.ownerId);
    if (f.teamId) q = q.where('customers.team_id', '=', f.teamId);
    if (f.province) q = q.where('customers.province', '=', f.province);
    if (f.city) q = q.where('customers.city', '=', f.city);
    if (f.industry) q = q.where('customers.industry', '=', f.industry);
    if (f.grade) q = q.where('customers.grade', '=', f.grade);
    if (f.incomplete) q = q.where('customers.completeness', '<', 100);
    if (f.createdFrom) q = q.where('customers.created_at', '>=', f.createdFrom);
    if (f.createdTo) q = q.where('customers.created_at', '<', f.createdTo);
    if (f.updatedFrom) q = q.where('customers.updated_at', '>=', f.updatedFrom);
    if (f.updatedTo) q = q.where('customers.updated_at', '<', f.updatedTo);
    return q as QB;
  }

  /**
   * The customers a list or count covers. No joins here: every condition is on customers' own
   * columns, so the count can be answered from an index alone (docs/performance.md); the page's
   * rows join the owner and team names afterwards.
   */
  function filtered(db: Q, actor: Actor, f: CustomerFilter) {
    let qb = db.selectFrom('customers').where(scopeCondition(actor, RESOURCES.customer));
    if (f.terms?.length) qb = qb.where(matchesTerms(kind, f.terms));
    return filters(qb, f);
  }

  const detailColumns = ['owner.display_name as owner_name', 'teams.name as team_name'] as const;
  /** One customer with its names: the record every customer page opens with, prepared (docs/performance.md). */
  const customerById = prepared((db: Q, id: number) =>
    db
      .selectFrom('customers')
      .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
      .leftJoin('teams', 'teams.id', 'customers.team_id')
      .leftJoin('user_directory as creator', 'creator.id', 'customers.created_by')
      .selectAll('customers')
      .select([...detailColumns, 'creator.display_name as created_by_name'])
      .where('customers.id', '=', id),
  );

  type ListPaging = { page: number; pageSize: number; sort: CustomerSortField; direction: 'asc' | 'desc' };
  type Branch = NonNullable<ReturnType<typeof scopeBranches>>[number];

  /**
   * The scope's branches made disjoint: each excludes those before it (a NULL column counts as not
   * matching), so their pages merge without duplicates and their counts add up. The owner comes first,
   * so a team's branch tests the owner inside its own index (customers_team_name_idx).
   */
  function disjoint(branches: Branch[]): Branch[] {
    return branches.map((b, i) => {
      const earlier = branches.slice(0, i);
      if (!earlier.length) return b;
      return (eb) => eb.and([b(eb), sql<SqlBool>`not coalesce(${eb.or(earlier.map((l) => l(eb)))}, false)`]);
    });
  }

  return {
    /**
     * One page and the total. Where the scope is an OR across columns (a supervisor: own customers or
     * the team's), each branch reads its first page·size rows in index order and the page is cut from
     * their merge. The total stops at `countCap` where given (countCapped); a search past it reads its
     * page in the order's index with the match tested row by row.
     */
    async list(db: Q, actor: Actor, f: CustomerFilter, p: ListPaging, countCap?: number): Promise<{ rows: ListRow[]; total: number; countCapped: boolean }> {
      const branches = scopeBranches(actor, RESOURCES.customer, { teamsApart: true });
      const searching = !!f.terms?.length;
      // SQLite counts a whole table from its b-tree without visiting the rows (25 µs at 220,000): exact there.
      const cap = kind === 'sqlite' && branches === null && !searching && !hasFilters(f) ? undefined : countCap;
      const count = async (): Promise<{ total: number; countCapped: boolean }> => {
        const capped = (n: number) => ({ total: Math.min(n, cap ?? n), countCapped: cap !== undefined && n > cap });
        // With nothing but the terms to check (every customer visible, no filter), from the full-text index alone.
        if (searching && cap !== undefined && branches === null && !hasFilters(f)) {
          return capped(Number((await matchCount(kind, f.terms!, cap + 1).execute(db)).rows[0].n));
        }
        // Bounded where a cap is given: a team of 200,000 or a pair in every other name is not counted to
        // the end on every page (each branch reads at most cap + 1 entries of its index).
        const counted = (qb: SelectQueryBuilder<Database, 'customers', any>) =>
          cap === undefined
            ? qb.select((eb) => eb.fn.countAll<number>().as('n'))
            : db.selectFrom(qb.select(sql.lit(1).as('one')).limit(cap + 1).as('matches')).select((eb) => eb.fn.countAll<number>().as('n'));
        if (branches && branches.length > 1 && !searching) {
          const counts = disjoint(branches).map((b) => counted(filters(db.selectFrom('customers').where(b), f)));
          const r = await sql<{ n: number }>`select ${sql.join(counts.map((c) => sql`(${c})`), sql` + `)} as n`.execute(db);
          return capped(Number(r.rows[0].n));
        }
        return capped(Number((await (counted(filtered(db, actor, f)) as SelectQueryBuilder<any, any, { n: number }>).executeTakeFirstOrThrow()).n));
      };

      const order = CUSTOMER_SORT[p.sort];
      const offset = (p.page - 1) * p.pageSize;
      const withDetails = <QB extends SelectQueryBuilder<Database, 'customers', any>>(qb: QB, skip = offset) =>
        qb
          .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
          .leftJoin('teams', 'teams.id', 'customers.team_id')
          .selectAll('customers')
          .select(detailColumns)
          .orderBy(order, p.direction)
          .orderBy('customers.id', p.direction)
          .limit(p.pageSize)
          .offset(skip);

      const page = async (capped: boolean): Promise<ListRow[]> => {
        if (branches && branches.length > 1) {
          const first = p.page * p.pageSize;
          // Each arm carries its sort key (from the branch's index where the order has one), so the page
          // is cut from the merged keys and only its rows are read whole: page 50 read 2 × 1,000 rows.
          const arms = disjoint(branches).map((b, i) => {
            let arm = filters(db.selectFrom('customers').where(b), f);
            if (searching) arm = arm.where(matchesTerms(kind, f.terms!));
            const inner = arm.select(['customers.id', sql.ref(order).as('k')]).orderBy(order, p.direction).orderBy('customers.id', p.direction).limit(first);
            // SQLite takes ORDER BY / LIMIT in a compound's arm only inside a subquery.
            return db.selectFrom(inner.as(`arm${i}`)).select([`arm${i}.id`, `arm${i}.k`]);
          });
          const merged = arms.slice(1).reduce((u, a) => u.unionAll(a as never), arms[0] as SelectQueryBuilder<any, any, { id: number; k: unknown }>);
          const cut = db
            .selectFrom(merged.as('merged'))
            .select('merged.id')
            .orderBy('merged.k', p.direction)
            .orderBy('merged.id', p.direction)
            .limit(p.pageSize)
            .offset(offset);
          // The page's ids lead (CROSS JOIN keeps SQLite from walking the whole archive in name order).
          return (await withDetails(db.selectFrom(cut.as('page')).crossJoin('customers').whereRef('customers.id', '=', 'page.id') as never, 0).execute()) as ListRow[];
        }
        let qb = db.selectFrom('customers');
        if (branches) qb = qb.where(scopeCondition(actor, RESOURCES.customer));
        if (searching && capped && INDEXED_SORTS.has(p.sort)) {
          const perRow = kind === 'postgres' || Number((await matchCount(kind, f.terms!, PER_ROW_MATCHES + 1).execute(db)).rows[0].n) > PER_ROW_MATCHES;
          qb = qb.where(perRow ? matchesTermsPerRow(kind, f.terms!) : matchesTermsAsSet(f.terms!));
        } else if (searching) qb = qb.where(matchesTerms(kind, f.terms!));
        return (await withDetails(filters(qb, f)).execute()) as ListRow[];
      };

      // A capped search's page depends on its count (how common the terms are); otherwise read alongside.
      if (searching && countCap !== undefined) {
        const c = await count();
        return { rows: await page(c.countCapped), ...c };
      }
      const [rows, c] = await Promise.all([page(false), count()]);
      return { rows, ...c };
    },

    get: customerById.first,

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
