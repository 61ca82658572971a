import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Satisfaction surveys 满意度调查 (docs/regulations.md §11, issue 5 points 8–12): questionnaire templates with
 * frozen published versions, campaigns with their snapshotted target customers and personal links
 * (only the sha256 of a link's token is stored), responses with one row per answered question, the
 * per-response scores kept for the KPI module, and improvement plans tracked as tasks.
 */
export function surveys20261124(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  const real = kind === 'sqlite' ? ('real' as const) : ('double precision' as const);
  return {
    name: '20261124_70_surveys',
    async up(db: Kysely<any>) {
      // One row per version; a family is every version of one questionnaire (family_id = its first version's id).
      await d
        .id(db.schema.createTable('survey_templates'))
        .addColumn('family_id', 'integer', (c) => d.fk(c, 'survey_templates.id'))
        .addColumn('version_no', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('intro', 'text')
        // JSON: { sections: [{ title, questions: [{ key, type, text, required, options?, otherText? }] }] }
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        // The seed forms shipped with the product (003 客户满意度调查表 / 客户需求调查表).
        .addColumn('builtin_key', 'text')
        .addColumn('published_at', d.instant)
        .addColumn('published_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      await d
        .id(db.schema.createTable('survey_campaigns'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('template_id', 'integer', (c) => d.fk(c, 'survey_templates.id').notNull())
        .addColumn('family_id', 'integer', (c) => d.fk(c, 'survey_templates.id').notNull())
        // JSON: the archive filter the targets were chosen by (the customer list's filter fields).
        .addColumn('filter', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('target_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('started_at', d.instant)
        .addColumn('started_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('closed_at', d.instant)
        .addColumn('closed_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      // The customers a campaign asks, as they were when it started (owner, region, status at the time).
      await d
        .id(db.schema.createTable('survey_targets'))
        .addColumn('campaign_id', 'integer', (c) => d.fk(c, 'survey_campaigns.id', 'cascade').notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('province', 'text')
        .addColumn('customer_status', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        // sha256 (hex) of the personal link's token; the token itself is shown once and never stored.
        .addColumn('link_hash', 'text', (c) => c.unique())
        .addColumn('link_expires_at', d.instant)
        .addColumn('link_issued_at', d.instant)
        .addColumn('link_issued_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('answered_at', d.instant)
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();

      await d
        .id(db.schema.createTable('survey_responses'))
        .addColumn('campaign_id', 'integer', (c) => d.fk(c, 'survey_campaigns.id', 'cascade').notNull())
        .addColumn('target_id', 'integer', (c) => d.fk(c, 'survey_targets.id', 'cascade').notNull().unique())
        // The exact template version answered.
        .addColumn('template_id', 'integer', (c) => d.fk(c, 'survey_templates.id').notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        // link (the customer's personal link) | phone | fax | meeting | email | paper (entered by staff)
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('respondent_name', 'text')
        .addColumn('entered_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('answered_at', d.instant, (c) => c.notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();

      await d
        .id(db.schema.createTable('survey_answers'))
        .addColumn('response_id', 'integer', (c) => d.fk(c, 'survey_responses.id', 'cascade').notNull())
        .addColumn('question_key', 'text', (c) => c.notNull())
        // 5-level scale: 5 满意 … 1 非常不满意
        .addColumn('score', 'integer')
        // JSON array of the chosen options (single and multiple choice)
        .addColumn('choices', 'text')
        .addColumn('text_value', 'text')
        .execute();

      // Per response, for the KPI module (issue 5 point 12): the customer and its responsible person at the time.
      await d
        .id(db.schema.createTable('survey_scores'))
        .addColumn('response_id', 'integer', (c) => d.fk(c, 'survey_responses.id', 'cascade').notNull().unique())
        .addColumn('campaign_id', 'integer', (c) => d.fk(c, 'survey_campaigns.id', 'cascade').notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        // 0–100 (see surveys.rules.ts responseIndex); null when the response has no scale answer
        .addColumn('satisfaction_index', real)
        .addColumn('scale_items', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('answered_at', d.instant, (c) => c.notNull())
        .execute();

      // 满意度改进方案: from a campaign's results to leadership (approval engine, §18), then tasks.
      await d
        .id(db.schema.createTable('survey_improvement_plans'))
        .addColumn('campaign_id', 'integer', (c) => d.fk(c, 'survey_campaigns.id').notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('goals', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('submitted_at', d.instant)
        .addColumn('approved_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      await d
        .id(db.schema.createTable('survey_improvement_items'))
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'survey_improvement_plans.id', 'cascade').notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'set null'))
        .execute();

      for (const [table, name, cols] of [
        ['survey_templates', 'survey_templates_published_by_idx', ['published_by']],
        ['survey_templates', 'survey_templates_created_by_idx', ['created_by']],
        ['survey_campaigns', 'survey_campaigns_template_idx', ['template_id']],
        ['survey_campaigns', 'survey_campaigns_family_idx', ['family_id', 'started_at']],
        ['survey_campaigns', 'survey_campaigns_owner_idx', ['owner_id']],
        ['survey_campaigns', 'survey_campaigns_team_idx', ['team_id']],
        ['survey_campaigns', 'survey_campaigns_department_idx', ['department_id']],
        ['survey_campaigns', 'survey_campaigns_started_by_idx', ['started_by']],
        ['survey_campaigns', 'survey_campaigns_closed_by_idx', ['closed_by']],
        ['survey_campaigns', 'survey_campaigns_status_idx', ['status']],
        ['survey_targets', 'survey_targets_campaign_idx', ['campaign_id', 'status']],
        ['survey_targets', 'survey_targets_customer_idx', ['customer_id']],
        ['survey_targets', 'survey_targets_owner_idx', ['owner_id']],
        ['survey_targets', 'survey_targets_team_idx', ['team_id']],
        ['survey_targets', 'survey_targets_department_idx', ['department_id']],
        ['survey_targets', 'survey_targets_link_issued_by_idx', ['link_issued_by']],
        ['survey_responses', 'survey_responses_campaign_idx', ['campaign_id']],
        ['survey_responses', 'survey_responses_template_idx', ['template_id']],
        ['survey_responses', 'survey_responses_customer_idx', ['customer_id']],
        ['survey_responses', 'survey_responses_entered_by_idx', ['entered_by']],
        ['survey_answers', 'survey_answers_response_idx', ['response_id']],
        ['survey_scores', 'survey_scores_campaign_idx', ['campaign_id']],
        ['survey_scores', 'survey_scores_customer_idx', ['customer_id', 'answered_at']],
        ['survey_scores', 'survey_scores_owner_idx', ['owner_id', 'answered_at']],
        ['survey_scores', 'survey_scores_team_idx', ['team_id']],
        ['survey_scores', 'survey_scores_department_idx', ['department_id']],
        ['survey_improvement_plans', 'survey_improvement_plans_campaign_idx', ['campaign_id']],
        ['survey_improvement_plans', 'survey_improvement_plans_owner_idx', ['owner_id']],
        ['survey_improvement_plans', 'survey_improvement_plans_team_idx', ['team_id']],
        ['survey_improvement_plans', 'survey_improvement_plans_department_idx', ['department_id']],
        ['survey_improvement_items', 'survey_improvement_items_plan_idx', ['plan_id']],
        ['survey_improvement_items', 'survey_improvement_items_assignee_idx', ['assignee_id']],
        ['survey_improvement_items', 'survey_improvement_items_task_idx', ['task_id']],
      ] as const) {
        await db.schema.createIndex(name).on(table).columns([...cols]).execute();
      }
      // One row per version number in a family; at most one row per seed form (the seed migration relies on it).
      await db.schema.createIndex('survey_templates_family_version_uq').unique().on('survey_templates').columns(['family_id', 'version_no']).execute();
      await db.schema.createIndex('survey_templates_builtin_uq').unique().on('survey_templates').column('builtin_key').execute();
    },
  };
}
