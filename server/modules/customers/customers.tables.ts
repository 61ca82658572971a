import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Instant, Flag } from '../../db/schema';
import type { ImportStoreTable } from '../../platform/import/import.store.queries';

/** The customers module's tables (column types as Kysely sees them). */
export interface CustomerTable {
  id: Generated<number>;
  archive_no: string;
  name: string;
  name_normalized: string;
  name_pinyin: string;
  status: ColumnType<string, string | undefined, string>;
  credit_code: string | null;
  phone_digits: string | null;
  legal_representative: string | null;
  general_manager: string | null;
  address: string | null;
  postcode: string | null;
  phone: string | null;
  fixed_phone: string | null; // 固定电话, masked like the phone (migration 20261212_60)
  email: string | null;
  website: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  industry: string | null;
  company_nature: string | null;
  company_size: string | null;
  business_scope: string | null;
  operating_status: string | null;
  position_in_industry: string | null;
  price_level: string | null;
  main_products: string | null;
  bank_name: string | null;
  bank_account: string | null;
  payment_habits: string | null;
  paying_contact: string | null;
  source_channel: string | null;
  contact_frequency: string | null;
  relationship_potential: string | null;
  cooperation_intention: string | null;
  staff_count: number | null;
  peak_month_amount: number | null;
  low_month_amount: number | null;
  tags: ColumnType<string, string | undefined, string>; // JSON array
  notes: string | null; // 备注
  cooperation_since: string | null; // YYYY-MM-DD, when cooperation began (docs/regulations.md §3)
  grade: string | null; // the confirmed grade code (docs/regulations.md §3); set only by setGrades
  completeness: ColumnType<number, number | undefined, number>;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CustomerContactTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  position: string | null;
  department: string | null;
  mobile: string | null;
  phone: string | null;
  mobile_digits: string | null;
  email: string | null;
  birthday: string | null;
  /** solar | lunar: a lunar birthday's month and day are lunar (docs/regulations.md §12). */
  birthday_calendar: ColumnType<string, string | undefined, string>;
  notes: string | null;
  is_key: ColumnType<Flag, Flag | undefined, Flag>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ArchiveSequenceTable {
  year: number;
  last_no: number;
}

export interface CustomerAttachmentTable {
  id: Generated<number>;
  customer_id: number;
  kind: string; // fax | contract | letter | other
  filename: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  description: string | null;
  uploaded_by: number | null;
  created_at: Instant;
}

export interface CustomerMergeTable {
  id: Generated<number>;
  survivor_id: number;
  merged_id: number;
  merged_archive_no: string;
  merged_name: string;
  snapshot: string; // JSON of the merged customer's fields
  reason: string;
  merged_by: number | null;
  merged_at: Instant;
}

/** An uploaded customer spreadsheet between preview and commit: the platform's import store columns. */
export type CustomerImportTable = ImportStoreTable;


/** Read-only: a view over customers (its migrations 20261207_96, 20261208_10, 20261210_30); other modules read customers through it. */
type ReadOnly<T> = ColumnType<T, never, never>;
export interface CustomerDirectoryView {
  id: ReadOnly<number>;
  name: ReadOnly<string>;
  name_pinyin: ReadOnly<string>;
  archive_no: ReadOnly<string>;
  owner_id: ReadOnly<number>;
  team_id: ReadOnly<number | null>;
  department_id: ReadOnly<number | null>;
  status: ReadOnly<string>;
  grade: ReadOnly<string | null>; // from migration 20261208_10
  industry: ReadOnly<string | null>;
  cooperation_since: ReadOnly<string | null>;
  province: ReadOnly<string | null>; // from migration 20261210_30
  city: ReadOnly<string | null>;
  created_at: ReadOnly<string>;
}

export type Customer = Selectable<CustomerTable>;
export type CustomerContact = Selectable<CustomerContactTable>;

export interface CustomerTables {
  customers: CustomerTable;
  customer_contacts: CustomerContactTable;
  archive_sequences: ArchiveSequenceTable;
  customer_attachments: CustomerAttachmentTable;
  customer_merges: CustomerMergeTable;
  customer_imports: CustomerImportTable;
  customer_directory: CustomerDirectoryView;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends CustomerTables {}
}
