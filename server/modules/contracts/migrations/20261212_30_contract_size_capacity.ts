import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * The rest of docs/regulations.md §13: what a contract books (business type, resource, quantity) for the size line
 * and the capacity check, where the signed original is filed, the capacity per resource and date, and the bookings
 * (group stays, orders) that must name a contract above the size line.
 */
export function contractSizeCapacity20261212(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261212_30_contract_size_capacity',
    async up(db: Kysely<any>) {
      for (const [name, type] of [
        ['business_type', 'text'],
        ['resource', 'text'],
        ['quantity', 'integer'],
        ['filing_location', 'text'],
        ['over_capacity', 'integer'],
      ] as const) {
        await db.schema.alterTable('contracts').addColumn(name, type).execute();
      }
      await db.schema.createIndex('contracts_resource_idx').on('contracts').columns(['resource', 'start_date']).execute();

      // A row with `day` null is the resource's capacity on any day; a dated row overrides it for that day.
      await d
        .id(db.schema.createTable('contract_capacities'))
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('day', 'text')
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contract_capacities_resource_idx').on('contract_capacities').columns(['resource', 'day']).execute();

      await d
        .id(db.schema.createTable('contract_bookings'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('business_type', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('resource', 'text')
        .addColumn('contract_id', 'integer', (c) => d.fk(c, 'contracts.id'))
        .addColumn('note', 'text')
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['contract_bookings_customer_idx', ['customer_id', 'day']],
        ['contract_bookings_contract_idx', ['contract_id']],
        ['contract_bookings_owner_idx', ['owner_id']],
        ['contract_bookings_team_idx', ['team_id']],
        ['contract_bookings_department_idx', ['department_id']],
        ['contract_bookings_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on('contract_bookings').columns([...cols]).execute();
      }
    },
  };
}
