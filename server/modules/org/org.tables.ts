import type { ColumnType } from 'kysely';
import type { Flag } from '../../db/schema';

/** Read-only: a view over users (its migration 20261207_95); other modules read people through it. */
type ReadOnly<T> = ColumnType<T, never, never>;
export interface UserDirectoryView {
  id: ReadOnly<number>;
  display_name: ReadOnly<string>;
  username: ReadOnly<string>;
  department_id: ReadOnly<number | null>;
  team_id: ReadOnly<number | null>;
  active: ReadOnly<Flag>;
}

export interface OrgTables {
  user_directory: UserDirectoryView;
}

declare module '../../db/schema' {
  interface Database extends OrgTables {}
}
