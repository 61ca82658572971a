import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import { loadActor, type RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { IndividualService } from '../individuals/individuals.service';
import type { MembershipService } from '../membership/membership.service';
import { people } from '../org/org.queries';
import type { TasksService } from '../workflow/tasks.service';
import { stayQueries as q, type StayRow } from './stays.queries';
import { isMetGuest, meetDeadline, type MeetGuests, shanghaiDateTime } from './stays.rules';

const LANG = 'zh-CN' as const;
const SOURCE = 'guest_stay';

export interface StayInput {
  checkedInAt: string;
  checkedOutAt?: string | null;
  room?: string | null;
  bookingRef?: string | null;
  notes?: string | null;
}

const iso = (v: string | Date) => new Date(v).toISOString();
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * Stays of individual guests and the hotel's rule that a booking guest is met within 12 hours of check-in
 * (docs/regulations.md §9): a stay of a guest of the configured kind gives the guest's keeper a task due at
 * the deadline; recording the meeting completes it.
 */
export function createStayService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; settings: SettingsService; tasks: TasksService; individuals: IndividualService; membership: MembershipService }) {
  const { db, audit, clock, settings, tasks, individuals, membership } = deps;

  async function actorOf(conn: Kysely<Database>, userId: number) {
    const [u] = await people.byIds(conn, [userId]);
    return u && u.active === 1 ? { user: u, actor: await loadActor(conn, u) } : null;
  }

  function assertTimes(input: { checkedInAt: string; checkedOutAt?: string | null }) {
    if (input.checkedOutAt && Date.parse(input.checkedOutAt) < Date.parse(input.checkedInAt)) throw errors.field('checkedOutAt', 'stays.checkout_before_checkin');
  }

  /** The stay and, for a guest of the configured kind with an active keeper, the keeper's meeting task. */
  async function create(ctx: RequestContext, individualId: number, input: StayInput, source: 'manual' | 'pms') {
    assertTimes(input);
    const guest = await individuals.get(individualId);
    const [hours, kind] = [await settings.number('stays.meetHours'), (await settings.values())['stays.meetGuests'] as MeetGuests];
    const now = clock.now().toISOString();
    const checkedIn = new Date(input.checkedInAt);
    const id = await db.transaction().execute(async (trx) => {
      const isMember = (await membership.tierOfIndividual(individualId, trx)) !== null;
      const met = isMetGuest(kind, isMember);
      const deadline = met ? meetDeadline(checkedIn, hours) : null;
      const keeper = met ? await actorOf(trx, guest.owner_id) : null;
      let taskId: number | null = null;
      if (deadline && keeper) {
        const room = blank(input.room) ?? t(LANG, 'stays.task.no_room');
        taskId = (
          await tasks.createTask(trx, keeper.actor, {
            title: t(LANG, 'stays.task.title', { guest: guest.name, room, deadline: shanghaiDateTime(deadline) }),
            description: t(LANG, 'stays.task.body', { checkIn: shanghaiDateTime(checkedIn), hours }),
            assigneeId: keeper.user.id,
            due: { date: shanghaiDate(deadline) },
            link: { type: 'individual', id: individualId, path: `/individuals/${individualId}` },
            source: SOURCE,
          })
        ).id;
      }
      const stayId = await q.insert(trx, {
        individual_id: individualId,
        checked_in_at: checkedIn.toISOString(),
        checked_out_at: input.checkedOutAt ? iso(input.checkedOutAt) : null,
        room: blank(input.room),
        booking_ref: blank(input.bookingRef),
        notes: blank(input.notes),
        source,
        meet_by: deadline ? deadline.toISOString() : null,
        keeper_id: deadline ? guest.owner_id : null,
        task_id: taskId,
        met_at: null,
        met_by: null,
        meeting_note: null,
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
      });
      await audit.record(trx, actorInfo(ctx), { action: 'stay.create', entityType: 'individual_customer', entityId: individualId, summary: [shanghaiDateTime(checkedIn), blank(input.room), blank(input.bookingRef)].filter(Boolean).join(' ') });
      return stayId;
    });
    return (await q.get(db, id))!;
  }

  async function stayOf(individualId: number, stayId: number) {
    const stay = await q.get(db, stayId);
    if (!stay || stay.individual_id !== individualId) throw errors.notFound();
    return stay;
  }

  return {
    list: (individualId: number) => q.ofIndividual(db, individualId),
    lastMeetings: (individualIds: number[]) => q.lastMeetings(db, individualIds),

    record: (ctx: RequestContext, individualId: number, input: StayInput) => create(ctx, individualId, input, 'manual'),

    /**
     * The PMS's call: one stay per booking reference. The same booking again updates check-out, room and
     * notes and never makes a second stay or task; a reference already used for another guest is refused.
     */
    async upsertFromPms(ctx: RequestContext, input: StayInput & { individualId: number; bookingRef: string }): Promise<{ stay: StayRow; created: boolean }> {
      const ref = input.bookingRef.trim();
      const existing = await q.byBooking(db, ref);
      if (!existing) {
        await individuals.get(input.individualId).catch(() => {
          throw errors.field('individualId', 'error.not_found');
        });
        try {
          return { stay: await create(ctx, input.individualId, { ...input, bookingRef: ref }, 'pms'), created: true };
        } catch (e) {
          // the same booking sent twice at once: the unique reference let only one in
          const again = await q.byBooking(db, ref);
          if (again && again.individual_id === input.individualId) return { stay: again, created: false };
          throw e;
        }
      }
      if (existing.individual_id !== input.individualId) throw errors.field('bookingRef', 'stays.booking_other_guest');
      assertTimes({ checkedInAt: iso(existing.checked_in_at), checkedOutAt: input.checkedOutAt });
      const set = {
        ...(input.checkedOutAt !== undefined ? { checked_out_at: input.checkedOutAt ? iso(input.checkedOutAt) : null } : {}),
        ...(input.room !== undefined ? { room: blank(input.room) } : {}),
        ...(input.notes !== undefined ? { notes: blank(input.notes) } : {}),
      };
      if (Object.keys(set).length) await q.update(db, existing.id, { ...set, updated_at: clock.now().toISOString() });
      return { stay: (await q.get(db, existing.id))!, created: false };
    },

    /** Records that the keeper (or anyone allowed) met the guest; completes the meeting task. */
    async meet(ctx: RequestContext, individualId: number, stayId: number, note: string | null) {
      const stay = await stayOf(individualId, stayId);
      if (stay.met_at) throw errors.conflict('stays.already_met');
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        if (!(await q.markMet(trx, stayId, { met_at: at, met_by: ctx.actor.id, meeting_note: blank(note), updated_at: at }))) throw errors.conflict('stays.already_met');
        if (stay.task_id) {
          const task = await tasks.get(stay.task_id, trx);
          if (task.status === 'open') {
            const who = (await actorOf(trx, task.assignee_id)) ?? (await actorOf(trx, task.creator_id));
            if (who) await tasks.complete({ actor: who.actor, ip: null, requestId: SOURCE, lang: LANG }, stay.task_id, { note: t(LANG, 'stays.task.met', { at: shanghaiDateTime(new Date(at)) }), version: task.version }, trx);
          }
        }
        await audit.record(trx, actorInfo(ctx), { action: 'stay.meet', entityType: 'individual_customer', entityId: individualId, summary: blank(note) ?? undefined });
      });
      return (await q.get(db, stayId))!;
    },
  };
}
export type StayService = ReturnType<typeof createStayService>;
