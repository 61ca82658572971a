import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../server/db/database';
import { prepared } from '../server/db/prepared';
import { freshDatabase } from './harness';

/**
 * A prepared query is compiled once and run with each call's arguments (the session lookup and the
 * customer record use it): each call must answer for its own arguments, inside a transaction too, and a
 * query that would silently drop an argument must be refused at its first use.
 */
let db: Db;
let drop: () => Promise<void>;
// The probe table is not in the schema type: the test reaches it untyped.
const probe = (k: Kysely<any>) => k.selectFrom('probe').select(['id', 'name']);
const byNameAndId = prepared((k, name: string, minId: number) => probe(k as Kysely<any>).where('name', '=', name).where('id', '>=', minId).where('id', '<', 100).orderBy('id'));

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  db = openDatabase(fresh.database, { countStatements: true });
  await sql`create table probe (id integer primary key, name text not null)`.execute(db.kysely);
  await (db.kysely as Kysely<any>)
    .insertInto('probe')
    .values([1, 2, 3, 4, 150].map((id) => ({ id, name: id % 2 ? '张三' : '李四' })))
    .execute();
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

describe('prepared queries', () => {
  it('answers each call for its own arguments and keeps the constants of the query', async () => {
    expect(await byNameAndId(db.kysely, '张三', 0)).toEqual([{ id: 1, name: '张三' }, { id: 3, name: '张三' }]);
    expect(await byNameAndId(db.kysely, '李四', 3)).toEqual([{ id: 4, name: '李四' }]);
    expect(await byNameAndId(db.kysely, '王五', 0)).toEqual([]);
    // 150 matches the name but not the constant bound (< 100) compiled into the SQL.
    expect(await byNameAndId(db.kysely, '李四', 0)).toEqual([{ id: 2, name: '李四' }, { id: 4, name: '李四' }]);
  });

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await (trx as Kysely<any>).insertInto('probe').values({ id: 5, name: '张三' }).execute();
        expect(await byNameAndId(trx, '张三', 4)).toEqual([{ id: 5, name: '张三' }]);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(await byNameAndId(db.kysely, '张三', 4)).toEqual([]);
  });

  it('is counted as one statement', async () => {
    db.statements!.reset();
    await byNameAndId(db.kysely, '张三', 0);
    expect(db.statements!.count).toBe(1);
  });

  it('still answers after another instance migrated its table (a new column under `*`)', async () => {
    const whole = prepared((k, id: number) => (k as Kysely<any>).selectFrom('probe').selectAll().where('id', '=', id));
    expect(await whole(db.kysely, 1)).toEqual([{ id: 1, name: '张三' }]);
    await sql`alter table probe add column note text`.execute(db.kysely);
    for (let i = 0; i < 3; i++) expect(await whole(db.kysely, 1)).toEqual([{ id: 1, name: '张三', note: null }]);
  });

  it('refuses a query that does not pass an argument to the SQL', async () => {
    const dropsOne = prepared((k, name: string, _unused: number) => probe(k as Kysely<any>).where('name', '=', name));
    await expect(dropsOne(db.kysely, '张三', 1)).rejects.toThrow(/argument 2 does not reach the SQL/);
  });
});
