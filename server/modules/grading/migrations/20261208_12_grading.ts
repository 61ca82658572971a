import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/** The proposed grade of each customer and the history of confirmed grades (docs/regulations.md §3). */
export function grading20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_12_grading',
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('grade_proposals')
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').primaryKey())
        .addColumn('proposed_grade', 'text', (c) => c.notNull())
        .addColumn('row_no', 'integer')
        .addColumn('amount_class', 'text')
        .addColumn('industry_class', 'text')
        .addColumn('cooperation_class', 'text')
        .addColumn('score_hundredths', 'integer')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('proposed_at', d.instant, (c) => c.notNull())
        .addColumn('decided_at', d.instant)
        .execute();
      await db.schema.createIndex('grade_proposals_grade_idx').on('grade_proposals').column('proposed_grade').execute();

      await d
        .id(db.schema.createTable('grade_changes'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').notNull())
        .addColumn('old_grade', 'text')
        .addColumn('new_grade', 'text', (c) => c.notNull())
        .addColumn('proposed_grade', 'text')
        .addColumn('overridden', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('grade_changes_customer_idx').on('grade_changes').columns(['customer_id', 'at']).execute();
      await db.schema.createIndex('grade_changes_actor_idx').on('grade_changes').column('actor_id').execute();
    },
  };
}
