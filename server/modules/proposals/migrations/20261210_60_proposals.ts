import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Proposals 提案 (docs/regulations.md §14): the 客户提案表, one 提案评定表 row per reviewer, its files, and the
 * implementation with its 提案成果报告表 and reward on the proposal itself. A proposal from a customer copies
 * that customer's owner / team / department when recorded; a staff proposal its proposer's.
 */
export function proposals20261210(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261210_60_proposals',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('proposals'))
        .addColumn('title', 'text', (c) => c.notNull()) // 改善项目
        .addColumn('proposed_on', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull()) // staff | customer
        .addColumn('proposer_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id'))
        .addColumn('contact_name', 'text')
        .addColumn('problem', 'text', (c) => c.notNull())
        .addColumn('proposal', 'text', (c) => c.notNull())
        .addColumn('expected_benefit', 'text', (c) => c.notNull())
        .addColumn('patent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('patent_note', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('score_tenths', 'integer') // the reviewers' average, in tenths of a point
        .addColumn('applicant_id', 'integer', (c) => d.fk(c, 'users.id')) // who sent it to approval
        .addColumn('impl_department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('impl_due', 'text')
        .addColumn('impl_done_on', 'text')
        .addColumn('report_motivation', 'text')
        .addColumn('report_before', 'text')
        .addColumn('report_after', 'text')
        .addColumn('report_method', 'text')
        .addColumn('report_benefit', 'text')
        .addColumn('report_conclusion', 'text')
        .addColumn('reward_cents', 'bigint')
        .addColumn('reward_form', 'text')
        .addColumn('reward_decided_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('rewarded_on', 'text')
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['proposals_status_idx', ['status', 'proposed_on']],
        ['proposals_proposer_idx', ['proposer_id']],
        ['proposals_customer_idx', ['customer_id']],
        ['proposals_applicant_idx', ['applicant_id']],
        ['proposals_impl_department_idx', ['impl_department_id']],
        ['proposals_reward_decided_by_idx', ['reward_decided_by']],
        ['proposals_owner_idx', ['owner_id']],
        ['proposals_team_idx', ['team_id']],
        ['proposals_department_idx', ['department_id']],
        ['proposals_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on('proposals').columns([...cols]).execute();
      }

      await d
        .id(db.schema.createTable('proposal_reviews'))
        .addColumn('proposal_id', 'integer', (c) => d.fk(c, 'proposals.id', 'cascade').notNull())
        .addColumn('reviewer_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('scores', 'text', (c) => c.notNull()) // JSON: criterion → 0–100
        .addColumn('weights', 'text', (c) => c.notNull()) // JSON: the weights in force when scored
        .addColumn('total_tenths', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      // One 评定表 per reviewer and proposal: a second one is refused by the database too.
      await db.schema.createIndex('proposal_reviews_unique_idx').on('proposal_reviews').columns(['proposal_id', 'reviewer_id']).unique().execute();
      await db.schema.createIndex('proposal_reviews_reviewer_idx').on('proposal_reviews').column('reviewer_id').execute();

      // Files of the 客户提案表, stored like the archive's attachments (DATA_DIR/attachments, generated names).
      await d
        .id(db.schema.createTable('proposal_attachments'))
        .addColumn('proposal_id', 'integer', (c) => d.fk(c, 'proposals.id', 'cascade').notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('stored_name', 'text', (c) => c.notNull().unique())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_attachments_proposal_idx').on('proposal_attachments').column('proposal_id').execute();
      await db.schema.createIndex('proposal_attachments_uploaded_by_idx').on('proposal_attachments').column('uploaded_by').execute();
    },
  };
}
