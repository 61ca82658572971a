import type { Insertable, Kysely } from 'kysely';
import { paged } from '../../db/paging';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { CallListItemTable, CallTable, QaScoreTable } from './callcentre.tables';

type Q = Kysely<Database>;

export interface CallFilters {
  agentId?: number;
  customerId?: number;
  category?: string;
  direction?: string;
  from?: string;
  to?: string;
}

function calls(db: Q) {
  return db
    .selectFrom('callcentre_calls')
    .leftJoin('customer_directory as customers', 'customers.id', 'callcentre_calls.customer_id')
    .leftJoin('user_directory as agent', 'agent.id', 'callcentre_calls.agent_id')
    .leftJoin('callcentre_qa_scores', 'callcentre_qa_scores.call_id', 'callcentre_calls.id')
    .selectAll('callcentre_calls')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'agent.display_name as agent_name', 'callcentre_qa_scores.id as qa_id', 'callcentre_qa_scores.total as qa_total']);
}
export type CallRow = Awaited<ReturnType<ReturnType<typeof calls>['executeTakeFirstOrThrow']>>;

function scoreRows(db: Q) {
  return db
    .selectFrom('callcentre_qa_scores')
    .innerJoin('callcentre_calls', 'callcentre_calls.id', 'callcentre_qa_scores.call_id')
    .leftJoin('user_directory as agent', 'agent.id', 'callcentre_qa_scores.agent_id')
    .leftJoin('user_directory as scorer', 'scorer.id', 'callcentre_qa_scores.scorer_id')
    .selectAll('callcentre_qa_scores')
    .select(['agent.display_name as agent_name', 'scorer.display_name as scorer_name', 'callcentre_calls.started_at as call_started_at', 'callcentre_calls.category as call_category']);
}
export type ScoreRow = Awaited<ReturnType<ReturnType<typeof scoreRows>['executeTakeFirstOrThrow']>>;

export const callQueries = {
  get: (db: Q, id: number) => calls(db).where('callcentre_calls.id', '=', id).executeTakeFirst(),
  byRef: (db: Q, ref: string) => calls(db).where('callcentre_calls.call_ref', '=', ref).executeTakeFirst(),
  async list(db: Q, actor: Actor, f: CallFilters, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('callcentre_calls').where(scopeCondition(actor, RESOURCES.callcentre_call));
    if (f.agentId) qb = qb.where('callcentre_calls.agent_id', '=', f.agentId);
    if (f.customerId) qb = qb.where('callcentre_calls.customer_id', '=', f.customerId);
    if (f.category) qb = qb.where('callcentre_calls.category', '=', f.category);
    if (f.direction) qb = qb.where('callcentre_calls.direction', '=', f.direction);
    if (f.from) qb = qb.where('callcentre_calls.started_at', '>=', f.from);
    if (f.to) qb = qb.where('callcentre_calls.started_at', '<', f.to);
    const ids = qb.select('callcentre_calls.id');
    const rows = calls(db).where('callcentre_calls.id', 'in', ids).orderBy('callcentre_calls.started_at', 'desc').orderBy('callcentre_calls.id', 'desc');
    return paged(rows, qb, p);
  },
  /** Calls of a period within the actor's scope, for the QA sample and the monthly report. */
  inPeriod: (db: Q, actor: Actor, from: string, to: string) =>
    calls(db).where('callcentre_calls.started_at', '>=', from).where('callcentre_calls.started_at', '<', to).where(scopeCondition(actor, RESOURCES.callcentre_call)).orderBy('callcentre_calls.id').execute(),
  async insert(db: Q, row: Insertable<CallTable>) {
    const r = await db.insertInto('callcentre_calls').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  patch: (db: Q, id: number, patch: Partial<Insertable<CallTable>>) => db.updateTable('callcentre_calls').set(patch).where('id', '=', id).execute(),
  /** The event row, or undefined when the same call id and kind was accepted before. */
  async insertEvent(db: Q, row: { call_ref: string; kind: string; call_id: number; agent_id: number; at: string }) {
    const r = await db.insertInto('callcentre_call_events').values(row).onConflict((oc) => oc.columns(['call_ref', 'kind']).doNothing()).returning('id').executeTakeFirst();
    return r?.id;
  },
  /** The agent's incoming-call events after `afterId` and not older than `since`, for the screen-pop. */
  eventsFor: (db: Q, agentId: number, afterId: number, since: string) =>
    db
      .selectFrom('callcentre_call_events as ev')
      .innerJoin('callcentre_calls', 'callcentre_calls.id', 'ev.call_id')
      .leftJoin('customer_directory as customers', 'customers.id', 'callcentre_calls.customer_id')
      .select(['ev.id', 'ev.kind', 'ev.at', 'callcentre_calls.id as call_id', 'callcentre_calls.phone', 'callcentre_calls.direction', 'callcentre_calls.customer_id', 'customers.name as customer_name', 'customers.archive_no as customer_archive_no'])
      .where('ev.agent_id', '=', agentId)
      .where('ev.id', '>', afterId)
      .where('ev.kind', '=', 'ringing')
      .where('ev.at', '>=', since)
      .orderBy('ev.id')
      .limit(20)
      .execute(),
  agentByUsername: (db: Q, username: string) =>
    db.selectFrom('user_directory').select(['id', 'display_name', 'team_id', 'department_id', 'active']).where('username', '=', username).executeTakeFirst(),
  moveCustomer: async (db: Q, fromId: number, toId: number) => {
    await db.updateTable('callcentre_calls').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('callcentre_list_items').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
};

export const listQueries = {
  async insertList(db: Q, row: { name: string; source: string; week_start: string; created_by: number; created_at: string }) {
    return (await db.insertInto('callcentre_lists').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  insertItems: (db: Q, rows: Insertable<CallListItemTable>[]) => (rows.length ? db.insertInto('callcentre_list_items').values(rows).execute() : Promise.resolve()),
  lists: (db: Q) => db.selectFrom('callcentre_lists').selectAll().orderBy('id', 'desc').limit(100).execute(),
  getList: (db: Q, id: number) => db.selectFrom('callcentre_lists').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Lines of a list; an agent's own only unless `all`. */
  items(db: Q, listId: number | null, agentId: number | null) {
    let qb = db
      .selectFrom('callcentre_list_items as items')
      .innerJoin('customer_directory as customers', 'customers.id', 'items.customer_id')
      .leftJoin('user_directory as agent', 'agent.id', 'items.agent_id')
      .selectAll('items')
      .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'agent.display_name as agent_name']);
    if (listId != null) qb = qb.where('items.list_id', '=', listId);
    if (agentId != null) qb = qb.where('items.agent_id', '=', agentId);
    return qb.orderBy('items.due_date').orderBy('items.id').limit(1000).execute();
  },
  item: (db: Q, id: number) => db.selectFrom('callcentre_list_items').selectAll().where('id', '=', id).executeTakeFirst(),
  closeItem: (db: Q, id: number, callId: number) => db.updateTable('callcentre_list_items').set({ status: 'done', call_id: callId }).where('id', '=', id).execute(),
};

export const qaQueries = {
  get: (db: Q, id: number) => scoreRows(db).where('callcentre_qa_scores.id', '=', id).executeTakeFirst(),
  byCall: (db: Q, callId: number) => scoreRows(db).where('callcentre_qa_scores.call_id', '=', callId).executeTakeFirst(),
  list: (db: Q, actor: Actor, month: string | undefined, agentId: number | undefined) => {
    let qb = scoreRows(db).where(scopeCondition(actor, RESOURCES.callcentre_qa));
    if (month) qb = qb.where('callcentre_qa_scores.month', '=', month);
    if (agentId) qb = qb.where('callcentre_qa_scores.agent_id', '=', agentId);
    return qb.orderBy('callcentre_qa_scores.id', 'desc').limit(500).execute();
  },
  async insert(db: Q, row: Insertable<QaScoreTable>) {
    return (await db.insertInto('callcentre_qa_scores').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
};
