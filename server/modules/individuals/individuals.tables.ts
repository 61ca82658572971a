import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The individuals module's tables (column types as Kysely sees them). */
export interface IndividualCustomerTable {
  id: Generated<number>;
  name: string;
  name_pinyin: string;
  name_initials: string;
  initial: string; // A–Z or #
  /** Folded name and every reading (individuals.rules.ts nameSearchText). */
  name_search: string;
  gender: string | null; // male | female
  birthday: string | null;
  nationality: string | null;
  mobile: string | null;
  mobile_digits: string | null;
  id_number: string | null;
  notes: string | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface IndividualTables {
  individual_customers: IndividualCustomerTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends IndividualTables {}
}
