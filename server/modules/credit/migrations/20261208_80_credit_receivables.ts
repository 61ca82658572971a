import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Receivables 应收账款 and the rating they lower when overdue (docs/regulations.md §5). Amounts are whole 分
 * (bigint on PostgreSQL). A receivable is one document of the ERP or of finance, unique by its number, so a
 * second push of the same documents finds them. The rating state keeps how many levels overdue receivables
 * take off the rating table's result; every change of it lands in credit_rating_changes with the reason in words.
 */
export function creditReceivables20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_80_credit_receivables',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('credit_receivables'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('doc_no', 'text', (c) => c.notNull().unique())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('amount_cents', 'bigint', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('paid_cents', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('paid_date', 'text')
        .addColumn('notes', 'text')
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_receivables_customer_idx').on('credit_receivables').columns(['customer_id', 'due_date']).execute();
      await db.schema.createIndex('credit_receivables_due_idx').on('credit_receivables').column('due_date').execute();
      await db.schema.createIndex('credit_receivables_created_by_idx').on('credit_receivables').column('created_by').execute();

      await db.schema
        .createTable('credit_rating_states')
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('computed_label', 'text', (c) => c.notNull())
        .addColumn('levels_down', 'integer', (c) => c.notNull())
        .addColumn('overdue_cents', 'bigint', (c) => c.notNull())
        .addColumn('overdue_days', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('changed_at', d.instant, (c) => c.notNull())
        .addColumn('computed_at', d.instant, (c) => c.notNull())
        .execute();

      await d
        .id(db.schema.createTable('credit_rating_changes'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('old_label', 'text')
        .addColumn('new_label', 'text', (c) => c.notNull())
        .addColumn('computed_label', 'text', (c) => c.notNull())
        .addColumn('levels_down', 'integer', (c) => c.notNull())
        .addColumn('overdue_cents', 'bigint', (c) => c.notNull())
        .addColumn('overdue_days', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_rating_changes_customer_idx').on('credit_rating_changes').columns(['customer_id', 'at']).execute();
      await db.schema.createIndex('credit_rating_changes_actor_idx').on('credit_rating_changes').column('actor_id').execute();

      // Whoever sees the customer sees its receivables (docs/regulations.md §1); finance sees every customer.
      await db.schema
        .createView('credit_receivable_scope')
        .as(
          db
            .selectFrom('credit_receivables')
            .innerJoin('customers', 'customers.id', 'credit_receivables.customer_id')
            .select(['credit_receivables.id as id', 'customers.owner_id as owner_id', 'customers.team_id as team_id', 'customers.department_id as department_id']),
        )
        .execute();
    },
  };
}
