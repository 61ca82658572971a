import { sql, type Insertable, type Kysely } from 'kysely';
import type { DialectKind } from '../../db/database';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';

/** The SQL of merging two customers; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export const mergeQueries = {
  visibleRow: (db: Q, actor: Actor, id: number) => db.selectFrom('customers').selectAll().where('id', '=', id).where(scopeCondition(actor, RESOURCES.customer)).executeTakeFirst(),
  row: (db: Q, id: number) => db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Moves contacts, attachments and earlier merges to the survivor; returns how many contacts and attachments moved. */
  async moveOwnRows(db: Q, mergedId: number, survivorId: number): Promise<{ contacts: number; attachments: number }> {
    const contacts = await db.updateTable('customer_contacts').set({ customer_id: survivorId }).where('customer_id', '=', mergedId).executeTakeFirst();
    const attachments = await db.updateTable('customer_attachments').set({ customer_id: survivorId }).where('customer_id', '=', mergedId).executeTakeFirst();
    await db.updateTable('customer_merges').set({ survivor_id: survivorId }).where('survivor_id', '=', mergedId).execute();
    return { contacts: Number(contacts.numUpdatedRows), attachments: Number(attachments.numUpdatedRows) };
  },
  async insertMerge(db: Q, values: Insertable<Database['customer_merges']>): Promise<void> {
    await db.insertInto('customer_merges').values(values).execute();
  },
  /** Deletes the merged customer and, on SQLite, its full-text row (PostgreSQL's cascades). */
  async deleteCustomer(db: Q, kind: DialectKind, id: number): Promise<void> {
    if (kind === 'sqlite') await sql`DELETE FROM customer_search WHERE rowid = ${id}`.execute(db);
    await db.deleteFrom('customers').where('id', '=', id).execute();
  },
  mergedIds: async (db: Q, survivorId: number) => (await db.selectFrom('customer_merges').select('merged_id').where('survivor_id', '=', survivorId).execute()).map((r) => r.merged_id),
};
