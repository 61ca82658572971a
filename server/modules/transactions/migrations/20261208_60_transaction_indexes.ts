import type { Kysely } from 'kysely';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * The customer's yearly totals (the value panel, every reclassification) read the amounts of all its
 * transactions: with the amount in the index they are read from the index alone, instead of one table
 * row per transaction scattered over a ledger stored in date order (docs/performance.md, 10M transactions).
 * The new index starts with the old one's columns, so it serves the customer's list too and replaces it.
 */
export function transactionIndexes20261208(): NamedMigration {
  return {
    name: '20261208_60_transaction_indexes',
    async up(db: Kysely<any>) {
      await db.schema.createIndex('transactions_customer_date_amount_idx').on('transactions').columns(['customer_id', 'date', 'amount_cents']).execute();
      await db.schema.dropIndex('transactions_customer_date_idx').execute();
    },
  };
}
