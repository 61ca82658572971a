import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The care module's tables (docs/regulations.md §12). */
export interface CareTemplateTable {
  id: Generated<number>;
  name: string;
  channel: string; // TemplateChannel
  occasion: string | null; // OccasionType, or null for any
  subject: string | null;
  body: string;
  created_by: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CareActionTable {
  id: Generated<number>;
  customer_id: number;
  contact_id: number | null;
  occasion: string;
  occasion_date: string | null;
  channel: string;
  template_id: number | null;
  done_on: string;
  note: string | null;
  actor_id: number;
  created_at: Instant;
}

export interface CareReminderSentTable {
  key: string;
  owner_id: number;
  occasion_date: string;
  sent_at: Instant;
}

export interface CareEventTable {
  id: Generated<number>;
  kind: string; // promotion | event
  title: string;
  starts_on: string;
  ends_on: string | null;
  location: string | null;
  description: string | null;
  organizer_id: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CareEventInviteTable {
  id: Generated<number>;
  event_id: number;
  customer_id: number;
  status: ColumnType<string, string | undefined, string>; // invited | attended | absent
  invited_by: number;
  updated_at: Instant;
}

export interface CareTables {
  care_templates: CareTemplateTable;
  care_actions: CareActionTable;
  care_reminders_sent: CareReminderSentTable;
  care_events: CareEventTable;
  care_event_invites: CareEventInviteTable;
  care_action_scope: { id: number; owner_id: number; team_id: number | null; department_id: number | null };
}

declare module '../../db/schema' {
  interface Database extends CareTables {}
}
