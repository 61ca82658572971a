import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Visit records 客户回访记录表 and phone calls 电话回访记录表, the scored 走访客户报告单, territories and
 * customer coordinates (docs/regulations.md §8). Coordinates are WGS-84 degrees (double precision).
 * No copy of the customer's owner: the scope views read it through the customer, so a transfer moves the
 * history along; the visitor keeps seeing their own records.
 */
export function visits20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_70_visits',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('visits'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('visited_at', d.instant, (c) => c.notNull())
        .addColumn('contact_name', 'text')
        .addColumn('purpose', 'text')
        .addColumn('points', 'text')
        .addColumn('satisfaction', 'text')
        .addColumn('opinions', 'text')
        .addColumn('countermeasures', 'text')
        .addColumn('result', 'text')
        .addColumn('next_step', 'text')
        .addColumn('next_date', 'text')
        .addColumn('follow_up_task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'set null'))
        .addColumn('maintenance_task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'set null'))
        .addColumn('signature_attachment_id', 'integer', (c) => d.fk(c, 'customer_attachments.id', 'set null'))
        .addColumn('checkin_at', d.instant)
        .addColumn('checkin_lat', 'double precision')
        .addColumn('checkin_lng', 'double precision')
        .addColumn('checkin_accuracy_m', 'double precision')
        .addColumn('supervisor_comment', 'text')
        .addColumn('supervisor_comment_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('supervisor_comment_at', d.instant)
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'set null'))
        .addColumn('task_id', 'integer', (c) => d.fk(c, 'tasks.id', 'set null'))
        .addColumn('visitor_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['visits_customer_idx', ['customer_id', 'visited_at']],
        ['visits_visitor_idx', ['visitor_id', 'visited_at']],
        ['visits_follow_up_task_idx', ['follow_up_task_id']],
        ['visits_maintenance_task_idx', ['maintenance_task_id']],
        ['visits_signature_idx', ['signature_attachment_id']],
        ['visits_comment_by_idx', ['supervisor_comment_by']],
        ['visits_complaint_idx', ['complaint_id']],
        ['visits_task_idx', ['task_id']],
      ] as const) {
        await db.schema.createIndex(name).on('visits').columns([...cols]).execute();
      }

      await d
        .id(db.schema.createTable('visit_reports'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('visit_id', 'integer', (c) => d.fk(c, 'visits.id', 'set null'))
        .addColumn('report_date', 'text', (c) => c.notNull())
        .addColumn('quality', 'text', (c) => c.notNull())
        .addColumn('service', 'text', (c) => c.notNull())
        .addColumn('brand', 'text', (c) => c.notNull())
        .addColumn('quality_score', 'integer', (c) => c.notNull())
        .addColumn('service_score', 'integer', (c) => c.notNull())
        .addColumn('brand_score', 'integer', (c) => c.notNull())
        .addColumn('suggestions', 'text')
        .addColumn('contacts', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('signed_by', 'text')
        .addColumn('signature_attachment_id', 'integer', (c) => d.fk(c, 'customer_attachments.id', 'set null'))
        .addColumn('reporter_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, cols] of [
        ['visit_reports_customer_idx', ['customer_id', 'report_date']],
        ['visit_reports_date_idx', ['report_date']],
        ['visit_reports_visit_idx', ['visit_id']],
        ['visit_reports_signature_idx', ['signature_attachment_id']],
        ['visit_reports_reporter_idx', ['reporter_id']],
      ] as const) {
        await db.schema.createIndex(name).on('visit_reports').columns([...cols]).execute();
      }

      await d
        .id(db.schema.createTable('visit_territories'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('regions', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('notes', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visit_territories_owner_idx').on('visit_territories').column('owner_id').execute();

      await d
        .id(db.schema.createTable('visit_territory_removals'))
        .addColumn('territory_id', 'integer', (c) => d.fk(c, 'visit_territories.id', 'cascade').notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('marked_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('visit_territory_removals_unique', ['territory_id', 'customer_id'])
        .execute();
      await db.schema.createIndex('visit_territory_removals_customer_idx').on('visit_territory_removals').column('customer_id').execute();
      await db.schema.createIndex('visit_territory_removals_marked_by_idx').on('visit_territory_removals').column('marked_by').execute();

      await db.schema
        .createTable('visit_customer_locations')
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').primaryKey())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('visit_id', 'integer', (c) => d.fk(c, 'visits.id', 'set null'))
        .addColumn('updated_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visit_customer_locations_visit_idx').on('visit_customer_locations').column('visit_id').execute();
      await db.schema.createIndex('visit_customer_locations_updated_by_idx').on('visit_customer_locations').column('updated_by').execute();

      // Whoever sees the customer sees its visits and reports; the visitor (reporter) always sees their own (docs/regulations.md §1).
      for (const [view, table, visitor] of [
        ['visit_scope', 'visits', 'visitor_id'],
        ['visit_report_scope', 'visit_reports', 'reporter_id'],
      ] as const) {
        await db.schema
          .createView(view)
          .as(
            db
              .selectFrom(table)
              .innerJoin('customers', 'customers.id', `${table}.customer_id`)
              .select([
                `${table}.id as id`,
                'customers.owner_id as owner_id',
                'customers.team_id as team_id',
                'customers.department_id as department_id',
                `${table}.${visitor} as visitor_id`,
              ]),
          )
          .execute();
      }
      // The region and address of a customer (territories, report averages by region, the printed report).
      await db.schema
        .createView('visit_customer_regions')
        .as(db.selectFrom('customers').select(['id as customer_id', 'province', 'city', 'district', 'address', 'legal_representative']))
        .execute();
    },
  };
}
