import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Complaints 投诉 (docs/regulations.md §10, seed 004 第十一条 and 附件2 客户投诉记录及处理意见). One row per complaint
 * with its current cycle (a reopened complaint starts a new cycle with a new deadline, history kept in
 * complaint_events); handling opinions and deadline extensions are documents of the approval engine;
 * serious complaints carry an item for the 经理办公会 special session; rectification notices go to the
 * department at fault; breaches and satisfaction scores are kept per handler and customer for KPIs.
 * Deadlines are Asia/Shanghai calendar dates (end of that working day).
 */
export function complaints20261124(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261124_60_complaints',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('complaints'))
        .addColumn('complaint_no', 'text', (c) => c.notNull().unique())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('via_public', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('received_at', d.instant, (c) => c.notNull())
        .addColumn('received_date', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'set null'))
        .addColumn('complainant_name', 'text', (c) => c.notNull())
        .addColumn('complainant_phone', 'text')
        .addColumn('complainant_phone_digits', 'text')
        .addColumn('complainant_company', 'text')
        .addColumn('complainant_email', 'text')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('handler_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('fault_department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('received'))
        .addColumn('cycle', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('cycle_start_date', 'text', (c) => c.notNull())
        .addColumn('first_contact_due', 'text', (c) => c.notNull())
        .addColumn('first_contacted_at', d.instant)
        .addColumn('resolution_days', 'integer', (c) => c.notNull())
        .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('resolution_due', 'text', (c) => c.notNull())
        .addColumn('told_at', d.instant)
        .addColumn('told_method', 'text')
        .addColumn('told_note', 'text')
        .addColumn('closed_at', d.instant)
        .addColumn('satisfaction_score', 'integer')
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('complaint_sequences')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .execute();

      // The complaint's history: every step, note and decision, per cycle; `public` lines are shown to the customer.
      await d
        .id(db.schema.createTable('complaint_events'))
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'cascade').notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('actor_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('actor_name', 'text')
        .addColumn('at', d.instant, (c) => c.notNull())
        .execute();

      // 处理意见: approved by the supervising leader (chain 'complaint_opinion') before the customer is told.
      await d
        .id(db.schema.createTable('complaint_opinions'))
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'cascade').notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('drafted_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('decided_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      // 延期: leaders' approval (chain 'complaint_extension'); never beyond 7 working days in all (§10).
      await d
        .id(db.schema.createTable('complaint_extensions'))
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'cascade').notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('days', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('due_before', 'text', (c) => c.notNull())
        .addColumn('due_after', 'text')
        .addColumn('decided_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      // 经理办公会专题会议 for a serious complaint: opened with it, closed by recording the decisions.
      await d
        .id(db.schema.createTable('complaint_meetings'))
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'cascade').notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('meeting_date', 'text')
        .addColumn('attendees', 'text')
        .addColumn('decisions', 'text')
        .addColumn('recorded_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('recorded_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      // 问题整改通知单 to the department at fault, with its own deadline and the department's reply.
      await d
        .id(db.schema.createTable('complaint_rectifications'))
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'cascade').notNull())
        .addColumn('notice_no', 'text', (c) => c.notNull().unique())
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('department_name', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('requirement', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('reply', 'text')
        .addColumn('replied_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('replied_at', d.instant)
        .addColumn('issued_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('issued_at', d.instant, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();

      // One row per missed deadline (first contact or resolution) per cycle, for the KPIs (§10, §17).
      await d
        .id(db.schema.createTable('complaint_breaches'))
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'cascade').notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('handler_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('recorded_at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('complaint_breaches_once', ['complaint_id', 'cycle', 'kind'])
        .execute();

      // Satisfaction with the resolution (1–5), per customer and per handler, for the KPI module (issue 5 §12).
      await d
        .id(db.schema.createTable('complaint_satisfaction'))
        .addColumn('complaint_id', 'integer', (c) => d.fk(c, 'complaints.id', 'cascade').notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'set null'))
        .addColumn('handler_id', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('complaint_satisfaction_once', ['complaint_id', 'cycle'])
        .execute();

      for (const [table, name, cols] of [
        ['complaints', 'complaints_customer_idx', ['customer_id']],
        ['complaints', 'complaints_handler_idx', ['handler_id']],
        ['complaints', 'complaints_team_idx', ['team_id']],
        ['complaints', 'complaints_department_idx', ['department_id']],
        ['complaints', 'complaints_fault_department_idx', ['fault_department_id']],
        ['complaints', 'complaints_created_by_idx', ['created_by']],
        ['complaints', 'complaints_received_idx', ['received_date']],
        ['complaints', 'complaints_status_due_idx', ['status', 'resolution_due']],
        ['complaint_events', 'complaint_events_complaint_idx', ['complaint_id', 'at']],
        ['complaint_events', 'complaint_events_actor_idx', ['actor_id']],
        ['complaint_opinions', 'complaint_opinions_complaint_idx', ['complaint_id']],
        ['complaint_opinions', 'complaint_opinions_drafted_by_idx', ['drafted_by']],
        ['complaint_opinions', 'complaint_opinions_team_idx', ['team_id']],
        ['complaint_opinions', 'complaint_opinions_department_idx', ['department_id']],
        ['complaint_extensions', 'complaint_extensions_complaint_idx', ['complaint_id']],
        ['complaint_extensions', 'complaint_extensions_requested_by_idx', ['requested_by']],
        ['complaint_extensions', 'complaint_extensions_team_idx', ['team_id']],
        ['complaint_extensions', 'complaint_extensions_department_idx', ['department_id']],
        ['complaint_meetings', 'complaint_meetings_recorded_by_idx', ['recorded_by']],
        ['complaint_rectifications', 'complaint_rectifications_complaint_idx', ['complaint_id']],
        ['complaint_rectifications', 'complaint_rectifications_department_idx', ['department_id']],
        ['complaint_rectifications', 'complaint_rectifications_recipient_idx', ['recipient_id']],
        ['complaint_rectifications', 'complaint_rectifications_replied_by_idx', ['replied_by']],
        ['complaint_rectifications', 'complaint_rectifications_issued_by_idx', ['issued_by']],
        ['complaint_breaches', 'complaint_breaches_handler_idx', ['handler_id']],
        ['complaint_breaches', 'complaint_breaches_team_idx', ['team_id']],
        ['complaint_breaches', 'complaint_breaches_department_idx', ['department_id']],
        ['complaint_satisfaction', 'complaint_satisfaction_customer_idx', ['customer_id']],
        ['complaint_satisfaction', 'complaint_satisfaction_handler_idx', ['handler_id']],
      ] as const) {
        await db.schema.createIndex(name).on(table).columns([...cols]).execute();
      }
    },
  };
}
