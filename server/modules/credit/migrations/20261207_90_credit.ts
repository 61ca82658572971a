import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Credit surveys 客户信用调查表 and the risk register 风险 (docs/regulations.md §5). Neither copies the
 * customer's owner: the scope views read it through the customer, so a transfer moves them along.
 * Amounts are 万元 as entered (double precision).
 */
export function credit20261207(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261207_90_credit',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('credit_surveys'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('survey_date', 'text', (c) => c.notNull())
        .addColumn('registered_capital_wan', 'double precision', (c) => c.notNull())
        .addColumn('years_in_business', 'double precision', (c) => c.notNull())
        .addColumn('payment_record', 'text', (c) => c.notNull())
        .addColumn('overdue_wan', 'double precision', (c) => c.notNull())
        .addColumn('bank_rating', 'text', (c) => c.notNull())
        .addColumn('legal_representative', 'text')
        .addColumn('main_business', 'text')
        .addColumn('bank_name', 'text')
        .addColumn('bank_account', 'text')
        .addColumn('annual_revenue_wan', 'double precision')
        .addColumn('notes', 'text')
        .addColumn('credit_limit_wan', 'double precision')
        .addColumn('payment_terms_days', 'integer')
        .addColumn('surveyed_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_surveys_customer_idx').on('credit_surveys').columns(['customer_id', 'survey_date']).execute();
      await db.schema.createIndex('credit_surveys_surveyed_by_idx').on('credit_surveys').column('surveyed_by').execute();

      await d
        .id(db.schema.createTable('credit_risks'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('likelihood', 'integer', (c) => c.notNull())
        .addColumn('impact', 'integer', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('response', 'text')
        .addColumn('assessed_on', 'text', (c) => c.notNull())
        .addColumn('review_due', 'text')
        // the review date a re-assessment task was created for: claimed in the task's transaction, so one task per due date
        .addColumn('review_task_due', 'text')
        .addColumn('review_task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'set null'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('outcome', 'text')
        .addColumn('outcome_note', 'text')
        .addColumn('closed_at', d.instant)
        .addColumn('closed_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['credit_risks_customer_idx', ['customer_id', 'created_at']],
        ['credit_risks_review_idx', ['status', 'level', 'review_due']],
        ['credit_risks_cell_idx', ['likelihood', 'impact']],
        ['credit_risks_review_task_idx', ['review_task_id']],
        ['credit_risks_closed_by_idx', ['closed_by']],
        ['credit_risks_created_by_idx', ['created_by']],
      ] as const) {
        await db.schema.createIndex(name).on('credit_risks').columns([...cols]).execute();
      }

      // Whoever sees the customer sees its surveys and risks (docs/regulations.md §1).
      for (const [view, table] of [
        ['credit_survey_scope', 'credit_surveys'],
        ['credit_risk_scope', 'credit_risks'],
      ] as const) {
        await db.schema
          .createView(view)
          .as(
            db
              .selectFrom(table)
              .innerJoin('customers', 'customers.id', `${table}.customer_id`)
              .select([`${table}.id as id`, 'customers.owner_id as owner_id', 'customers.team_id as team_id', 'customers.department_id as department_id']),
          )
          .execute();
      }
    },
  };
}
