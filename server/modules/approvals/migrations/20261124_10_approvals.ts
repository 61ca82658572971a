import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * The approval engine (issue 4 §1, docs/regulations.md §18): department heads, approval groups (经理办公会),
 * versioned chains, requests with their frozen steps, the append-only action history, and the
 * approvals collected so far on an 'all members' group step.
 */
export function approvals20261124(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261124_10_approvals',
    async up(db: Kysely<any>) {
      await db.schema.alterTable('departments').addColumn('head_id', 'integer', (c) => d.fk(c, 'users.id', 'set null')).execute();
      await db.schema.createIndex('departments_head_id_idx').on('departments').column('head_id').execute();

      await d
        .id(db.schema.createTable('approval_groups'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('approval_group_members')
        .addColumn('group_id', 'integer', (c) => d.fk(c, 'approval_groups.id', 'cascade').notNull())
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id', 'cascade').notNull())
        .addPrimaryKeyConstraint('approval_group_members_pk', ['group_id', 'user_id'])
        .execute();
      await db.schema.createIndex('approval_group_members_user_idx').on('approval_group_members').column('user_id').execute();
      const now = new Date().toISOString();
      // The regulations’ collective approver (docs/regulations.md §1, §6), seeded empty: the administrator names its members.
      await db.insertInto('approval_groups').values({ key: 'management_meeting', name: '经理办公会', created_at: now, updated_at: now }).execute();

      await d
        .id(db.schema.createTable('approval_chains'))
        .addColumn('document_type', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id', 'set null'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('approval_chains_type_version_unique', ['document_type', 'version'])
        .execute();
      await db.schema.createIndex('approval_chains_created_by_idx').on('approval_chains').column('created_by').execute();

      await d
        .id(db.schema.createTable('approval_requests'))
        .addColumn('document_type', 'text', (c) => c.notNull())
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('applicant_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('chain_version', 'integer', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('current_step', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('submitted_at', d.instant, (c) => c.notNull())
        .addColumn('decided_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['approval_requests_document_idx', ['document_type', 'document_id']],
        ['approval_requests_applicant_idx', ['applicant_id']],
        ['approval_requests_department_idx', ['department_id']],
        ['approval_requests_team_idx', ['team_id']],
        ['approval_requests_status_idx', ['status']],
      ] as const) {
        await db.schema.createIndex(name).on('approval_requests').columns([...cols]).execute();
      }

      await d
        .id(db.schema.createTable('approval_actions'))
        .addColumn('request_id', 'integer', (c) => d.fk(c, 'approval_requests.id').notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('step_key', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('comment', 'text')
        .addColumn('returned_to', 'text')
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('approval_actions_request_idx').on('approval_actions').columns(['request_id', 'id']).execute();
      await db.schema.createIndex('approval_actions_actor_idx').on('approval_actions').column('actor_id').execute();
      await d.appendOnly(db, 'approval_actions');

      // Approvals collected on the current visit of an 'all members' step; cleared when a return sends the request back over it.
      await db.schema
        .createTable('approval_step_votes')
        .addColumn('request_id', 'integer', (c) => d.fk(c, 'approval_requests.id', 'cascade').notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('step_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id', 'cascade').notNull())
        .addColumn('at', d.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('approval_step_votes_pk', ['request_id', 'round', 'step_key', 'user_id'])
        .execute();
      await db.schema.createIndex('approval_step_votes_user_idx').on('approval_step_votes').column('user_id').execute();
    },
  };
}
