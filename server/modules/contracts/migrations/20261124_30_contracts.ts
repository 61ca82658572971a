import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Contracts 合同 (docs/regulations.md §13, issue 4 §7). Amounts are whole 分 of the contract's currency (bigint on
 * PostgreSQL, read back as numbers). owner/team/department are copied from the customer so the data
 * scope of docs/regulations.md §1 applies to contracts as to the archive. Files are customer attachments (kind
 * 'contract', filed in the archive: "original filed") linked to the contract.
 */
export function contracts20261124(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261124_30_contracts',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('contracts'))
        .addColumn('contract_no', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('amount_cents', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
        .addColumn('signing_date', 'text')
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('terms', 'text')
        .addColumn('signer_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('exceeds_limit', 'integer')
        .addColumn('exceeds_term', 'integer')
        .addColumn('signed_at', d.instant)
        .addColumn('effective_at', d.instant)
        .addColumn('termination_reason', 'text')
        .addColumn('terminated_at', d.instant)
        .addColumn('terminated_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['contracts_customer_idx', ['customer_id', 'created_at']],
        ['contracts_signer_idx', ['signer_id']],
        ['contracts_owner_idx', ['owner_id']],
        ['contracts_team_idx', ['team_id']],
        ['contracts_department_idx', ['department_id']],
        ['contracts_created_by_idx', ['created_by']],
        ['contracts_terminated_by_idx', ['terminated_by']],
        // the daily expiry run and the "expiring within N days" filter
        ['contracts_status_end_idx', ['status', 'end_date']],
      ] as const) {
        await db.schema.createIndex(name).on('contracts').columns([...cols]).execute();
      }

      await db.schema
        .createTable('contract_sequences')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('contract_attachments')
        .addColumn('contract_id', 'integer', (c) => d.fk(c, 'contracts.id', 'cascade').notNull())
        .addColumn('attachment_id', 'integer', (c) => d.fk(c, 'customer_attachments.id', 'cascade').notNull())
        .addPrimaryKeyConstraint('contract_attachments_pk', ['contract_id', 'attachment_id'])
        .execute();
      await db.schema.createIndex('contract_attachments_attachment_idx').on('contract_attachments').column('attachment_id').execute();
    },
  };
}
