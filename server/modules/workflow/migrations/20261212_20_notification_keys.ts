import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Notifications as a message key with parameters, rendered in the reader's language; rows written before
 * keep their stored text, which stays the fallback. `subject_*` names the approval or task a notification
 * asks someone to act on, so it is marked done when that item is decided or completed.
 */
export function notificationKeys20261212(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261212_20_notification_keys',
    async up(db: Kysely<any>) {
      await db.schema.alterTable('notifications').addColumn('title_key', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('body_key', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('params', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('subject_type', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('subject_id', 'integer').execute();
      await db.schema.alterTable('notifications').addColumn('done_at', d.instant).execute();
      await db.schema.createIndex('notifications_subject_idx').on('notifications').columns(['subject_type', 'subject_id']).execute();
    },
  };
}
