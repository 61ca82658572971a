import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/** Correspondence filed with a customer (docs/regulations.md §2: faxes, contracts, letters in time order) and merges (查重 → 合并). */
export function customerAttachmentsMerges20261123(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261123_03_customer_attachments_merges',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('customer_attachments'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('stored_name', 'text', (c) => c.notNull().unique())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('uploaded_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customer_attachments_customer_idx').on('customer_attachments').columns(['customer_id', 'created_at']).execute();
      await db.schema.createIndex('customer_attachments_uploaded_by_idx').on('customer_attachments').column('uploaded_by').execute();

      // The merged customer's row is removed; this keeps its number, name and full snapshot, and lets
      // the survivor's history include what happened to the merged record before.
      await d
        .id(db.schema.createTable('customer_merges'))
        .addColumn('survivor_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').notNull())
        .addColumn('merged_id', 'integer', (c) => c.notNull())
        .addColumn('merged_archive_no', 'text', (c) => c.notNull())
        .addColumn('merged_name', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('merged_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customer_merges_survivor_idx').on('customer_merges').column('survivor_id').execute();
      await db.schema.createIndex('customer_merges_merged_by_idx').on('customer_merges').column('merged_by').execute();
    },
  };
}
