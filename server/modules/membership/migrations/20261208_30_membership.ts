import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Members, the points ledger and tier history (docs/regulations.md §3). A transaction or return earns or
 * takes back points once: (source_kind, source_id) is unique; a year end expires points once per member.
 */
export function membership20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_30_membership',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('memberships'))
        .addColumn('member_no', 'text', (c) => c.notNull().unique())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').unique())
        .addColumn('individual_id', 'integer', (c) => d.fk(c, 'individual_customers.id').unique())
        .addColumn('tier', 'text', (c) => c.notNull())
        .addColumn('joined_on', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addCheckConstraint('memberships_one_holder', sql`(customer_id is null) <> (individual_id is null)`)
        .execute();
      await db.schema.createIndex('memberships_tier_idx').on('memberships').column('tier').execute();
      await db.schema.createIndex('memberships_created_by_idx').on('memberships').column('created_by').execute();

      await d
        .id(db.schema.createTable('membership_points'))
        .addColumn('member_id', 'integer', (c) => d.fk(c, 'memberships.id', 'cascade').notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('points', 'bigint', (c) => c.notNull())
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text')
        .addColumn('source_id', 'integer')
        .addColumn('amount_cents', 'bigint')
        .addColumn('expiry_year', 'integer')
        .addColumn('gift_key', 'text')
        .addColumn('gift_name', 'text')
        .addColumn('quantity', 'integer')
        .addColumn('reason', 'text')
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('membership_points_source_uq', ['source_kind', 'source_id'])
        .addUniqueConstraint('membership_points_expiry_uq', ['member_id', 'expiry_year'])
        .execute();
      await db.schema.createIndex('membership_points_member_idx').on('membership_points').columns(['member_id', 'id']).execute();
      await db.schema.createIndex('membership_points_actor_idx').on('membership_points').column('actor_id').execute();

      await d
        .id(db.schema.createTable('membership_tier_changes'))
        .addColumn('member_id', 'integer', (c) => d.fk(c, 'memberships.id', 'cascade').notNull())
        .addColumn('old_tier', 'text')
        .addColumn('new_tier', 'text', (c) => c.notNull())
        .addColumn('points', 'bigint', (c) => c.notNull())
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('membership_tier_changes_member_idx').on('membership_tier_changes').columns(['member_id', 'id']).execute();
      await db.schema.createIndex('membership_tier_changes_actor_idx').on('membership_tier_changes').column('actor_id').execute();

      await db.schema
        .createTable('membership_sequences')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('membership_year_ends')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('expired_members', 'integer', (c) => c.notNull())
        .addColumn('done_at', d.instant, (c) => c.notNull())
        .execute();

      // A member is seen by whoever sees its holder (docs/regulations.md §1): the customer's scope for a
      // company, the individuals module's owner / team / department for a guest; a transfer moves it along.
      await db.schema
        .createView('member_scope')
        .as(
          db
            .selectFrom('memberships')
            .leftJoin('customers', 'customers.id', 'memberships.customer_id')
            .leftJoin('individual_customers', 'individual_customers.id', 'memberships.individual_id')
            .select([
              'memberships.id as id',
              sql`coalesce(customers.owner_id, individual_customers.owner_id)`.as('owner_id'),
              sql`coalesce(customers.team_id, individual_customers.team_id)`.as('team_id'),
              sql`coalesce(customers.department_id, individual_customers.department_id)`.as('department_id'),
              sql`coalesce(customers.name, individual_customers.name)`.as('holder_name'),
              'customers.archive_no as holder_no',
            ]),
        )
        .execute();
    },
  };
}
