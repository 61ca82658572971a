import type { Kysely } from 'kysely';
import { errors } from '../platform/http/errors';
import type { Database } from './schema';

type VersionedTable = { [K in keyof Database]: Database[K] extends { version: unknown; id: unknown } ? K : never }[keyof Database];

/**
 * Optimistic concurrency for every editable record: the update applies only if the row still has the
 * version the client read; otherwise 409 (or 404 when the row is gone). Returns the new version.
 */
export async function updateVersioned(
  db: Kysely<Database>,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
  patch: Record<string, unknown>,
  now: string,
): Promise<number> {
  const anyDb = db as Kysely<any>;
  const res = await anyDb
    .updateTable(table)
    .set({ ...patch, version: expectedVersion + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const exists = await anyDb.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    throw exists ? errors.staleVersion() : errors.notFound();
  }
  return expectedVersion + 1;
}
