import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * The customer's grade 等级 (docs/regulations.md §3), set only through the customer service when a
 * supervisor confirms it, and the date cooperation began (the cooperation-years class counts from it
 * or from the first transaction, whichever is earlier). The directory view gains the grade, the
 * industry and that date, so visit cadence, care, pool rules and the classifier read them without
 * joining customers.
 */
export function customerGrade20261208(_kind: DialectKind): NamedMigration {
  return {
    name: '20261208_10_customer_grade',
    async up(db: Kysely<any>) {
      await db.schema.alterTable('customers').addColumn('grade', 'text').execute();
      await db.schema.alterTable('customers').addColumn('cooperation_since', 'text').execute();
      // The archive filters by grade within the caller's scope; owner first as the other list indexes.
      await db.schema.createIndex('customers_grade_idx').on('customers').columns(['grade', 'owner_id']).execute();
      await sql`DROP VIEW customer_directory`.execute(db);
      await sql`CREATE VIEW customer_directory AS SELECT id, name, name_pinyin, archive_no, owner_id, team_id, department_id, status, grade, industry, cooperation_since FROM customers`.execute(db);
    },
  };
}
