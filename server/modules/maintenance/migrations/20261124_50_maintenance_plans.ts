import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Maintenance plans 客户关系维护方案 (docs/regulations.md §7, seed 000 §6–8): the plan with its customers and
 * staff, the tasks it was split into, the execution records (客服工作记录表), spending against the
 * budget, and the closing report (客户关系维护报告). Money is stored as integer fen on both databases.
 */
export function maintenancePlans20261124(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261124_50_maintenance_plans',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('maintenance_plans'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('goals', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('measures', 'text', (c) => c.notNull())
        .addColumn('budget_fen', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('submitted_at', d.instant)
        .addColumn('approved_at', d.instant)
        .addColumn('report_assessment', 'text')
        .addColumn('report_optimisation', 'text')
        .addColumn('closed_at', d.instant)
        .addColumn('closed_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('maintenance_plan_customers')
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'maintenance_plans.id', 'cascade').notNull())
        // A customer merged away takes its links along unless the merge moves them (see maintenance.merge.ts).
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('maintenance_plan_customers_pk', ['plan_id', 'customer_id'])
        .execute();

      await db.schema
        .createTable('maintenance_plan_staff')
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'maintenance_plans.id', 'cascade').notNull())
        .addColumn('user_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('maintenance_plan_staff_pk', ['plan_id', 'user_id'])
        .execute();

      // The tasks a plan was split into; the task itself (status, comments, reminders) lives in the workflow module.
      await d
        .id(db.schema.createTable('maintenance_plan_tasks'))
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'maintenance_plans.id', 'cascade').notNull())
        .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'cascade').notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'set null'))
        .addColumn('assignee_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();

      // 客服工作记录表: what was done for which customer, and what the customer said.
      await d
        .id(db.schema.createTable('maintenance_plan_records'))
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'maintenance_plans.id', 'cascade').notNull())
        .addColumn('plan_task_id', 'integer', (c) => d.fk(c, 'maintenance_plan_tasks.id', 'set null'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'set null'))
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('feedback', 'text', (c) => c.notNull())
        .addColumn('at', d.instant, (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();

      await d
        .id(db.schema.createTable('maintenance_plan_expenses'))
        .addColumn('plan_id', 'integer', (c) => d.fk(c, 'maintenance_plans.id', 'cascade').notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('spent_on', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();

      for (const [table, name, cols] of [
        ['maintenance_plans', 'maintenance_plans_owner_idx', ['owner_id']],
        ['maintenance_plans', 'maintenance_plans_team_idx', ['team_id']],
        ['maintenance_plans', 'maintenance_plans_department_idx', ['department_id']],
        ['maintenance_plans', 'maintenance_plans_closed_by_idx', ['closed_by']],
        ['maintenance_plans', 'maintenance_plans_status_idx', ['status']],
        ['maintenance_plan_customers', 'maintenance_plan_customers_customer_idx', ['customer_id']],
        ['maintenance_plan_staff', 'maintenance_plan_staff_user_idx', ['user_id']],
        ['maintenance_plan_tasks', 'maintenance_plan_tasks_plan_idx', ['plan_id']],
        ['maintenance_plan_tasks', 'maintenance_plan_tasks_task_idx', ['task_id']],
        ['maintenance_plan_tasks', 'maintenance_plan_tasks_customer_idx', ['customer_id']],
        ['maintenance_plan_tasks', 'maintenance_plan_tasks_assignee_idx', ['assignee_id']],
        ['maintenance_plan_tasks', 'maintenance_plan_tasks_created_by_idx', ['created_by']],
        ['maintenance_plan_records', 'maintenance_plan_records_plan_idx', ['plan_id']],
        ['maintenance_plan_records', 'maintenance_plan_records_task_idx', ['plan_task_id']],
        ['maintenance_plan_records', 'maintenance_plan_records_customer_idx', ['customer_id']],
        ['maintenance_plan_records', 'maintenance_plan_records_created_by_idx', ['created_by']],
        ['maintenance_plan_expenses', 'maintenance_plan_expenses_plan_idx', ['plan_id']],
        ['maintenance_plan_expenses', 'maintenance_plan_expenses_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on(table).columns([...cols]).execute();
      }

      // Who sees a plan besides its drafter's team (docs/regulations.md §1, §7): its staff, the assignees of its
      // tasks, and the owners of its customers. One view, so the guard, lists and counts agree.
      await sql`
        CREATE VIEW maintenance_plan_viewers AS
          SELECT plan_id, user_id FROM maintenance_plan_staff
          UNION SELECT plan_id, assignee_id AS user_id FROM maintenance_plan_tasks
          UNION SELECT mpc.plan_id, c.owner_id AS user_id
            FROM maintenance_plan_customers mpc JOIN customers c ON c.id = mpc.customer_id
      `.execute(db);
    },
  };
}
