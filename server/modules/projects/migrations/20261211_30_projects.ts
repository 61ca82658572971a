import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Cooperation projects 合作项目 (docs/regulations.md §15): a project per customer with its team, the
 * customer's contacts, milestones confirmed by the customer, tasks, progress meetings, change requests
 * (approved through the approval engine, each approved one leaving a plan version) and the acceptance.
 * Money in fen.
 */
export function projects20261211(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261211_30_projects',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('projects'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('goals', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('lead_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('plan_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('acceptance_signed_by', 'text')
        .addColumn('acceptance_signed_on', 'text')
        .addColumn('acceptance_conclusion', 'text')
        .addColumn('acceptance_note', 'text')
        .addColumn('acceptance_recorded_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('review_summary', 'text')
        .addColumn('review_lessons', 'text')
        .addColumn('closed_at', d.instant)
        .addColumn('closed_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['projects_customer_idx', ['customer_id']],
        ['projects_lead_idx', ['lead_id', 'status']],
        ['projects_team_idx', ['team_id']],
        ['projects_department_idx', ['department_id']],
        ['projects_acceptance_recorded_by_idx', ['acceptance_recorded_by']],
        ['projects_closed_by_idx', ['closed_by']],
        ['projects_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on('projects').columns([...cols]).execute();
      }

      await db.schema
        .createTable('project_members')
        .addColumn('project_id', 'integer', (c) => d.fk(c, 'projects.id', 'cascade').notNull())
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
        .execute();
      await db.schema.createIndex('project_members_user_idx').on('project_members').column('user_id').execute();

      await d
        .id(db.schema.createTable('project_contacts'))
        .addColumn('project_id', 'integer', (c) => d.fk(c, 'projects.id', 'cascade').notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_contacts_project_idx').on('project_contacts').column('project_id').execute();

      await d
        .id(db.schema.createTable('project_milestones'))
        .addColumn('project_id', 'integer', (c) => d.fk(c, 'projects.id', 'cascade').notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('planned_start', 'text', (c) => c.notNull())
        .addColumn('planned_end', 'text', (c) => c.notNull())
        .addColumn('actual_start', 'text')
        .addColumn('actual_end', 'text')
        .addColumn('cost_planned_fen', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('cost_actual_fen', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('quality_note', 'text')
        // the customer's confirmation in force; null = not (or no longer) confirmed
        .addColumn('confirmation_id', 'integer')
        // the planned end an overdue notice went out for: claimed in the notice's transaction, so one notice per date
        .addColumn('overdue_notified_for', 'text')
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_milestones_project_idx').on('project_milestones').columns(['project_id', 'sort_order']).execute();
      await db.schema.createIndex('project_milestones_due_idx').on('project_milestones').columns(['planned_end']).execute();

      await d
        .id(db.schema.createTable('project_confirmations'))
        .addColumn('milestone_id', 'integer', (c) => d.fk(c, 'project_milestones.id', 'cascade').notNull())
        .addColumn('confirmed_by', 'text', (c) => c.notNull())
        .addColumn('confirmed_on', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('planned_start', 'text', (c) => c.notNull())
        .addColumn('planned_end', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_confirmations_milestone_idx').on('project_confirmations').column('milestone_id').execute();
      await db.schema.createIndex('project_confirmations_recorded_by_idx').on('project_confirmations').column('recorded_by').execute();

      await d
        .id(db.schema.createTable('project_tasks'))
        .addColumn('project_id', 'integer', (c) => d.fk(c, 'projects.id', 'cascade').notNull())
        .addColumn('milestone_id', 'integer', (c) => d.fk(c, 'project_milestones.id', 'set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('done_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_tasks_project_idx').on('project_tasks').column('project_id').execute();
      await db.schema.createIndex('project_tasks_milestone_idx').on('project_tasks').column('milestone_id').execute();
      await db.schema.createIndex('project_tasks_assignee_idx').on('project_tasks').column('assignee_id').execute();

      await d
        .id(db.schema.createTable('project_meetings'))
        .addColumn('project_id', 'integer', (c) => d.fk(c, 'projects.id', 'cascade').notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('attendees', 'text', (c) => c.notNull())
        .addColumn('minutes', 'text', (c) => c.notNull())
        .addColumn('decisions', 'text')
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_meetings_project_idx').on('project_meetings').columns(['project_id', 'held_on']).execute();
      await db.schema.createIndex('project_meetings_created_by_idx').on('project_meetings').column('created_by').execute();

      await d
        .id(db.schema.createTable('project_changes'))
        .addColumn('project_id', 'integer', (c) => d.fk(c, 'projects.id', 'cascade').notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        // JSON: [{ milestoneId, plannedStart, plannedEnd, costPlannedFen }] — the milestones' new plan
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('schedule_days', 'integer', (c) => c.notNull())
        .addColumn('cost_fen', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('requested_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('plan_version', 'integer')
        .addColumn('decided_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['project_changes_project_idx', ['project_id']],
        ['project_changes_requested_by_idx', ['requested_by']],
        ['project_changes_team_idx', ['team_id']],
        ['project_changes_department_idx', ['department_id']],
      ] as const) {
        await db.schema.createIndex(name).on('project_changes').columns([...cols]).execute();
      }

      // The plan as it stood before each approved change: append-only history.
      await d
        .id(db.schema.createTable('project_plan_versions'))
        .addColumn('project_id', 'integer', (c) => d.fk(c, 'projects.id', 'cascade').notNull())
        .addColumn('version_no', 'integer', (c) => c.notNull())
        .addColumn('change_id', 'integer', (c) => d.fk(c, 'project_changes.id'))
        .addColumn('milestones', 'text', (c) => c.notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_plan_versions_project_idx').on('project_plan_versions').columns(['project_id', 'version_no']).unique().execute();
      await db.schema.createIndex('project_plan_versions_change_idx').on('project_plan_versions').column('change_id').execute();
    },
  };
}
