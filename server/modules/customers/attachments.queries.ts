import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { userName } from '../org/org.queries';

/** The SQL of customer attachments; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export const attachmentQueries = {
  /** Newest first, with the uploader's name. */
  list: (db: Q, customerId: number) =>
    db
      .selectFrom('customer_attachments')
      .selectAll('customer_attachments')
      .select(userName('customer_attachments.uploaded_by').as('uploaded_by_name'))
      .where('customer_id', '=', customerId)
      .orderBy('customer_attachments.created_at', 'desc')
      .orderBy('customer_attachments.id', 'desc')
      .execute(),
  insert: (db: Q, values: Insertable<Database['customer_attachments']>) => db.insertInto('customer_attachments').values(values).returningAll().executeTakeFirstOrThrow(),
  row: (db: Q, customerId: number, attachmentId: number) =>
    db.selectFrom('customer_attachments').selectAll().where('id', '=', attachmentId).where('customer_id', '=', customerId).executeTakeFirst(),
  async delete(db: Q, attachmentId: number): Promise<void> {
    await db.deleteFrom('customer_attachments').where('id', '=', attachmentId).execute();
  },
};
