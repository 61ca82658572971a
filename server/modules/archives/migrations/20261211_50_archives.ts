import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Confidential material and lending 档案借阅 (docs/regulations.md §1, §2): levels on filed attachments, the
 * correspondence register with its per-customer index, the loan register and download requests.
 */
export function archives20261211(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261211_50_archives',
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('archive_levels')
        .addColumn('attachment_id', 'integer', (c) => d.fk(c, 'customer_attachments.id', 'cascade').primaryKey())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('set_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('set_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('archive_levels_customer_idx').on('archive_levels').column('customer_id').execute();
      await db.schema.createIndex('archive_levels_set_by_idx').on('archive_levels').column('set_by').execute();

      await d
        .id(db.schema.createTable('archive_correspondence'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('index_no', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('counterpart', 'text')
        .addColumn('dated_on', 'text', (c) => c.notNull())
        .addColumn('attachment_id', 'integer', (c) => d.fk(c, 'customer_attachments.id', 'set null'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      // One number per customer: two clerks filing at once cannot both take it.
      await db.schema.createIndex('archive_correspondence_index_idx').on('archive_correspondence').columns(['customer_id', 'index_no']).unique().execute();
      await db.schema.createIndex('archive_correspondence_attachment_idx').on('archive_correspondence').column('attachment_id').execute();
      await db.schema.createIndex('archive_correspondence_created_by_idx').on('archive_correspondence').column('created_by').execute();

      await d
        .id(db.schema.createTable('archive_loans'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('attachment_id', 'integer', (c) => d.fk(c, 'customer_attachments.id', 'set null'))
        .addColumn('material', 'text', (c) => c.notNull())
        .addColumn('borrower_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id').notNull())
        .addColumn('lent_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('lent_on', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('returned_on', 'text')
        .addColumn('returned_to', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('note', 'text')
        .addColumn('overdue_notified_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['archive_loans_open_idx', ['returned_on', 'due_on']],
        ['archive_loans_customer_idx', ['customer_id']],
        ['archive_loans_attachment_idx', ['attachment_id']],
        ['archive_loans_borrower_idx', ['borrower_id']],
        ['archive_loans_department_idx', ['department_id']],
        ['archive_loans_lent_by_idx', ['lent_by']],
        ['archive_loans_returned_to_idx', ['returned_to']],
      ] as const) {
        await db.schema.createIndex(name).on('archive_loans').columns([...cols]).execute();
      }

      await d
        .id(db.schema.createTable('archive_download_requests'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('attachment_id', 'integer', (c) => d.fk(c, 'customer_attachments.id', 'cascade').notNull())
        .addColumn('applicant_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('granted_until', d.instant)
        .addColumn('used_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['archive_download_requests_grant_idx', ['attachment_id', 'applicant_id', 'status']],
        ['archive_download_requests_customer_idx', ['customer_id']],
        ['archive_download_requests_applicant_idx', ['applicant_id']],
        ['archive_download_requests_team_idx', ['team_id']],
        ['archive_download_requests_department_idx', ['department_id']],
      ] as const) {
        await db.schema.createIndex(name).on('archive_download_requests').columns([...cols]).execute();
      }
    },
  };
}
