import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Excel/CSV imports of transactions and returns (archive sections 3–4): one row per uploaded file with the
 * columns every import table has (server/platform/import), plus the kind of rows. Returns get a source
 * document number, unique per system like the transactions', so importing a file again adds nothing.
 */
export function transactionImports20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_55_transaction_imports',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('transaction_imports'))
        .addColumn('kind', 'text', (c) => c.notNull()) // transactions | returns
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id', 'cascade').notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        .addColumn('file_type', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text')
        .addColumn('sheet_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull()) // previewed | committing | committed
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('rows', 'text', (c) => c.notNull())
        .addColumn('row_numbers', 'text', (c) => c.notNull())
        .addColumn('cell_flags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('duplicates_mode', 'text')
        .addColumn('result', 'text')
        .addColumn('progress_processed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addColumn('committed_at', d.instant)
        .execute();
      await db.schema.createIndex('transaction_imports_created_by_idx').on('transaction_imports').column('created_by').execute();
      await db.schema.createIndex('transaction_imports_sha_idx').on('transaction_imports').columns(['file_sha256', 'status']).execute();
      await db.schema.createIndex('transaction_imports_created_at_idx').on('transaction_imports').column('created_at').execute();

      await db.schema.alterTable('transaction_returns').addColumn('source_system', 'text', (c) => c.notNull().defaultTo('manual')).execute();
      await db.schema.alterTable('transaction_returns').addColumn('source_doc_no', 'text').execute();
      await db.schema.createIndex('transaction_returns_source_doc_uq').on('transaction_returns').columns(['source_system', 'source_doc_no']).unique().execute();
    },
  };
}
