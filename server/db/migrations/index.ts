import type { DialectKind } from '../database';
import { platform20261123 } from './20261123_01_platform';
import type { NamedMigration } from './helpers';

/** The platform's own migrations; each module keeps its migrations in its folder (server/modules/<module>/migrations/). */
export function platformMigrations(kind: DialectKind): NamedMigration[] {
  return [platform20261123(kind)];
}
