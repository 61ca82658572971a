import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Care 客户关怀 (docs/regulations.md §12): greeting templates, care actions, the reminders already sent
 * (one per occasion and year, unique by key), promotions and events with their invited customers.
 */
export function care20261210(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261210_50_care',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('care_templates'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('occasion', 'text')
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('care_templates_created_by_idx').on('care_templates').column('created_by').execute();

      await d
        .id(db.schema.createTable('care_actions'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('contact_id', 'integer', (c) => d.fk(c, 'customer_contacts.id', 'set null'))
        .addColumn('occasion', 'text', (c) => c.notNull())
        .addColumn('occasion_date', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('template_id', 'integer', (c) => d.fk(c, 'care_templates.id', 'set null'))
        .addColumn('done_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['care_actions_customer_idx', ['customer_id', 'done_on']],
        ['care_actions_contact_idx', ['contact_id']],
        ['care_actions_template_idx', ['template_id']],
        ['care_actions_actor_idx', ['actor_id']],
      ] as const) {
        await db.schema.createIndex(name).on('care_actions').columns([...cols]).execute();
      }

      await db.schema
        .createTable('care_reminders_sent')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('occasion_date', 'text', (c) => c.notNull())
        .addColumn('sent_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('care_reminders_sent_owner_idx').on('care_reminders_sent').column('owner_id').execute();

      await d
        .id(db.schema.createTable('care_events'))
        .addColumn('kind', 'text', (c) => c.notNull()) // promotion | event
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text')
        .addColumn('location', 'text')
        .addColumn('description', 'text')
        .addColumn('organizer_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('care_events_starts_idx').on('care_events').column('starts_on').execute();
      await db.schema.createIndex('care_events_organizer_idx').on('care_events').column('organizer_id').execute();

      await d
        .id(db.schema.createTable('care_event_invites'))
        .addColumn('event_id', 'integer', (c) => d.fk(c, 'care_events.id', 'cascade').notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('invited')) // invited | attended | absent
        .addColumn('invited_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('care_event_invites_event_customer_uq', ['event_id', 'customer_id'])
        .execute();
      await db.schema.createIndex('care_event_invites_customer_idx').on('care_event_invites').column('customer_id').execute();
      await db.schema.createIndex('care_event_invites_invited_by_idx').on('care_event_invites').column('invited_by').execute();

      // Whoever sees the customer sees its care actions (docs/regulations.md §1).
      await db.schema
        .createView('care_action_scope')
        .as(
          db
            .selectFrom('care_actions')
            .innerJoin('customers', 'customers.id', 'care_actions.customer_id')
            .select(['care_actions.id as id', 'customers.owner_id as owner_id', 'customers.team_id as team_id', 'customers.department_id as department_id']),
        )
        .execute();
    },
  };
}
