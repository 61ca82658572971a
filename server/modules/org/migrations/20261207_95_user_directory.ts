import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * The directory other modules read people through (names on lists, assignees, placement), so no module
 * but org touches the users table with its password hashes and lockout state. A plain view: both planners
 * inline it, so a join through it costs what a join on users did.
 */
export function userDirectory20261207(_kind: DialectKind): NamedMigration {
  return {
    name: '20261207_95_user_directory',
    async up(db: Kysely<any>) {
      await sql`CREATE VIEW user_directory AS SELECT id, display_name, username, department_id, team_id, active FROM users`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`DROP VIEW user_directory`.execute(db);
    },
  };
}
