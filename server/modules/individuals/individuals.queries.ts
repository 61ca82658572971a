import type { Insertable, Kysely } from 'kysely';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { paged } from '../../db/paging';
import { foldChinese } from '../../platform/search/chinese.rules';

type Q = Kysely<Database>;

/** The only SQL of individual customers. A hotel's VIP list is small: plain indexed lookups and LIKE serve. */
export const individualQueries = {
  async list(db: Q, actor: Actor, f: { q?: string; initial?: string }, p: { page: number; pageSize: number }) {
    let qb = db
      .selectFrom('individual_customers')
      .leftJoin('user_directory as owner', 'owner.id', 'individual_customers.owner_id')
      .where(scopeCondition(actor, RESOURCES.individual));
    if (f.initial) qb = qb.where('individual_customers.initial', '=', f.initial);
    if (f.q) {
      // Every run of the query must match (docs/regulations.md §2): Chinese (folded to simplified) inside the name,
      // letters from the start of a reading or initials, 4+ digits inside the mobile.
      const runs = foldChinese(f.q).toLowerCase().match(/\p{Script=Han}+|[a-z]+|\d+/gu) ?? [];
      for (const run of runs) {
        qb = qb.where((eb) => {
          if (/^\d+$/.test(run)) {
            const ors = [containsText('individual_customers.name', run)];
            if (run.length >= 4) ors.push(eb('individual_customers.mobile_digits', 'like', `%${run}%`));
            return eb.or(ors);
          }
          // Runs hold only letters, digits or Chinese characters: nothing LIKE would read as a wildcard.
          return eb('individual_customers.name_search', 'like', /[a-z]/.test(run) ? `% ${run}%` : `%${run}%`);
        });
      }
    }
    return paged(
      qb
        .selectAll('individual_customers')
        .select('owner.display_name as owner_name')
        .orderBy('individual_customers.initial')
        .orderBy('individual_customers.name_pinyin')
        .orderBy('individual_customers.id'),
      qb,
      p,
    );
  },

  /** For the care calendar (docs/regulations.md §12): guests with a birthday, by id, in the actor's scope (all without one), optionally one owner's. */
  birthdaysPage(db: Q, actor: Actor | null, f: { ownerId?: number }, afterId: number, limit: number) {
    let qb = db
      .selectFrom('individual_customers')
      .select(['individual_customers.id', 'individual_customers.name', 'individual_customers.birthday', 'individual_customers.owner_id'])
      .where('individual_customers.birthday', 'is not', null)
      .where('individual_customers.id', '>', afterId);
    if (actor) qb = qb.where(scopeCondition(actor, RESOURCES.individual));
    if (f.ownerId !== undefined) qb = qb.where('individual_customers.owner_id', '=', f.ownerId);
    return qb.orderBy('individual_customers.id').limit(limit).execute();
  },

  async get(db: Q, id: number) {
    return db
      .selectFrom('individual_customers')
      .leftJoin('user_directory as owner', 'owner.id', 'individual_customers.owner_id')
      .selectAll('individual_customers')
      .select('owner.display_name as owner_name')
      .where('individual_customers.id', '=', id)
      .executeTakeFirst();
  },

  /** A guest inside the actor's scope, for other modules (membership enrols guests). */
  inScope(db: Q, actor: Actor, id: number) {
    return db.selectFrom('individual_customers').select(['individual_customers.id', 'individual_customers.name']).where('individual_customers.id', '=', id).where(scopeCondition(actor, RESOURCES.individual)).executeTakeFirst();
  },

  /** Initial letters in use within the caller's scope, for the A–Z index bar. */
  async initials(db: Q, actor: Actor) {
    const rows = await db
      .selectFrom('individual_customers')
      .select(['initial', (eb) => eb.fn.countAll<number>().as('n')])
      .where(scopeCondition(actor, RESOURCES.individual))
      .groupBy('initial')
      .orderBy('initial')
      .execute();
    return rows.map((r) => ({ initial: r.initial, count: Number(r.n) }));
  },

  async insert(db: Q, values: Insertable<Database['individual_customers']>): Promise<number> {
    return (await db.insertInto('individual_customers').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
};
