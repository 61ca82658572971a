import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The confidentiality level the archive keeper gave one filed attachment (a fax, letter, signed contract copy …). */
export interface ArchiveLevelTable {
  attachment_id: number;
  customer_id: number;
  level: string;
  set_by: number;
  set_at: Instant;
}

/** Correspondence 往来文书 filed per customer with an index number 1, 2, 3 … (docs/regulations.md §2). */
export interface ArchiveCorrespondenceTable {
  id: Generated<number>;
  customer_id: number;
  index_no: number;
  kind: string; // fax | letter | contract | email
  direction: string; // in | out
  subject: string;
  counterpart: string | null;
  dated_on: string;
  attachment_id: number | null;
  created_by: number;
  created_at: Instant;
}

/** A loan of filed material inside the department (docs/regulations.md §1). */
export interface ArchiveLoanTable {
  id: Generated<number>;
  customer_id: number;
  attachment_id: number | null;
  material: string; // what was lent, as the register names it
  borrower_id: number;
  department_id: number;
  lent_by: number;
  lent_on: string;
  due_on: string;
  returned_on: string | null;
  returned_to: number | null;
  note: string | null;
  overdue_notified_at: Instant | null;
  created_at: Instant;
}

/** A request to download confidential material, decided through the approval engine; approved = a time-limited grant, used once. */
export interface ArchiveDownloadRequestTable {
  id: Generated<number>;
  customer_id: number;
  attachment_id: number;
  applicant_id: number;
  team_id: number | null;
  department_id: number | null;
  filename: string;
  level: string;
  reason: string;
  status: ColumnType<string, string | undefined, string>; // pending | approved | rejected | returned | withdrawn
  granted_until: Instant | null;
  used_at: Instant | null;
  created_at: Instant;
}

export interface ArchiveTables {
  archive_levels: ArchiveLevelTable;
  archive_correspondence: ArchiveCorrespondenceTable;
  archive_loans: ArchiveLoanTable;
  archive_download_requests: ArchiveDownloadRequestTable;
}

declare module '../../db/schema' {
  interface Database extends ArchiveTables {}
}
