import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../platform/time';
import type { NotificationsService } from './notifications.service';
import type { NotificationInput, ReminderInput, ReminderService } from './workflow.types';
import { reminderQueries as q } from './workflow.queries';

const BATCH = 100;

/** SQLite answers a write that meets another connection's open write transaction with "database is locked". */
function isLockContention(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'SQLITE_BUSY' || /database is locked/i.test(e?.message ?? '');
}

export function createReminderService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  notifications: Pick<NotificationsService, 'notify'>;
  holder?: string;
}) {
  const { db, clock, notifications } = deps;
  const holder = deps.holder ?? `${process.pid}-${crypto.randomUUID()}`;

  const service = {
    holder,

    async schedule(trx: Kysely<Database>, input: ReminderInput): Promise<void> {
      const dueAt = new Date(input.dueAt);
      if (Number.isNaN(dueAt.getTime())) throw new RangeError(`Invalid reminder time ${input.dueAt}`);
      await q.upsert(trx, { key: input.key, due_at: dueAt.toISOString(), payload: JSON.stringify(input.notification), created_at: clock.now().toISOString() });
    },

    async cancel(trx: Kysely<Database>, key: string): Promise<void> {
      await q.cancel(trx, key);
    },

    /** The reminder with this key, e.g. for a module's own tests or a detail page. */
    get: (key: string) => q.byKey(db, key),

    /**
     * Fires the reminders that are due. Each is claimed by a conditional UPDATE (… WHERE fired_at IS NULL)
     * in the same transaction that writes its notification: of several processes only the one whose
     * UPDATE changed the row notifies, and if notifying fails the claim rolls back with it.
     */
    async runOnce(now: Date = clock.now()): Promise<{ fired: number; lost: number; errors: { key: string | null; error: string }[] }> {
      const stamp = now.toISOString();
      const out = { fired: 0, lost: 0, errors: [] as { key: string | null; error: string }[] };
      for (const id of await q.dueIds(db, stamp, BATCH)) {
        try {
          const fired = await db.transaction().execute(async (trx) => {
            const claimed = await q.claim(trx, id, holder, stamp);
            if (!claimed) return false;
            await notifications.notify(trx, JSON.parse(claimed.payload) as NotificationInput);
            return true;
          });
          if (fired) out.fired++;
          else out.lost++;
        } catch (err) {
          // Another process holds the row (SQLite): it fires the reminder, we do not.
          if (isLockContention(err)) out.lost++;
          else out.errors.push({ key: null, error: err instanceof Error ? err.message : String(err) });
        }
      }
      return out;
    },
  };
  return service satisfies ReminderService;
}
export type RemindersService = ReturnType<typeof createReminderService>;
