import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Visit plans 回访计划表 (docs/regulations.md §8): a monthly or weekly plan per person with its lines,
 * reviewed by the supervisor through the approval engine; a visit may carry out one line.
 * The author's team and department are kept on the plan: the plan is a record of its author, not of a customer.
 */
export function visitPlans20261210(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261210_10_visit_plans',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('visit_plans'))
        .addColumn('author_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('kind', 'text', (c) => c.notNull()) // monthly | weekly
        .addColumn('period', 'text', (c) => c.notNull()) // 2027-01, or the Monday of the week
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull()) // draft | pending | returned | approved | rejected | withdrawn
        .addColumn('notes', 'text')
        .addColumn('submitted_at', d.instant) // the first submission: lateness is judged on it
        .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('approved_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('visit_plans_author_period_unique', ['author_id', 'kind', 'period'])
        .execute();
      await db.schema.createIndex('visit_plans_team_idx').on('visit_plans').column('team_id').execute();
      await db.schema.createIndex('visit_plans_department_idx').on('visit_plans').column('department_id').execute();
      await db.schema.createIndex('visit_plans_late_idx').on('visit_plans').columns(['late', 'period_start']).execute();

      await d
        .id(db.schema.createTable('visit_plan_lines'))
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'visit_plans.id', 'cascade').notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('planned_on', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('expected_cost_fen', 'bigint')
        .execute();
      await db.schema.createIndex('visit_plan_lines_plan_idx').on('visit_plan_lines').columns(['plan_id', 'position']).execute();
      await db.schema.createIndex('visit_plan_lines_customer_idx').on('visit_plan_lines').column('customer_id').execute();

      await db.schema.alterTable('visits').addColumn('plan_line_id', 'integer', (c) => d.fk(c, 'visit_plan_lines.id', 'set null')).execute();
      await db.schema.createIndex('visits_plan_line_idx').on('visits').column('plan_line_id').execute();
    },
  };
}
