import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The SQL of `npm run demo`: finding what already exists and writing contacts in bulk. */
type Q = Kysely<Database>;

export const demoQueries = {
  departmentIdByName: async (db: Q, name: string) => (await db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirst())?.id,
  teamIdByName: async (db: Q, departmentId: number, name: string) =>
    (await db.selectFrom('teams').select('id').where('department_id', '=', departmentId).where('name', '=', name).executeTakeFirst())?.id,
  userByUsername: (db: Q, username: string) => db.selectFrom('user_directory').selectAll().where('username', '=', username).executeTakeFirst(),
  hasCustomers: async (db: Q) => !!(await db.selectFrom('customer_directory').select('id').limit(1).executeTakeFirst()),
  firstAdmin: (db: Q) =>
    db
      .selectFrom('user_directory as users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.username', 'users.display_name', 'users.department_id', 'users.team_id'])
      .where('user_roles.role', '=', 'admin')
      .orderBy('users.id')
      .limit(1)
      .executeTakeFirst(),
  contactsOf: (db: Q, customerIds: number[]) =>
    customerIds.length
      ? db.selectFrom('customer_contacts').select(['id', 'customer_id', 'name', 'mobile']).where('customer_id', 'in', customerIds).orderBy('customer_id').orderBy('is_key', 'desc').orderBy('id').execute()
      : Promise.resolve([]),
  async insertContacts(db: Q, rows: Insertable<Database['customer_contacts']>[]): Promise<void> {
    if (rows.length) await db.insertInto('customer_contacts').values(rows).execute();
  },
};
