import type { Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** A stay of an individual guest (docs/regulations.md §9): check-in starts the hotel's meeting deadline. */
export interface GuestStayTable {
  id: Generated<number>;
  individual_id: number;
  checked_in_at: Instant;
  checked_out_at: Instant | null;
  room: string | null;
  /** The PMS booking reference: unique, so a PMS sending the same booking twice records one stay. */
  booking_ref: string | null;
  notes: string | null;
  /** manual | pms */
  source: string;
  /** The meeting deadline (check-in + the setting's hours); null when the guest is not of a kind that is met. */
  meet_by: Instant | null;
  /** The keeper (the guest's owner) the meeting task went to. */
  keeper_id: number | null;
  task_id: number | null;
  met_at: Instant | null;
  met_by: number | null;
  meeting_note: string | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface StayTables {
  guest_stays: GuestStayTable;
}

declare module '../../db/schema' {
  interface Database extends StayTables {}
}
