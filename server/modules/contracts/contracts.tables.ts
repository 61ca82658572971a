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


export interface ContractTables {
  contracts: ContractTable;
  contract_sequences: ContractSequenceTable;
  contract_attachments: ContractAttachmentTable;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends ContractTables {}
}
