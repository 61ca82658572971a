import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Visit cadence 回访频率 (docs/regulations.md §8): the owner's task per overdue period (unique per customer
 * and missed due date, so two processes cannot make two), and the reasons that exempt a customer from the
 * one-month cap. The grade and the last contact are read from the archive and the visits, not copied.
 */
export function cadence20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_90_cadence',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('cadence_tasks'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id').notNull())
        .addColumn('escalate_on', 'text', (c) => c.notNull())
        .addColumn('escalation_task_id', 'integer', (c) => d.fk(c, 'tasks.id'))
        .addColumn('escalated_at', d.instant)
        .addColumn('closed_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('cadence_tasks_customer_due_key', ['customer_id', 'due_date'])
        .execute();
      await db.schema.createIndex('cadence_tasks_owner_idx').on('cadence_tasks').column('owner_id').execute();
      await db.schema.createIndex('cadence_tasks_task_idx').on('cadence_tasks').column('task_id').execute();
      await db.schema.createIndex('cadence_tasks_escalation_idx').on('cadence_tasks').column('escalation_task_id').execute();
      await db.schema.createIndex('cadence_tasks_open_idx').on('cadence_tasks').columns(['closed_at', 'customer_id']).execute();

      await d
        .id(db.schema.createTable('cadence_exemptions'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull().unique())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cadence_exemptions_created_by_idx').on('cadence_exemptions').column('created_by').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('cadence_exemptions').execute();
      await db.schema.dropTable('cadence_tasks').execute();
    },
  };
}
