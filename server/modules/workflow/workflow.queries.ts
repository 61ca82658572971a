import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { paged } from '../../db/paging';
import { people } from '../org/org.queries';

type Q = Kysely<Database>;

/** The only SQL of notifications, deliveries (the outbox) and reminders. Every call takes the connection to use. */
export const notificationQueries = {
  async activeUsers(db: Q, ids: number[]) {
    return (await people.byIds(db, ids)).filter((u) => u.active === 1).map((u) => ({ id: u.id, display_name: u.display_name, email: u.email, locale: u.locale }));
  },

  /** Done and read: the item it asked about was decided or completed. */
  async markDone(db: Q, subject: { type: string; id: number }, at: string) {
    await db
      .updateTable('notifications')
      .set((eb) => ({ done_at: at, read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('done_at', 'is', null)
      .execute();
  },

  async insertInbox(db: Q, rows: Insertable<Database['notifications']>[]) {
    if (rows.length) await db.insertInto('notifications').values(rows).execute();
  },

  async insertDeliveries(db: Q, rows: Insertable<Database['notification_deliveries']>[]) {
    if (rows.length) await db.insertInto('notification_deliveries').values(rows).execute();
  },

  async inbox(db: Q, userId: number, f: { unread?: boolean }, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('notifications').where('user_id', '=', userId);
    if (f.unread) qb = qb.where('read_at', 'is', null);
    return paged(qb.selectAll().orderBy('id', 'desc'), qb, p);
  },

  async unreadCount(db: Q, userId: number) {
    const r = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Only the caller's own notifications: ids of others are silently ignored. */
  async markRead(db: Q, userId: number, ids: number[] | 'all', at: string) {
    let qb = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
    if (ids !== 'all') {
      if (ids.length === 0) return 0;
      qb = qb.where('id', 'in', ids);
    }
    const res = await qb.executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** One channel's deliveries a sender may take now: pending and due, or claimed by a process that did not finish in time. */
  async dueDeliveryIds(db: Q, channel: string, now: string, limit: number) {
    const rows = await db
      .selectFrom('notification_deliveries')
      .select('id')
      .where('channel', '=', channel)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /** The atomic claim: one conditional UPDATE, so of several processes exactly one gets the row. */
  async claimDelivery(db: Q, id: number, holder: string, now: string, until: string) {
    const res = await db
      .updateTable('notification_deliveries')
      .set((eb) => ({ status: 'sending', claimed_by: holder, claimed_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return undefined;
    return db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Records the outcome, unless the claim expired meanwhile and another process took the row. */
  async settleDelivery(
    db: Q,
    id: number,
    holder: string,
    patch: { status: string; next_attempt_at?: string; last_error?: string | null; sent_at?: string | null; refundAttempt?: boolean },
  ) {
    const { refundAttempt, ...rest } = patch;
    await db
      .updateTable('notification_deliveries')
      .set((eb) => ({ ...rest, claimed_by: null, claimed_until: null, ...(refundAttempt ? { attempts: eb('attempts', '-', 1) } : {}) }))
      .where('id', '=', id)
      .where('claimed_by', '=', holder)
      .execute();
  },

  /** A restored copy starting with GUANXI_OUTBOX=hold: whatever the backup had queued waits for an administrator. */
  async holdQueued(db: Q) {
    await db.updateTable('notification_deliveries').set({ status: 'held', claimed_by: null, claimed_until: null }).where('status', 'in', ['pending', 'sending']).execute();
  },
  async countHeld(db: Q) {
    const row = await db.selectFrom('notification_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'held').executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** Only held rows change, so a double click or another administrator cannot release a sent one again. */
  async settleHeld(db: Q, ids: number[] | 'all', patch: { status: string; next_attempt_at?: string }) {
    let qb = db.updateTable('notification_deliveries').set(patch).where('status', '=', 'held');
    if (ids !== 'all') qb = qb.where('id', 'in', ids.length ? ids : [-1]);
    const res = await qb.executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** Failed rows only (one, several or all) are queued again, due now, with a fresh count of attempts. */
  async resendFailed(db: Q, ids: number[] | 'all', now: string) {
    let qb = db
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_by: null, claimed_until: null })
      .where('status', '=', 'failed');
    if (ids !== 'all') qb = qb.where('id', 'in', ids.length ? ids : [-1]);
    const res = await qb.executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  async deliveries(db: Q, f: { status?: string }, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('notification_deliveries');
    if (f.status) qb = qb.where('status', '=', f.status);
    return paged(qb.selectAll().orderBy('id', 'desc'), qb, p);
  },
};

/** The shared token buckets of rate pacing: read, then a compare-and-set on `version`. */
export const rateBucketQueries = {
  async get(db: Q, key: string) {
    return db.selectFrom('delivery_rate_buckets').selectAll().where('key', '=', key).executeTakeFirst();
  },
  async create(db: Q, row: { key: string; tokens: number; refilled_ms: number }) {
    await db
      .insertInto('delivery_rate_buckets')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  },
  /** True when nobody changed the bucket since it was read. */
  async put(db: Q, key: string, version: number, patch: { tokens: number; refilled_ms: number }) {
    const res = await db
      .updateTable('delivery_rate_buckets')
      .set({ ...patch, version: version + 1 })
      .where('key', '=', key)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
};

export const reminderQueries = {
  /** Scheduling the same key again replaces the reminder and arms it again. */
  async upsert(db: Q, row: { key: string; due_at: string; payload: string; created_at: string }) {
    await db
      .insertInto('reminders')
      .values({ ...row, fired_at: null, fired_by: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ due_at: row.due_at, payload: row.payload, fired_at: null, fired_by: null }))
      .execute();
  },

  async cancel(db: Q, key: string) {
    await db.deleteFrom('reminders').where('key', '=', key).where('fired_at', 'is', null).execute();
  },

  async dueIds(db: Q, now: string, limit: number) {
    const rows = await db
      .selectFrom('reminders')
      .select('id')
      .where('fired_at', 'is', null)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /** The atomic claim: only the process whose UPDATE changes the row fires the reminder. */
  async claim(db: Q, id: number, holder: string, now: string) {
    const res = await db
      .updateTable('reminders')
      .set({ fired_at: now, fired_by: holder })
      .where('id', '=', id)
      .where('fired_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return undefined;
    return db.selectFrom('reminders').select(['key', 'payload']).where('id', '=', id).executeTakeFirstOrThrow();
  },

  async byKey(db: Q, key: string) {
    return db.selectFrom('reminders').selectAll().where('key', '=', key).executeTakeFirst();
  },
};
