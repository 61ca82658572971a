import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * A task due "in N working days" keeps N and the day it was counted from (docs/regulations.md §10), so its
 * due date is known to rest on provisional holidays and is counted again when the official year is entered.
 * Tasks given a date keep both null.
 */
export function taskWorkingDayDue20261210(_kind: DialectKind): NamedMigration {
  return {
    name: '20261210_80_task_working_day_due',
    async up(db: Kysely<any>) {
      await db.schema.alterTable('tasks').addColumn('due_working_days', 'integer').execute();
      await db.schema.alterTable('tasks').addColumn('due_from', 'text').execute();
    },
  };
}
