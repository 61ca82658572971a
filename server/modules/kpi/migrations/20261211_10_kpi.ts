import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * KPIs and routines (docs/regulations.md §17, §19): targets per person or team and month; annulled point
 * deductions (the deductions themselves are computed from the records that cause them, so only the
 * supervisor's annulment with its reason is stored); routine reports (forecast, summary, analysis, daily
 * visit report) with their due date; recurring meetings with their minutes.
 */
export function kpi20261211(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261211_10_kpi',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('kpi_targets'))
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'integer', (c) => c.notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('target', 'real', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('kpi_targets_subject_uq', ['subject_type', 'subject_id', 'metric', 'period'])
        .execute();
      await db.schema.createIndex('kpi_targets_period_idx').on('kpi_targets').columns(['period', 'metric']).execute();
      await db.schema.createIndex('kpi_targets_team_idx').on('kpi_targets').column('team_id').execute();
      await db.schema.createIndex('kpi_targets_department_idx').on('kpi_targets').column('department_id').execute();
      await db.schema.createIndex('kpi_targets_updated_by_idx').on('kpi_targets').column('updated_by').execute();

      await d
        .id(db.schema.createTable('kpi_annulments'))
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('deduction_key', 'text', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('annulled_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('annulled_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('kpi_annulments_uq', ['user_id', 'deduction_key'])
        .execute();
      await db.schema.createIndex('kpi_annulments_month_idx').on('kpi_annulments').columns(['month', 'user_id']).execute();
      await db.schema.createIndex('kpi_annulments_by_idx').on('kpi_annulments').column('annulled_by').execute();

      await d
        .id(db.schema.createTable('kpi_reports'))
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('submitted_at', d.instant, (c) => c.notNull())
        .addColumn('late', 'integer', (c) => c.notNull())
        .addUniqueConstraint('kpi_reports_uq', ['user_id', 'kind', 'period'])
        .execute();
      await db.schema.createIndex('kpi_reports_due_idx').on('kpi_reports').columns(['due_date', 'kind']).execute();

      await d
        .id(db.schema.createTable('kpi_meetings'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id').notNull())
        .addColumn('starts_at', d.instant, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attendee_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('decisions', 'text')
        .addColumn('notes', 'text')
        .addColumn('recorded_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('recorded_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('kpi_meetings_slot_uq', ['department_id', 'starts_at'])
        .execute();
      await db.schema.createIndex('kpi_meetings_starts_idx').on('kpi_meetings').column('starts_at').execute();
      await db.schema.createIndex('kpi_meetings_recorded_by_idx').on('kpi_meetings').column('recorded_by').execute();
    },
  };
}
