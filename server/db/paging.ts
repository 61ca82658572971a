import type { SelectQueryBuilder } from 'kysely';

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * One page of an ordered list and the total of the same filter, read side by side.
 * `rows` carries the joins, columns and order; `counted` is the filtered query without a selection
 * (often the same builder `rows` was made from), so the count skips joins it does not need.
 */
export async function paged<O>(
  rows: SelectQueryBuilder<any, any, O>,
  counted: SelectQueryBuilder<any, any, any>,
  p: Paging,
): Promise<{ rows: O[]; total: number }> {
  const [items, count] = await Promise.all([
    rows.limit(p.pageSize).offset((p.page - 1) * p.pageSize).execute(),
    counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items as O[], total: Number(count.n) };
}
