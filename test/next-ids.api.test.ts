import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../server/db/database';
import { nextIdsInAny } from '../server/db/paging.queries';
import { freshDatabase } from './harness';

/**
 * The nightly classes and credit ratings walk only the customers they have work for, in batches after a
 * cursor (nextIdsInAny). On each database the walk must meet every such customer once, in id order, across
 * batch boundaries, whether a customer is found through one source, several, or its own row.
 */
let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  db = openDatabase(fresh.database);
  const k = db.kysely as Kysely<any>;
  await sql`create table walk_people (id integer primary key, note text)`.execute(k);
  await sql`create table walk_orders (id integer primary key, person_id integer not null)`.execute(k);
  await sql`create table walk_flags (person_id integer primary key)`.execute(k);
  await k.insertInto('walk_people').values(Array.from({ length: 30 }, (_, i) => ({ id: i + 1, note: i + 1 === 17 || i + 1 === 29 ? '重点' : null }))).execute();
  // Orders: 3 (three of them), 4, 9, 12; flags: 4, 12, 20, 30. Person 17 and 29 only through their own note.
  await k.insertInto('walk_orders').values([3, 3, 3, 4, 9, 12].map((person_id, i) => ({ id: i + 1, person_id }))).execute();
  await k.insertInto('walk_flags').values([4, 12, 20, 30].map((person_id) => ({ person_id }))).execute();
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

describe('walking the ids a nightly job has work for', () => {
  it('meets each one once, in order, across batches of 2', async () => {
    const seen: number[][] = [];
    let after = 0;
    for (;;) {
      const ids = await nextIdsInAny(db.kysely, db.kind, {
        directory: 'walk_people',
        afterId: after,
        limit: 2,
        sources: [
          { table: 'walk_orders', column: 'person_id' },
          { table: 'walk_flags', column: 'person_id' },
        ],
        own: [(eb) => eb('d.note', 'is not', null)],
      });
      if (!ids.length) break;
      seen.push(ids);
      after = ids[ids.length - 1]!;
    }
    expect(seen).toEqual([[3, 4], [9, 12], [17, 20], [29, 30]]);
  });

  it('without conditions on the row itself, finds only what the sources name', async () => {
    const ids = await nextIdsInAny(db.kysely, db.kind, { directory: 'walk_people', afterId: 4, limit: 10, sources: [{ table: 'walk_orders', column: 'person_id' }] });
    expect(ids).toEqual([9, 12]);
  });
});
