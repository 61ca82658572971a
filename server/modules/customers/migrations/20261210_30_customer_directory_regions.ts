import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * The directory view gains the region (province, city) and the day the customer entered the archive, so the
 * analysis tables (docs/regulations.md §16) group and count customers without joining the archive's table.
 * PostgreSQL keeps the views built on it (reception) by replacing it with the new columns at the end.
 */
export function customerDirectoryRegions20261210(kind: DialectKind): NamedMigration {
  const select = sql`SELECT id, name, name_pinyin, archive_no, owner_id, team_id, department_id, status, grade, industry, cooperation_since, province, city, created_at FROM customers`;
  return {
    name: '20261210_30_customer_directory_regions',
    async up(db: Kysely<any>) {
      if (kind === 'postgres') {
        await sql`CREATE OR REPLACE VIEW customer_directory AS ${select}`.execute(db);
      } else {
        await sql`DROP VIEW customer_directory`.execute(db);
        await sql`CREATE VIEW customer_directory AS ${select}`.execute(db);
      }
    },
  };
}
