import type { Kysely } from 'kysely';
import { ddl, type NamedMigration } from './helpers';
import type { DialectKind } from '../database';

/** Organisation, accounts, sessions, audit log, settings, calendar, rate limits and job leases (platform, docs/regulations.md §1, §18). */
export function platform20261123(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261123_01_platform',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('departments'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('code', 'text')
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      // users.team_id and teams.supervisor_id reference each other: SQLite accepts the forward
      // reference at creation; PostgreSQL gets the constraint once both tables exist.
      await d
        .id(db.schema.createTable('users'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('team_id', 'integer', (c) => (kind === 'sqlite' ? d.fk(c, 'teams.id', 'set null') : c))
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', d.instant)
        .addColumn('password_changed_at', d.instant, (c) => c.notNull())
        .addColumn('last_login_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      await d
        .id(db.schema.createTable('teams'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id').notNull())
        .addColumn('supervisor_id', 'integer', (c) => d.fk(c, 'users.id', 'set null'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('teams_department_name_unique', ['department_id', 'name'])
        .execute();
      if (kind === 'postgres') {
        await db.schema
          .alterTable('users')
          .addForeignKeyConstraint('users_team_id_fk', ['team_id'], 'teams', ['id'], (c) => c.onDelete('set null'))
          .execute();
      }
      await db.schema.createIndex('users_department_id_idx').on('users').column('department_id').execute();
      await db.schema.createIndex('users_team_id_idx').on('users').column('team_id').execute();
      await db.schema.createIndex('teams_supervisor_id_idx').on('teams').column('supervisor_id').execute();

      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id', 'cascade').notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id', 'cascade').notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('last_seen_at', d.instant, (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

      // The audit log has no foreign keys on purpose: it outlives what it describes.
      await d
        .id(db.schema.createTable('audit_log'))
        .addColumn('at', d.instant, (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('summary', 'text')
        .addColumn('changes', 'text')
        .addColumn('ip', 'text')
        .addColumn('request_id', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
      await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
      await d.appendOnly(db, 'audit_log');

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => d.fk(c, 'users.id', 'set null'))
        .execute();
      await db.schema.createIndex('settings_updated_by_idx').on('settings').column('updated_by').execute();

      await d
        .id(db.schema.createTable('calendar_days'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id', 'set null'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('calendar_days_day_source_unique', ['day', 'source'])
        .execute();
      await db.schema.createIndex('calendar_days_created_by_idx').on('calendar_days').column('created_by').execute();

      await db.schema
        .createTable('calendar_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('imported_at', d.instant, (c) => c.notNull())
        .addColumn('imported_by', 'integer', (c) => d.fk(c, 'users.id', 'set null'))
        .execute();
      await db.schema.createIndex('calendar_years_imported_by_idx').on('calendar_years').column('imported_by').execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', d.instant, (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
        .execute();

      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('lease_until', d.instant, (c) => c.notNull())
        .addColumn('last_run_at', d.instant)
        .execute();
    },
  };
}
