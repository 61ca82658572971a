import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * The columns of a customer other modules read (name and archive number on their lists, the pinyin name
 * they sort by, the owner / team / department the data scope checks), so no other module joins the
 * customers table itself. A plain view: both planners inline it and use the table's indexes.
 */
export function customerDirectory20261207(_kind: DialectKind): NamedMigration {
  return {
    name: '20261207_96_customer_directory',
    async up(db: Kysely<any>) {
      await sql`CREATE VIEW customer_directory AS SELECT id, name, name_pinyin, archive_no, owner_id, team_id, department_id, status FROM customers`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`DROP VIEW customer_directory`.execute(db);
    },
  };
}
