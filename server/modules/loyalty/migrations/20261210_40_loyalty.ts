import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Churn risks (docs/regulations.md §16): one row per customer and risk period, unique, so two processes
 * cannot make two outreach tasks. The last visit, purchases and RFM scores are read, not copied.
 */
export function loyalty20261210(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261210_40_loyalty',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('loyalty_churn_risks'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('risk_since', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id'))
        .addColumn('reason', 'text')
        .addColumn('reason_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('reason_at', d.instant)
        .addColumn('closed_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('loyalty_churn_risks_customer_period_key', ['customer_id', 'risk_since'])
        .execute();
      await db.schema.createIndex('loyalty_churn_risks_owner_idx').on('loyalty_churn_risks').column('owner_id').execute();
      await db.schema.createIndex('loyalty_churn_risks_task_idx').on('loyalty_churn_risks').column('task_id').execute();
      await db.schema.createIndex('loyalty_churn_risks_open_idx').on('loyalty_churn_risks').columns(['closed_at', 'customer_id']).execute();
      await db.schema.createIndex('loyalty_churn_risks_reason_by_idx').on('loyalty_churn_risks').column('reason_by').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('loyalty_churn_risks').execute();
    },
  };
}
