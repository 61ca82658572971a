import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * The dashboards' nightly figures (docs/regulations.md §16): one row per figure computed over all customers
 * (the sales trend, top customers, visit cadence), its body as JSON and the instant it was computed, shown
 * on the card as "as of". Narrower scopes are computed live and never read these rows.
 */
export function dashboards20261211(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261211_20_dashboards',
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('dashboard_snapshots')
        .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('computed_at', d.instant, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('dashboard_snapshots').execute();
    },
  };
}
