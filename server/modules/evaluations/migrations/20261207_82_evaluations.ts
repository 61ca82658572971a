import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Relationship evaluation 客户关系评估 (docs/regulations.md §4): scorecard templates with weighted indicators,
 * evaluations per customer with a score per indicator, and the 客户关系强化表 rows of each evaluation.
 * owner/team/department are copied from the customer so the data scope of docs/regulations.md §1 applies.
 */

/**
 * The seed form (003 第三章第三节 三 客户关系评估表) gives the columns — 分析指标, 指标权重, 指标得分, 得分依据 — but no
 * indicators. These follow 000 五 (一) (collect service information, compare with strategy and service
 * requirements, find the gap): administrators edit them on the templates page. Written here, not imported,
 * so that this migration stays what it was when it first ran.
 */
const DEFAULT_TEMPLATE = {
  name: '客户关系评估表',
  description: '默认评估模板（003 第三章第三节；docs/regulations.md §4）',
  indicators: [
    ['采购规模与增长', 25, '近一年采购额及同比变化（以交易记录为准）'],
    ['付款信用', 20, '按期付款比例、逾期金额与逾期天数'],
    ['合作年限与稳定性', 15, '合作年数、合同履约与续签情况'],
    ['沟通与配合度', 15, '日常对接频率、信息反馈是否及时、高层互访情况'],
    ['满意度与投诉', 15, '最近一次满意度调查结果、投诉次数及处理结果'],
    ['战略契合度', 10, '与我方市场战略和服务要求的差距、发展潜力'],
  ] as const,
};

export function evaluations20261207(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261207_82_evaluations',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('evaluation_templates'))
        .addColumn('family_id', 'integer')
        .addColumn('version_no', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('builtin_key', 'text')
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evaluation_templates_family_idx').on('evaluation_templates').columns(['family_id', 'version_no']).execute();
      await db.schema.createIndex('evaluation_templates_created_by_idx').on('evaluation_templates').column('created_by').execute();

      await d
        .id(db.schema.createTable('evaluation_indicators'))
        .addColumn('template_id', 'integer', (c) => d.fk(c, 'evaluation_templates.id', 'cascade').notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('weight', 'integer', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evaluation_indicators_template_idx').on('evaluation_indicators').columns(['template_id', 'position']).execute();

      await d
        .id(db.schema.createTable('evaluations'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('template_id', 'integer', (c) => d.fk(c, 'evaluation_templates.id').notNull())
        .addColumn('evaluated_on', 'text', (c) => c.notNull())
        .addColumn('total_hundredths', 'integer', (c) => c.notNull())
        .addColumn('recommendation', 'text', (c) => c.notNull())
        .addColumn('conclusion', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('submitted_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('submitted_at', d.instant)
        .addColumn('reviewed_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('reviewed_at', d.instant)
        .addColumn('review_comment', 'text')
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['evaluations_customer_idx', ['customer_id', 'evaluated_on']],
        ['evaluations_template_idx', ['template_id']],
        ['evaluations_submitted_by_idx', ['submitted_by']],
        ['evaluations_reviewed_by_idx', ['reviewed_by']],
        ['evaluations_owner_idx', ['owner_id']],
        ['evaluations_team_idx', ['team_id']],
        ['evaluations_department_idx', ['department_id']],
        ['evaluations_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on('evaluations').columns([...cols]).execute();
      }

      await db.schema
        .createTable('evaluation_scores')
        .addColumn('evaluation_id', 'integer', (c) => d.fk(c, 'evaluations.id', 'cascade').notNull())
        .addColumn('indicator_id', 'integer', (c) => d.fk(c, 'evaluation_indicators.id').notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('basis', 'text')
        .addPrimaryKeyConstraint('evaluation_scores_pk', ['evaluation_id', 'indicator_id'])
        .execute();
      await db.schema.createIndex('evaluation_scores_indicator_idx').on('evaluation_scores').column('indicator_id').execute();

      await db.schema
        .createTable('evaluation_strengthening')
        .addColumn('evaluation_id', 'integer', (c) => d.fk(c, 'evaluations.id', 'cascade').notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('influence', 'text')
        .addColumn('competitor_tie', 'text')
        .addColumn('responsible', 'text')
        .addColumn('measures', 'text')
        .addColumn('timing', 'text')
        .addPrimaryKeyConstraint('evaluation_strengthening_pk', ['evaluation_id', 'level'])
        .execute();

      const now = new Date().toISOString();
      const t = await db
        .insertInto('evaluation_templates')
        .values({ version_no: 1, name: DEFAULT_TEMPLATE.name, description: DEFAULT_TEMPLATE.description, status: 'active', builtin_key: 'relationship_003', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('evaluation_templates').set({ family_id: t.id }).where('id', '=', t.id).execute();
      let position = 0;
      for (const [name, weight, basis] of DEFAULT_TEMPLATE.indicators) {
        await db.insertInto('evaluation_indicators').values({ template_id: t.id, position: position++, name, weight, basis }).execute();
      }
    },
  };
}
