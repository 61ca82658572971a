import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Reception, tours and banquets (docs/regulations.md §9). Each record keeps the team and department of the
 * staff member who entered it; the scope views read the customer's owner and team when there is a customer,
 * so a transfer moves its receptions along, and the entering staff member's otherwise.
 * Also seeds the 总经理 approval group (empty; the administrator names its member) for tour approval.
 */
export function reception20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_50_reception',
    async up(db: Kysely<any>) {
      const common = (t: CreateTableBuilder<any, any>) =>
        t
          .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
          .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('created_at', d.instant, (c) => c.notNull())
          .addColumn('updated_at', d.instant, (c) => c.notNull());

      await common(
        d
          .id(db.schema.createTable('reception_visits'))
          .addColumn('visitor_name', 'text', (c) => c.notNull())
          .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id'))
          .addColumn('organisation', 'text')
          .addColumn('phone', 'text')
          .addColumn('id_number', 'text')
          .addColumn('receiver_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
          .addColumn('arrived_at', d.instant, (c) => c.notNull())
          .addColumn('departed_at', d.instant)
          .addColumn('note', 'text')
          .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull()),
      ).execute();

      await common(
        d
          .id(db.schema.createTable('reception_records'))
          .addColumn('visit_id', 'integer', (c) => d.fk(c, 'reception_visits.id', 'set null'))
          .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id'))
          .addColumn('organisation', 'text')
          .addColumn('visitor_name', 'text', (c) => c.notNull())
          .addColumn('receiver_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
          .addColumn('received_on', 'text', (c) => c.notNull())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('requests', 'text')
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('promise_days', 'integer')
          .addColumn('reason', 'text')
          .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'set null'))
          .addColumn('task_due', 'text')
          .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull()),
      ).execute();

      await common(
        d
          .id(db.schema.createTable('reception_tours'))
          .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id'))
          .addColumn('organisation', 'text')
          .addColumn('tour_type', 'text', (c) => c.notNull())
          .addColumn('visitors_count', 'integer', (c) => c.notNull())
          .addColumn('scheduled_at', d.instant, (c) => c.notNull())
          .addColumn('duration_minutes', 'integer')
          .addColumn('content', 'text', (c) => c.notNull())
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('route', 'text', (c) => c.notNull())
          .addColumn('contact_name', 'text')
          .addColumn('photography_requested', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('photography_consented_by', 'integer', (c) => d.fk(c, 'users.id'))
          .addColumn('photography_consented_at', d.instant)
          .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
          .addColumn('permit_no', 'text', (c) => c.unique())
          .addColumn('applicant_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
          .addColumn('approved_at', d.instant)
          .addColumn('started_at', d.instant)
          .addColumn('completed_at', d.instant),
      ).execute();

      await common(
        d
          .id(db.schema.createTable('reception_banquets'))
          .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id'))
          .addColumn('organisation', 'text')
          .addColumn('guests', 'text', (c) => c.notNull())
          .addColumn('guest_count', 'integer', (c) => c.notNull())
          .addColumn('held_on', 'text', (c) => c.notNull())
          .addColumn('place', 'text', (c) => c.notNull())
          .addColumn('budget_fen', 'bigint', (c) => c.notNull())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('emergency', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('emergency_reason', 'text')
          .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
          .addColumn('held_at', d.instant)
          .addColumn('applicant_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
          .addColumn('approved_at', d.instant),
      ).execute();

      const indexes: [string, string, string[]][] = [
        ['reception_visits_customer_idx', 'reception_visits', ['customer_id']],
        ['reception_visits_arrived_idx', 'reception_visits', ['arrived_at']],
        ['reception_visits_receiver_idx', 'reception_visits', ['receiver_id']],
        ['reception_visits_created_by_idx', 'reception_visits', ['created_by']],
        ['reception_visits_team_idx', 'reception_visits', ['team_id']],
        ['reception_visits_department_idx', 'reception_visits', ['department_id']],
        ['reception_records_visit_idx', 'reception_records', ['visit_id']],
        ['reception_records_customer_idx', 'reception_records', ['customer_id']],
        ['reception_records_received_idx', 'reception_records', ['received_on']],
        ['reception_records_receiver_idx', 'reception_records', ['receiver_id']],
        ['reception_records_task_idx', 'reception_records', ['task_id']],
        ['reception_records_created_by_idx', 'reception_records', ['created_by']],
        ['reception_records_team_idx', 'reception_records', ['team_id']],
        ['reception_records_department_idx', 'reception_records', ['department_id']],
        ['reception_tours_customer_idx', 'reception_tours', ['customer_id']],
        ['reception_tours_scheduled_idx', 'reception_tours', ['scheduled_at']],
        ['reception_tours_applicant_idx', 'reception_tours', ['applicant_id']],
        ['reception_tours_consented_idx', 'reception_tours', ['photography_consented_by']],
        ['reception_tours_team_idx', 'reception_tours', ['team_id']],
        ['reception_tours_department_idx', 'reception_tours', ['department_id']],
        ['reception_banquets_customer_idx', 'reception_banquets', ['customer_id']],
        ['reception_banquets_held_idx', 'reception_banquets', ['held_on']],
        ['reception_banquets_applicant_idx', 'reception_banquets', ['applicant_id']],
        ['reception_banquets_team_idx', 'reception_banquets', ['team_id']],
        ['reception_banquets_department_idx', 'reception_banquets', ['department_id']],
      ];
      for (const [name, table, cols] of indexes) await db.schema.createIndex(name).on(table).columns(cols).execute();

      // Scope (docs/regulations.md §1): the customer's owner, team and department when there is a customer,
      // else the staff member's; `staff_id` (receiver or applicant) always sees their own.
      for (const [view, table, staff] of [
        ['reception_visit_scope', 'reception_visits', 'receiver_id'],
        ['reception_record_scope', 'reception_records', 'receiver_id'],
        ['reception_tour_scope', 'reception_tours', 'applicant_id'],
        ['reception_banquet_scope', 'reception_banquets', 'applicant_id'],
      ] as const) {
        await sql
          .raw(
            `CREATE VIEW ${view} AS SELECT r.id AS id, COALESCE(c.owner_id, r.created_by_user) AS owner_id, r.${staff} AS staff_id, ` +
              `CASE WHEN c.id IS NULL THEN r.team_id ELSE c.team_id END AS team_id, ` +
              `CASE WHEN c.id IS NULL THEN r.department_id ELSE c.department_id END AS department_id ` +
              `FROM (SELECT t.*, ${table === 'reception_tours' || table === 'reception_banquets' ? 't.applicant_id' : 't.created_by'} AS created_by_user FROM ${table} t) r ` +
              `LEFT JOIN customer_directory c ON c.id = r.customer_id`,
          )
          .execute(db);
      }

      const now = new Date().toISOString();
      await db.insertInto('approval_groups').values({ key: 'general_manager', name: '总经理', created_at: now, updated_at: now }).execute();
    },
  };
}
