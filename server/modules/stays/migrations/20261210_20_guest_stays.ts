import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Stays of individual guests (docs/regulations.md §9): check-in, check-out, room, the PMS booking reference
 * (unique: a PMS that sends a booking twice records one stay), the meeting deadline and the keeper's task.
 */
export function guestStays20261210(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261210_20_guest_stays',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('guest_stays'))
        .addColumn('individual_id', 'integer', (c) => d.fk(c, 'individual_customers.id').notNull())
        .addColumn('checked_in_at', d.instant, (c) => c.notNull())
        .addColumn('checked_out_at', d.instant)
        .addColumn('room', 'text')
        .addColumn('booking_ref', 'text', (c) => c.unique())
        .addColumn('notes', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('meet_by', d.instant)
        .addColumn('keeper_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id'))
        .addColumn('met_at', d.instant)
        .addColumn('met_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('meeting_note', 'text')
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('guest_stays_individual_idx').on('guest_stays').columns(['individual_id', 'checked_in_at']).execute();
      await db.schema.createIndex('guest_stays_keeper_idx').on('guest_stays').column('keeper_id').execute();
      await db.schema.createIndex('guest_stays_task_idx').on('guest_stays').column('task_id').execute();
      await db.schema.createIndex('guest_stays_met_by_idx').on('guest_stays').column('met_by').execute();
      await db.schema.createIndex('guest_stays_created_by_idx').on('guest_stays').column('created_by').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('guest_stays').execute();
    },
  };
}
