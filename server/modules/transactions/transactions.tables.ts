import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';
import type { ImportStoreTable } from '../../platform/import/import.store.queries';

/** The transactions module's tables (column types as Kysely sees them). */
export interface TransactionTable {
  id: Generated<number>;
  customer_id: number;
  date: string; // YYYY-MM-DD, the day of the sale in Asia/Shanghai
  product: string;
  model: string | null;
  quantity: number;
  unit_price_cents: number; // whole 分
  amount_cents: number; // whole 分
  salesperson_id: number | null;
  contract_id: number | null;
  source_system: ColumnType<string, string | undefined, string>; // 'manual' or the pushing system's name
  source_doc_no: string | null;
  created_by: number | null;
  created_at: Instant;
}

export interface TransactionReturnTable {
  id: Generated<number>;
  customer_id: number;
  transaction_id: number | null;
  kind: string; // return | refund | discount
  date: string;
  amount_cents: number; // whole 分, taken off the purchases
  reason: string;
  responsible_party: string;
  source_system: ColumnType<string, string | undefined, string>; // 'manual' or 'excel' (imported)
  source_doc_no: string | null;
  created_by: number | null;
  created_at: Instant;
}

/** The current class of a customer by annual purchases (docs/regulations.md §3); no row = no purchases yet. */
export interface CustomerClassTable {
  customer_id: number;
  amount_class: string; // large | medium | small
  amount_year: number; // the year whose net purchases decided it
  amount_net_cents: number;
  large_line_cents: number; // the lines in force when it was computed
  small_line_cents: number;
  reason: string; // in words, zh-CN, as written to the customer's history
  changed_at: Instant;
  computed_at: Instant;
}

/** Every change of class, with the figures that caused it. */
export interface CustomerClassChangeTable {
  id: Generated<number>;
  customer_id: number;
  dimension: string; // amount | industry | cooperation
  old_class: string | null;
  new_class: string | null;
  year: number | null;
  net_cents: number | null;
  large_line_cents: number;
  small_line_cents: number;
  cause: string; // transaction | return | import | nightly | merge | customer
  actor_id: number | null;
  at: Instant;
  reason: string | null; // industry and cooperation: the reason in words, zh-CN (migration 20261208_11)
}

/** The customer's industry class and cooperation-years class beside the class by amount (docs/regulations.md §3). */
export interface CustomerDimensionClassTable {
  customer_id: number;
  industry: string | null;
  industry_class: string | null; // A | B | C
  industry_listed: number | null; // 1: by the table, 0: the default class
  cooperation_class: string | null; // long | medium | short
  cooperation_from: string | null;
  cooperation_years: number | null;
  long_years: number | null; // the lines in force when it was computed
  short_years: number | null;
  changed_at: Instant;
  computed_at: Instant;
}

/** A view: each transaction with its customer's owner / team / department (the data scope). */
export interface TransactionScopeView {
  id: number;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
}

/** An Excel/CSV import of transactions or returns (the platform's import columns plus the kind). */
export interface TransactionImportTable extends ImportStoreTable {
  kind: string; // transactions | returns
}

export interface TransactionTables {
  transaction_imports: TransactionImportTable;
  transaction_scope: TransactionScopeView;
  transactions: TransactionTable;
  transaction_returns: TransactionReturnTable;
  customer_classes: CustomerClassTable;
  customer_class_changes: CustomerClassChangeTable;
  customer_dimension_classes: CustomerDimensionClassTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends TransactionTables {}
}
