import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * Indexes for the customer list at a million customers (issue 3 §15, docs/performance.md): each one
 * serves a filter together with the default order (name = pinyin), so a page is read in index order
 * and its count from the index alone.
 */
export function customerIndexes20261123(_kind: DialectKind): NamedMigration {
  return {
    name: '20261123_05_customer_indexes',
    async up(db: Kysely<any>) {
      const idx = (name: string, cols: string[]) => db.schema.createIndex(name).ifNotExists().on('customers').columns(cols).execute();
      // A status tab (潜在 / 正式 / 休眠 / 流失) by name, and its total.
      await idx('customers_status_name_idx', ['status', 'name_pinyin']);
      // A region with or without a status, by name (区域分析, 001 篇2 retrieval by region).
      await idx('customers_province_status_name_idx', ['province', 'status', 'name_pinyin']);
      // A specialist's own customers (data scope "own") by name.
      await idx('customers_owner_name_idx', ['owner_id', 'name_pinyin']);
    },
  };
}
