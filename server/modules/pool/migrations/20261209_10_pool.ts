import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * The public pool 公海 (docs/regulations.md §8): pools per department, the customers in them with the
 * reason they were moved, the nightly watch (when a customer is due to move, whether its owner was
 * reminded, why a move was skipped) and the log of reminders, moves, skips and claims.
 */
export function pool20261209(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261209_10_pool',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('pools'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id').notNull())
        // Holds the customers while they are in the pool (the archive requires an owner).
        .addColumn('keeper_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pools_department_idx').on('pools').column('department_id').execute();
      await db.schema.createIndex('pools_keeper_idx').on('pools').column('keeper_id').execute();

      await db.schema
        .createTable('pool_entries')
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').primaryKey())
        .addColumn('pool_id', 'integer', (c) => d.fk(c, 'pools.id').notNull())
        .addColumn('previous_owner_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('released_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pool_entries_pool_idx').on('pool_entries').columns(['pool_id', 'released_at']).execute();
      await db.schema.createIndex('pool_entries_previous_owner_idx').on('pool_entries').column('previous_owner_id').execute();

      await db.schema
        .createTable('pool_watch')
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').primaryKey())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('reminded_on', 'text')
        .addColumn('skip_reason', 'text')
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pool_watch_owner_idx').on('pool_watch').column('owner_id').execute();

      await d
        .id(db.schema.createTable('pool_events'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('pool_id', 'integer', (c) => d.fk(c, 'pools.id'))
        .addColumn('kind', 'text', (c) => c.notNull()) // reminded | released | skipped | claimed
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull()) // YYYY-MM-DD in Asia/Shanghai, for the daily claim cap
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pool_events_customer_idx').on('pool_events').columns(['customer_id', 'at']).execute();
      await db.schema.createIndex('pool_events_user_idx').on('pool_events').columns(['user_id', 'kind', 'day']).execute();
      await db.schema.createIndex('pool_events_pool_idx').on('pool_events').column('pool_id').execute();
    },
  };
}
