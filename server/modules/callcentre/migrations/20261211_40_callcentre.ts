import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * The call centre (docs/regulations.md §1): calls with their agent's team and department (the data scope), the
 * telephony events (unique per call and kind: a second post of the same event stores nothing), outbound call
 * lists and QA scores.
 */
export function callcentre20261211(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261211_40_callcentre',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('callcentre_calls'))
        .addColumn('call_ref', 'text', (c) => c.unique())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('phone_digits', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id'))
        .addColumn('agent_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('started_at', d.instant, (c) => c.notNull())
        .addColumn('duration_sec', 'integer')
        .addColumn('category', 'text')
        .addColumn('summary', 'text')
        .addColumn('result', 'text')
        .addColumn('follow_up', 'text')
        .addColumn('recorded_at', d.instant)
        .addColumn('complaint_id', 'integer')
        .addColumn('task_id', 'integer')
        .addColumn('visit_id', 'integer')
        .addColumn('list_item_id', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      const idx = (name: string, table: string, cols: string[]) => db.schema.createIndex(name).on(table).columns(cols).execute();
      await idx('callcentre_calls_customer_idx', 'callcentre_calls', ['customer_id']);
      await idx('callcentre_calls_agent_idx', 'callcentre_calls', ['agent_id', 'started_at']);
      await idx('callcentre_calls_team_idx', 'callcentre_calls', ['team_id']);
      await idx('callcentre_calls_department_idx', 'callcentre_calls', ['department_id', 'started_at']);
      await idx('callcentre_calls_started_idx', 'callcentre_calls', ['started_at']);

      await d
        .id(db.schema.createTable('callcentre_call_events'))
        .addColumn('call_ref', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('call_id', 'integer', (c) => d.fk(c, 'callcentre_calls.id').notNull())
        .addColumn('agent_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('at', d.instant, (c) => c.notNull())
        .addUniqueConstraint('callcentre_call_events_ref_kind', ['call_ref', 'kind'])
        .execute();
      await idx('callcentre_call_events_agent_idx', 'callcentre_call_events', ['agent_id', 'id']);
      await idx('callcentre_call_events_call_idx', 'callcentre_call_events', ['call_id']);

      await d
        .id(db.schema.createTable('callcentre_lists'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('week_start', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .execute();
      await idx('callcentre_lists_created_by_idx', 'callcentre_lists', ['created_by']);

      await d
        .id(db.schema.createTable('callcentre_list_items'))
        .addColumn('list_id', 'integer', (c) => d.fk(c, 'callcentre_lists.id', 'cascade').notNull())
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('agent_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('call_id', 'integer', (c) => d.fk(c, 'callcentre_calls.id'))
        .execute();
      await idx('callcentre_list_items_list_idx', 'callcentre_list_items', ['list_id']);
      await idx('callcentre_list_items_customer_idx', 'callcentre_list_items', ['customer_id']);
      await idx('callcentre_list_items_agent_idx', 'callcentre_list_items', ['agent_id', 'status']);
      await idx('callcentre_list_items_call_idx', 'callcentre_list_items', ['call_id']);

      await d
        .id(db.schema.createTable('callcentre_qa_scores'))
        .addColumn('call_id', 'integer', (c) => d.fk(c, 'callcentre_calls.id').notNull().unique())
        .addColumn('agent_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('scorer_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('total', 'double precision', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('dispute_reason', 'text')
        .addColumn('dispute_status', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('dispute_reply', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await idx('callcentre_qa_scores_agent_idx', 'callcentre_qa_scores', ['agent_id', 'month']);
      await idx('callcentre_qa_scores_month_idx', 'callcentre_qa_scores', ['month']);
      await idx('callcentre_qa_scores_team_idx', 'callcentre_qa_scores', ['team_id']);
      await idx('callcentre_qa_scores_department_idx', 'callcentre_qa_scores', ['department_id']);
      await idx('callcentre_qa_scores_scorer_idx', 'callcentre_qa_scores', ['scorer_id']);
    },
  };
}
