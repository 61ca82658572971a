import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Paging } from './paging';

/**
 * As `paged`, with the total counted only up to `cap` (`countCapped` when there are more, shown as
 * "10,000+"): a list over a whole ledger (10M transactions) is not counted to the end on every opening.
 */
export async function pagedCapped<O>(
  db: Kysely<any>,
  rows: SelectQueryBuilder<any, any, O>,
  counted: SelectQueryBuilder<any, any, any>,
  p: Paging,
  cap: number,
): Promise<{ rows: O[]; total: number; countCapped: boolean }> {
  const bounded = counted.select(sql.lit(1).as('one')).limit(cap + 1);
  const [items, count] = await Promise.all([
    rows.limit(p.pageSize).offset((p.page - 1) * p.pageSize).execute(),
    db.selectFrom(bounded.as('bounded')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return { rows: items as O[], total: Math.min(n, cap), countCapped: n > cap };
}
