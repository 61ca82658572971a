import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * A supervisor's list (data scope "team", docs/regulations.md §1) reads each of its teams in name order
 * from this index and the owner's own customers from customers_owner_name_idx, then merges the two
 * (docs/performance.md: the scope's OR across two columns otherwise sorts the whole team for each page).
 * The id closes the order as the list's tie-break does; the owner lets the team's branch leave out the
 * supervisor's own customers (read by the other branch) and its total be counted from the index alone.
 */
export function customerTeamListIndex20261212(_kind: DialectKind): NamedMigration {
  return {
    name: '20261212_50_customer_team_list_index',
    async up(db: Kysely<any>) {
      await db.schema.createIndex('customers_team_name_idx').ifNotExists().on('customers').columns(['team_id', 'name_pinyin', 'id', 'owner_id']).execute();
    },
  };
}
