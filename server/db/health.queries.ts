import { sql, type Kysely } from 'kysely';

/** The cheapest round trip: the readiness probe asks whether the database answers at all. */
export async function selectOne(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db);
}
