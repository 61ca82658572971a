import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/** Settings this module no longer declares: read by no code (docs/regulations.md §2, §8); their stored values go too. */
export const RETIRED_SETTING_KEYS = ['archive.majorChangeWorkingDays', 'archive.newCustomersPerWeek', 'visits.maxDaysBetweenContacts'];

export function retiredArchiveSettings20261211(_kind: DialectKind): NamedMigration {
  return {
    name: '20261211_70_retired_archive_settings',
    async up(db: Kysely<any>) {
      await db.deleteFrom('settings').where('key', 'in', RETIRED_SETTING_KEYS).execute();
    },
  };
}
