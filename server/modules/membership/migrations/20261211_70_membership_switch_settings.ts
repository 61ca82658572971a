import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

const KEYS = ['membership.tierDownAtYearEnd'];

/** These settings were 0 / 1 numbers and are now on / off switches: a stored 0 or 1 becomes false or true, so a value set before is kept. */
export function membershipSwitchSettings20261211(_kind: DialectKind): NamedMigration {
  return {
    name: '20261211_70_membership_switch_settings',
    async up(db: Kysely<any>) {
      for (const [from, to] of [
        ['0', 'false'],
        ['1', 'true'],
      ]) {
        await db.updateTable('settings').set({ value: to }).where('key', 'in', KEYS).where('value', '=', from).execute();
      }
    },
  };
}
