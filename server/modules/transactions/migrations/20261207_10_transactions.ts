import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Transactions 交易记录 and returns 退赔折价 (archive sections 3–4, docs/regulations.md §2), and the
 * customer's class by annual purchases with its history (§3). Amounts are whole 分 (bigint on PostgreSQL).
 * A pushed document is unique per source system, so an ERP can push the same batch again safely.
 */
export function transactions20261207(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  const real = kind === 'sqlite' ? 'real' : 'double precision';
  return {
    name: '20261207_10_transactions',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('transactions'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('product', 'text', (c) => c.notNull())
        .addColumn('model', 'text')
        .addColumn('quantity', real, (c) => c.notNull())
        .addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
        .addColumn('amount_cents', 'bigint', (c) => c.notNull())
        .addColumn('salesperson_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('contract_id', 'integer', (c) => d.fk(c, 'contracts.id'))
        .addColumn('source_system', 'text', (c) => c.notNull().defaultTo('manual'))
        .addColumn('source_doc_no', 'text')
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('transactions_source_doc_uq', ['source_system', 'source_doc_no'])
        .execute();
      for (const [name, cols] of [
        // yearly totals of one customer and the nightly run read by customer, then date
        ['transactions_customer_date_idx', ['customer_id', 'date']],
        ['transactions_date_idx', ['date']],
        ['transactions_salesperson_idx', ['salesperson_id']],
        ['transactions_contract_idx', ['contract_id']],
        ['transactions_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on('transactions').columns([...cols]).execute();
      }

      await d
        .id(db.schema.createTable('transaction_returns'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('transaction_id', 'integer', (c) => d.fk(c, 'transactions.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('amount_cents', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('responsible_party', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['transaction_returns_customer_idx', ['customer_id', 'date']],
        ['transaction_returns_transaction_idx', ['transaction_id']],
        ['transaction_returns_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on('transaction_returns').columns([...cols]).execute();
      }

      await db.schema
        .createTable('customer_classes')
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').primaryKey())
        .addColumn('amount_class', 'text', (c) => c.notNull())
        .addColumn('amount_year', 'integer', (c) => c.notNull())
        .addColumn('amount_net_cents', 'bigint', (c) => c.notNull())
        .addColumn('large_line_cents', 'bigint', (c) => c.notNull())
        .addColumn('small_line_cents', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('changed_at', d.instant, (c) => c.notNull())
        .addColumn('computed_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customer_classes_class_idx').on('customer_classes').column('amount_class').execute();

      await d
        .id(db.schema.createTable('customer_class_changes'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').notNull())
        .addColumn('dimension', 'text', (c) => c.notNull())
        .addColumn('old_class', 'text')
        .addColumn('new_class', 'text')
        .addColumn('year', 'integer')
        .addColumn('net_cents', 'bigint')
        .addColumn('large_line_cents', 'bigint', (c) => c.notNull())
        .addColumn('small_line_cents', 'bigint', (c) => c.notNull())
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();
      // A transaction is seen by whoever sees its customer: the data-scope check reads owner / team /
      // department through the customer, so a transfer of the customer moves its transactions along.
      await db.schema
        .createView('transaction_scope')
        .as(
          db
            .selectFrom('transactions')
            .innerJoin('customers', 'customers.id', 'transactions.customer_id')
            .select(['transactions.id as id', 'customers.owner_id as owner_id', 'customers.team_id as team_id', 'customers.department_id as department_id']),
        )
        .execute();
      await db.schema.createIndex('customer_class_changes_customer_idx').on('customer_class_changes').columns(['customer_id', 'at']).execute();
      await db.schema.createIndex('customer_class_changes_actor_idx').on('customer_class_changes').column('actor_id').execute();
    },
  };
}
