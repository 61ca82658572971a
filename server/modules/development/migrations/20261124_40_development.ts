import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Customer development (docs/regulations.md §6): prospects with their stage history, research plans and
 * reports (客户调查计划表 / 客户调查分析报告), development plans with target rows (客户开发工作计划表)
 * and development records (客户开发记录表).
 */
export function development20261124(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  const scoped = (t: CreateTableBuilder<string, any>) =>
    t
      .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
      .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
      .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
      .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', d.instant, (c) => c.notNull())
      .addColumn('updated_at', d.instant, (c) => c.notNull());
  return {
    name: '20261124_40_development',
    async up(db: Kysely<any>) {
      const index = async (table: string, name: string, cols: string[]) => db.schema.createIndex(name).on(table).columns(cols).execute();
      const scopeIndexes = async (table: string) => {
        await index(table, `${table}_owner_idx`, ['owner_id']);
        await index(table, `${table}_team_idx`, ['team_id']);
        await index(table, `${table}_department_idx`, ['department_id']);
        await index(table, `${table}_created_by_idx`, ['created_by']);
      };

      await scoped(
        d
          .id(db.schema.createTable('prospects'))
          .addColumn('company_name', 'text', (c) => c.notNull())
          .addColumn('contact_name', 'text')
          .addColumn('phone', 'text')
          .addColumn('phone_digits', 'text')
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('stage', 'text', (c) => c.notNull())
          .addColumn('lost_reason', 'text')
          .addColumn('expected_amount', 'numeric')
          .addColumn('next_step', 'text')
          .addColumn('notes', 'text')
          .addColumn('stage_changed_at', d.instant, (c) => c.notNull())
          // A merged customer disappears (customers.merge.ts): the link then empties instead of blocking the merge.
          .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'set null')),
      ).execute();
      await scopeIndexes('prospects');
      await index('prospects', 'prospects_stage_idx', ['stage']);
      await index('prospects', 'prospects_customer_idx', ['customer_id']);
      await index('prospects', 'prospects_created_at_idx', ['created_at']);

      // Who moved which prospect when (append-only); owner/team/department as at the move, for the monthly progress.
      await d
        .id(db.schema.createTable('prospect_stage_history'))
        .addColumn('prospect_id', 'integer', (c) => d.fk(c, 'prospects.id').notNull())
        .addColumn('from_stage', 'text')
        .addColumn('to_stage', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('expected_amount', 'numeric')
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('actor_name', 'text')
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();
      await index('prospect_stage_history', 'prospect_stage_history_prospect_idx', ['prospect_id', 'id']);
      await index('prospect_stage_history', 'prospect_stage_history_actor_idx', ['actor_id']);
      await index('prospect_stage_history', 'prospect_stage_history_owner_idx', ['owner_id', 'at']);
      await index('prospect_stage_history', 'prospect_stage_history_team_idx', ['team_id']);
      await index('prospect_stage_history', 'prospect_stage_history_department_idx', ['department_id']);
      await index('prospect_stage_history', 'prospect_stage_history_at_idx', ['at']);

      // 客户调查计划表 (003 第二章第一节)
      await scoped(
        d
          .id(db.schema.createTable('research_plans'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('goal', 'text')
          .addColumn('key_targets', 'text')
          .addColumn('other_targets', 'text')
          .addColumn('content', 'text')
          .addColumn('schedule', 'text')
          .addColumn('method', 'text')
          .addColumn('people', 'text')
          .addColumn('budget', 'numeric')
          .addColumn('notes', 'text'),
      ).execute();
      await scopeIndexes('research_plans');

      // 客户调查分析报告表 (003 第二章第一节 (七))
      await scoped(
        d
          .id(db.schema.createTable('research_reports'))
          .addColumn('plan_id', 'integer', (c) => d.fk(c, 'research_plans.id').notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('background', 'text')
          .addColumn('purpose', 'text')
          .addColumn('method', 'text')
          .addColumn('department_name', 'text')
          .addColumn('subjects', 'text')
          .addColumn('survey_period', 'text')
          .addColumn('factors', 'text')
          .addColumn('price_tolerance', 'text')
          .addColumn('expected_services', 'text')
          .addColumn('opinions', 'text')
          .addColumn('suggestions', 'text'),
      ).execute();
      await scopeIndexes('research_reports');
      await index('research_reports', 'research_reports_plan_idx', ['plan_id']);

      // 客户开发计划 (004 第七~八条): specialist → department head → 经理办公会.
      await scoped(
        d
          .id(db.schema.createTable('development_plans'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('period_start', 'text', (c) => c.notNull())
          .addColumn('period_end', 'text', (c) => c.notNull())
          .addColumn('goal', 'text')
          .addColumn('schedule', 'text')
          .addColumn('support_needed', 'text')
          .addColumn('budget', 'numeric')
          .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
          .addColumn('submitted_at', d.instant)
          .addColumn('decided_at', d.instant),
      ).execute();
      await scopeIndexes('development_plans');
      await index('development_plans', 'development_plans_status_idx', ['status']);

      // One row per target of the plan, laid out like 客户开发工作计划表 (003 第二章第二节).
      await d
        .id(db.schema.createTable('development_plan_targets'))
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'development_plans.id', 'cascade').notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .addColumn('prospect_id', 'integer', (c) => d.fk(c, 'prospects.id', 'set null'))
        .addColumn('customer_name', 'text', (c) => c.notNull())
        .addColumn('visit_date', 'text')
        .addColumn('visit_contact', 'text')
        .addColumn('contact_position', 'text')
        .addColumn('contact_department', 'text')
        .addColumn('appointment', 'text')
        .addColumn('category', 'text')
        .addColumn('notes', 'text')
        .execute();
      await index('development_plan_targets', 'development_plan_targets_plan_idx', ['plan_id', 'sort_order']);
      await index('development_plan_targets', 'development_plan_targets_prospect_idx', ['prospect_id']);

      // 客户开发记录表 (003 第二章第二节): one per won prospect.
      await scoped(
        d
          .id(db.schema.createTable('development_records'))
          .addColumn('prospect_id', 'integer', (c) => d.fk(c, 'prospects.id').notNull().unique())
          .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'set null'))
          .addColumn('customer_name', 'text', (c) => c.notNull())
          .addColumn('address', 'text')
          .addColumn('contact_name', 'text')
          .addColumn('contact_phone', 'text')
          .addColumn('products', 'text')
          .addColumn('first_deal_amount', 'numeric')
          .addColumn('how_won', 'text')
          .addColumn('notes', 'text')
          .addColumn('instruction', 'text')
          .addColumn('instruction_by', 'integer', (c) => d.fk(c, 'users.id'))
          .addColumn('instruction_at', d.instant),
      ).execute();
      await scopeIndexes('development_records');
      await index('development_records', 'development_records_customer_idx', ['customer_id']);
      await index('development_records', 'development_records_instruction_by_idx', ['instruction_by']);

      await d.appendOnly(db, 'prospect_stage_history');
    },
  };
}
