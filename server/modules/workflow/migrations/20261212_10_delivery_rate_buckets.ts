import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * Per-channel rate pacing (issue 18 §3): one token bucket per channel (per robot), kept in the database so
 * that every app instance draws from the same bucket. `version` makes taking a token a compare-and-set.
 * The channel index serves each channel's own worker loop.
 */
export function deliveryRateBuckets20261212(_kind: DialectKind): NamedMigration {
  return {
    name: '20261212_10_delivery_rate_buckets',
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('delivery_rate_buckets')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('tokens', 'double precision', (c) => c.notNull())
        .addColumn('refilled_ms', 'double precision', (c) => c.notNull()) // epoch milliseconds
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('notification_deliveries_channel_due_idx')
        .on('notification_deliveries')
        .columns(['channel', 'status', 'next_attempt_at'])
        .execute();
    },
  };
}
