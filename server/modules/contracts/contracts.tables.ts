import type { ColumnType, Generated } from 'kysely';
import type { Instant, Flag } from '../../db/schema';

/** The contracts module's tables (column types as Kysely sees them). */
export interface ContractTable {
  id: Generated<number>;
  contract_no: string;
  title: string;
  customer_id: number;
  amount_cents: number; // whole 分 of `currency`
  currency: ColumnType<string, string | undefined, string>; // CNY | USD | EUR | HKD
  signing_date: string | null;
  start_date: string;
  end_date: string;
  terms: string | null;
  signer_id: number;
  status: ColumnType<string, string | undefined, string>; // draft | pending | effective | expired | terminated
  exceeds_limit: Flag | null; // decided at signing
  exceeds_term: Flag | null;
  signed_at: Instant | null;
  effective_at: Instant | null;
  termination_reason: string | null;
  terminated_at: Instant | null;
  terminated_by: number | null;
  owner_id: number; // copied from the customer (data scope, docs/regulations.md §1)
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  /** What the contract books (docs/regulations.md §13): hotel_group (people) | production (units); null = nothing booked. */
  business_type: ColumnType<string | null, string | null | undefined, string | null>;
  resource: ColumnType<string | null, string | null | undefined, string | null>; // 客房, 生产线 … (capacity per resource and day)
  quantity: ColumnType<number | null, number | null | undefined, number | null>;
  /** Where the signed original is kept (cabinet, archive box). */
  filing_location: ColumnType<string | null, string | null | undefined, string | null>;
  over_capacity: ColumnType<Flag | null, Flag | null | undefined, Flag | null>; // decided at signing
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ContractSequenceTable {
  year: number;
  last_no: number;
}

export interface ContractAttachmentTable {
  contract_id: number;
  attachment_id: number;
}

/** Capacity of a resource: `day` null = any day; a dated row overrides it for that day. */
export interface ContractCapacityTable {
  id: Generated<number>;
  resource: string;
  day: string | null;
  capacity: number;
  updated_at: Instant;
}

/** A group stay or an order as recorded; above the size line it names its contract (docs/regulations.md §13). */
export interface ContractBookingTable {
  id: Generated<number>;
  customer_id: number;
  business_type: string;
  quantity: number;
  day: string;
  resource: string | null;
  contract_id: number | null;
  note: string | null;
  owner_id: number;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
  created_at: Instant;
}

export interface ContractTables {
  contract_capacities: ContractCapacityTable;
  contract_bookings: ContractBookingTable;
  contracts: ContractTable;
  contract_sequences: ContractSequenceTable;
  contract_attachments: ContractAttachmentTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends ContractTables {}
}
