import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * The industry class and the cooperation-years class (docs/regulations.md §3), kept beside the class by
 * amount: a customer may have an industry and no purchases yet. Their changes join the class history
 * with the reason in words.
 */
export function classDimensions20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_11_class_dimensions',
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('customer_dimension_classes')
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').primaryKey())
        .addColumn('industry', 'text')
        .addColumn('industry_class', 'text')
        .addColumn('industry_listed', 'integer')
        .addColumn('cooperation_class', 'text')
        .addColumn('cooperation_from', 'text')
        .addColumn('cooperation_years', 'integer')
        .addColumn('long_years', 'integer')
        .addColumn('short_years', 'integer')
        .addColumn('changed_at', d.instant, (c) => c.notNull())
        .addColumn('computed_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customer_dimension_classes_industry_idx').on('customer_dimension_classes').column('industry_class').execute();
      await db.schema.createIndex('customer_dimension_classes_cooperation_idx').on('customer_dimension_classes').column('cooperation_class').execute();
      await db.schema.alterTable('customer_class_changes').addColumn('reason', 'text').execute();
    },
  };
}
