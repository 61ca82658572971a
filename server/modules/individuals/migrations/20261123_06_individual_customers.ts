import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/** Individual customers — the hotel's VIP guests (docs/regulations.md §2), listed by pinyin initial. */
export function individualCustomers20261123(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261123_06_individual_customers',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('individual_customers'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_pinyin', 'text', (c) => c.notNull())
        .addColumn('name_initials', 'text', (c) => c.notNull())
        .addColumn('initial', 'text', (c) => c.notNull())
        .addColumn('gender', 'text')
        .addColumn('birthday', 'text')
        .addColumn('nationality', 'text')
        .addColumn('mobile', 'text')
        .addColumn('mobile_digits', 'text')
        .addColumn('id_number', 'text')
        .addColumn('notes', 'text')
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['individual_customers_owner_idx', ['owner_id']],
        ['individual_customers_team_idx', ['team_id']],
        ['individual_customers_department_idx', ['department_id']],
        ['individual_customers_created_by_idx', ['created_by']],
        ['individual_customers_order_idx', ['initial', 'name_pinyin']],
        ['individual_customers_mobile_idx', ['mobile_digits']],
      ] as const) {
        await db.schema.createIndex(name).on('individual_customers').columns([...cols]).execute();
      }
    },
  };
}
