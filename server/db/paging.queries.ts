import { type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
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

/** A table whose `column` names records of the directory being walked (e.g. transactions.customer_id). */
export interface IdSource {
  table: string;
  column: string;
}

/**
 * The next `limit` ids of `directory` after `afterId` that appear in any of `sources` or meet one of
 * `own` (conditions on the directory row itself): how a nightly job walks only the records it has work
 * for (docs/performance.md). SQLite tests each directory row in id order (OR of EXISTS, 2 ms a batch);
 * PostgreSQL would hash a whole source table for that on every batch, so it unions each source's next
 * ids read from its own index instead.
 */
export async function nextIdsInAny(
  db: Kysely<any>,
  kind: 'sqlite' | 'postgres',
  walk: { directory: string; afterId: number; limit: number; sources: IdSource[]; own?: ((eb: ExpressionBuilder<any, any>) => Expression<SqlBool>)[] },
): Promise<number[]> {
  const { directory, afterId, limit, sources, own = [] } = walk;
  const d = (c: string) => `d.${c}`;
  if (kind === 'sqlite') {
    const rows = await db
      .selectFrom(`${directory} as d`)
      .select(d('id'))
      .where(d('id'), '>', afterId)
      .where((eb) =>
        eb.or([
          ...sources.map((s) => eb.exists(eb.selectFrom(s.table).select(sql.lit(1).as('one')).whereRef(`${s.table}.${s.column}`, '=', d('id')))),
          ...own.map((c) => c(eb)),
        ]),
      )
      .orderBy(d('id'))
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.id));
  }
  const arms: SelectQueryBuilder<any, any, { id: number }>[] = sources.map((s) =>
    db.selectFrom(s.table).select(`${s.column} as id`).distinct().where(s.column, '>', afterId).orderBy(s.column).limit(limit),
  );
  if (own.length) {
    arms.push(
      db
        .selectFrom(`${directory} as d`)
        .select(d('id'))
        .where(d('id'), '>', afterId)
        .where((eb) => eb.or(own.map((c) => c(eb))))
        .orderBy(d('id'))
        .limit(limit) as SelectQueryBuilder<any, any, { id: number }>,
    );
  }
  const wrapped = arms.map((a, i) => db.selectFrom(a.as(`s${i}`)).select(`s${i}.id`) as SelectQueryBuilder<any, any, { id: number }>);
  const union = wrapped.slice(1).reduce((u, a) => u.union(a), wrapped[0]);
  const rows = await db.selectFrom(union.as('candidates')).select('candidates.id').orderBy('candidates.id').limit(limit).execute();
  return rows.map((r) => Number(r.id));
}
