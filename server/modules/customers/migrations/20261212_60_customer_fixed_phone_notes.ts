import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * The company's fixed-line phone (固定电话) beside its main phone, and free notes (备注), both on the
 * form and as import targets (docs/regulations.md §2).
 */
export function customerFixedPhoneNotes20261212(_kind: DialectKind): NamedMigration {
  return {
    name: '20261212_60_customer_fixed_phone_notes',
    async up(db: Kysely<any>) {
      await db.schema.alterTable('customers').addColumn('fixed_phone', 'text').execute();
      await db.schema.alterTable('customers').addColumn('notes', 'text').execute();
    },
  };
}
