import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * Whether a contact's birthday is kept in the solar or the lunar calendar (docs/regulations.md §12):
 * a lunar birthday is celebrated on a different solar day each year, which the care calendar works out.
 */
export function contactBirthdayCalendar20261210(_kind: DialectKind): NamedMigration {
  return {
    name: '20261210_50_contact_birthday_calendar',
    async up(db: Kysely<any>) {
      await db.schema.alterTable('customer_contacts').addColumn('birthday_calendar', 'text', (c) => c.notNull().defaultTo('solar')).execute();
    },
  };
}
