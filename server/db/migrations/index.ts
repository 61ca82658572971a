import type { DialectKind } from '../database';
import { platform20261123 } from './20261123_01_platform';
import type { NamedMigration } from './helpers';
import { referenceLabels20261212 } from './20261212_20_00_reference_labels';

/** The platform's own migrations; each module keeps its migrations in its folder (server/modules/<module>/migrations/). */
export function platformMigrations(kind: DialectKind): NamedMigration[] {
  return [platform20261123(kind), referenceLabels20261212(kind)];
}
