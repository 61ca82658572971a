import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Excel/CSV imports of customers (issue point 10): one row per uploaded file, holding the parsed cells
 * until the user commits, the column mapping, the progress of the commit and its result.
 */
export function customerImports20261123(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261123_04_customer_imports',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('customer_imports'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id', 'cascade').notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        .addColumn('file_type', 'text', (c) => c.notNull()) // xlsx | csv
        .addColumn('encoding', 'text') // csv: utf-8 | gbk | utf-16le | utf-16be
        .addColumn('sheet_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull()) // previewed | committing | committed
        .addColumn('headers', 'text', (c) => c.notNull()) // JSON string[]
        .addColumn('mapping', 'text', (c) => c.notNull()) // JSON (field | null)[] by column
        .addColumn('rows', 'text', (c) => c.notNull()) // JSON string[][] (data rows, cells as text)
        .addColumn('row_numbers', 'text', (c) => c.notNull()) // JSON number[]: spreadsheet row of each data row
        .addColumn('cell_flags', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [rowIndex, column][]: numbers Excel rounded
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('duplicates_mode', 'text') // skip | update | create, once committed
        .addColumn('result', 'text') // JSON, once committed
        .addColumn('progress_processed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addColumn('committed_at', d.instant)
        .execute();
      await db.schema.createIndex('customer_imports_created_by_idx').on('customer_imports').column('created_by').execute();
      await db.schema.createIndex('customer_imports_sha_idx').on('customer_imports').columns(['file_sha256', 'status']).execute();
      await db.schema.createIndex('customer_imports_created_at_idx').on('customer_imports').column('created_at').execute();
    },
  };
}
