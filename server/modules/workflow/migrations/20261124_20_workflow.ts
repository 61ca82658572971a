import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Workflow (issue 4 §2–4): the in-app inbox, the outbox of e-mail / WeCom / DingTalk deliveries,
 * scheduled reminders (fired once across processes), tasks and their comments.
 */
export function workflow20261124(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261124_20_workflow',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('notifications'))
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id', 'cascade').notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('link_type', 'text')
        .addColumn('link_id', 'integer')
        .addColumn('link_path', 'text')
        .addColumn('read_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();
      await db.schema.createIndex('notifications_user_unread_idx').on('notifications').columns(['user_id', 'read_at']).execute();

      await d
        .id(db.schema.createTable('notification_deliveries'))
        .addColumn('channel', 'text', (c) => c.notNull()) // email | wecom | dingtalk
        .addColumn('recipient', 'text') // the e-mail address; null for group robots
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull()) // pending | sending | sent | failed
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', d.instant, (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', d.instant)
        .addColumn('last_error', 'text')
        .addColumn('sent_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notification_deliveries_due_idx')
        .on('notification_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();

      await d
        .id(db.schema.createTable('reminders'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('due_at', d.instant, (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull()) // JSON NotificationInput
        .addColumn('fired_at', d.instant)
        .addColumn('fired_by', 'text')
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reminders_due_idx').on('reminders').columns(['fired_at', 'due_at']).execute();

      await d
        .id(db.schema.createTable('tasks'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('assignee_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('creator_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        // The assignee's team and department when assigned: the supervisor's scope (docs/regulations.md §1).
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('due_date', 'text', (c) => c.notNull()) // YYYY-MM-DD, Asia/Shanghai
        .addColumn('status', 'text', (c) => c.notNull()) // open | done | cancelled
        .addColumn('link_type', 'text')
        .addColumn('link_id', 'integer')
        .addColumn('link_path', 'text')
        .addColumn('source', 'text')
        .addColumn('completed_at', d.instant)
        .addColumn('completed_by', 'integer', (c) => d.fk(c, 'users.id', 'set null'))
        .addColumn('completion_note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['tasks_assignee_idx', ['assignee_id', 'status', 'due_date']],
        ['tasks_creator_idx', ['creator_id']],
        ['tasks_team_idx', ['team_id', 'status', 'due_date']],
        ['tasks_department_idx', ['department_id']],
        ['tasks_completed_by_idx', ['completed_by']],
        ['tasks_link_idx', ['link_type', 'link_id']],
      ] as const) {
        await db.schema.createIndex(name).on('tasks').columns([...cols]).execute();
      }

      await d
        .id(db.schema.createTable('task_comments'))
        .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'cascade').notNull())
        .addColumn('author_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('task_comments_task_idx').on('task_comments').columns(['task_id', 'id']).execute();
      await db.schema.createIndex('task_comments_author_idx').on('task_comments').column('author_id').execute();
    },
  };
}
