import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/**
 * Requests to end the cooperation with a customer 终止合作 (docs/regulations.md §4, §5), made from an evaluation
 * recommending 终止关系 or from a high risk, decided through the approval engine. owner/team/department are
 * copied from the customer when the request is made, so the data scope of docs/regulations.md §1 applies.
 */
export function endCooperation20261208(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261208_81_end_cooperation',
    async up(db: Kysely<any>) {
      await d
        .id(db.schema.createTable('end_cooperation_requests'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id').notNull())
        .addColumn('evaluation_id', 'integer', (c) => d.fk(c, 'evaluations.id'))
        .addColumn('risk_id', 'integer', (c) => d.fk(c, 'credit_risks.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('applicant_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('decided_at', d.instant)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      for (const [name, col] of [
        ['end_cooperation_customer_idx', 'customer_id'],
        ['end_cooperation_evaluation_idx', 'evaluation_id'],
        ['end_cooperation_risk_idx', 'risk_id'],
        ['end_cooperation_applicant_idx', 'applicant_id'],
        ['end_cooperation_owner_idx', 'owner_id'],
        ['end_cooperation_team_idx', 'team_id'],
        ['end_cooperation_department_idx', 'department_id'],
      ] as const) {
        await db.schema.createIndex(name).on('end_cooperation_requests').column(col).execute();
      }
    },
  };
}
