import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { CareActionTable, CareEventTable, CareTemplateTable } from './care.tables';

type Q = Kysely<Database>;
const CUSTOMER_COLS = ['customers.id as id', 'customers.name as name', 'customers.owner_id as owner_id', 'customers.grade as grade', 'customers.cooperation_since as cooperation_since'] as const;

/** Every SQL statement of the care module (docs/regulations.md §12). */
export const careQueries = {
  /** A page of customers inside the actor's scope (all customers without an actor), by id. */
  customersPage(db: Q, actor: Actor | null, afterId: number, limit: number, ownerId?: number) {
    let qb = db.selectFrom('customer_directory as customers').select([...CUSTOMER_COLS]).where('customers.id', '>', afterId);
    if (actor) qb = qb.where(scopeCondition(actor, RESOURCES.customer));
    if (ownerId !== undefined) qb = qb.where('customers.owner_id', '=', ownerId);
    return qb.orderBy('customers.id').limit(limit).execute();
  },
  customerVisible(db: Q, actor: Actor, customerId: number) {
    return db.selectFrom('customer_directory as customers').select([...CUSTOMER_COLS]).where('customers.id', '=', customerId).where(scopeCondition(actor, RESOURCES.customer)).executeTakeFirst();
  },
  async visibleIds(db: Q, actor: Actor, ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await db.selectFrom('customer_directory as customers').select('customers.id').where('customers.id', 'in', [...new Set(ids)]).where(scopeCondition(actor, RESOURCES.customer)).execute();
    return new Set(rows.map((r) => r.id));
  },

  listTemplates: (db: Q) => db.selectFrom('care_templates').selectAll().orderBy('channel').orderBy('id').execute(),
  getTemplate: (db: Q, id: number) => db.selectFrom('care_templates').selectAll().where('id', '=', id).executeTakeFirst(),
  async insertTemplate(db: Q, row: Insertable<CareTemplateTable>) {
    return (await db.insertInto('care_templates').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertAction(db: Q, row: Insertable<CareActionTable>) {
    return (await db.insertInto('care_actions').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  actions(db: Q, actor: Actor, f: { customerId?: number; limit: number }) {
    let qb = db
      .selectFrom('care_actions')
      .innerJoin('care_action_scope', 'care_action_scope.id', 'care_actions.id')
      .innerJoin('customer_directory as c', 'c.id', 'care_actions.customer_id')
      .leftJoin('user_directory as u', 'u.id', 'care_actions.actor_id')
      .selectAll('care_actions')
      .select(['c.name as customer_name', 'u.display_name as actor_name'])
      .where(scopeCondition(actor, RESOURCES.care_action));
    if (f.customerId !== undefined) qb = qb.where('care_actions.customer_id', '=', f.customerId);
    return qb.orderBy('care_actions.done_on', 'desc').orderBy('care_actions.id', 'desc').limit(f.limit).execute();
  },
  getAction: (db: Q, id: number) =>
    db
      .selectFrom('care_actions')
      .innerJoin('customer_directory as c', 'c.id', 'care_actions.customer_id')
      .leftJoin('user_directory as u', 'u.id', 'care_actions.actor_id')
      .selectAll('care_actions')
      .select(['c.name as customer_name', 'u.display_name as actor_name'])
      .where('care_actions.id', '=', id)
      .executeTakeFirstOrThrow(),
  /** customer id → the newest care action's day. */
  async lastActionDates(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    return db.selectFrom('care_actions').select((eb) => ['customer_id', eb.fn.max('done_on').as('last')]).where('customer_id', 'in', customerIds).groupBy('customer_id').execute();
  },

  /** Claims an occasion's reminder: true only for the one caller that inserted the key. */
  async claimReminder(db: Q, row: { key: string; owner_id: number; occasion_date: string; sent_at: string }) {
    const r = await db.insertInto('care_reminders_sent').values(row).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
    return r !== undefined;
  },

  listEvents: (db: Q) =>
    db
      .selectFrom('care_events')
      .leftJoin('user_directory as u', 'u.id', 'care_events.organizer_id')
      .selectAll('care_events')
      .select(['u.display_name as organizer_name'])
      .orderBy('care_events.starts_on', 'desc')
      .orderBy('care_events.id', 'desc')
      .limit(200)
      .execute(),
  getEvent: (db: Q, id: number) =>
    db.selectFrom('care_events').leftJoin('user_directory as u', 'u.id', 'care_events.organizer_id').selectAll('care_events').select(['u.display_name as organizer_name']).where('care_events.id', '=', id).executeTakeFirst(),
  async insertEvent(db: Q, row: Insertable<CareEventTable>) {
    return (await db.insertInto('care_events').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  /** The invited customers the actor may see. */
  invites(db: Q, actor: Actor, eventId: number) {
    return db
      .selectFrom('care_event_invites as i')
      .innerJoin('customer_directory as customers', 'customers.id', 'i.customer_id')
      .select(['i.id', 'i.customer_id', 'i.status', 'i.updated_at', 'customers.name as customer_name'])
      .where('i.event_id', '=', eventId)
      .where(scopeCondition(actor, RESOURCES.customer))
      .orderBy('i.id')
      .execute();
  },
  async insertInvite(db: Q, row: { event_id: number; customer_id: number; invited_by: number; updated_at: string }) {
    const r = await db.insertInto('care_event_invites').values(row).onConflict((oc) => oc.columns(['event_id', 'customer_id']).doNothing()).returning('id').executeTakeFirst();
    return r?.id ?? null;
  },
  getInvite: (db: Q, eventId: number, customerId: number) =>
    db.selectFrom('care_event_invites').selectAll().where('event_id', '=', eventId).where('customer_id', '=', customerId).executeTakeFirst(),
  setInviteStatus: (db: Q, id: number, status: string, at: string) => db.updateTable('care_event_invites').set({ status, updated_at: at }).where('id', '=', id).execute(),

  /** A merge: the merged customer's care moves to the survivor; an invitation both had is kept once. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('care_actions').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    const both = db.selectFrom('care_event_invites').select('event_id').where('customer_id', '=', toId);
    await db.deleteFrom('care_event_invites').where('customer_id', '=', fromId).where('event_id', 'in', both).execute();
    await db.updateTable('care_event_invites').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
};
