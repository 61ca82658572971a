import type { DemoContext } from '../../platform/modules/demo';
import type { IndividualService } from '../individuals/individuals.service';
import type { StayService } from './stays.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Demo: stays of the VIP guests over the last months, each met by the keeper within the deadline or (a few)
 * late, and two guests who checked in today and are not met yet, so the keepers have open meeting tasks.
 */
export async function staysDemo(stays: StayService, individuals: IndividualService, demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const admin = org.admin;
  const guests = (await individuals.list(admin.ctx, {}, { page: 1, pageSize: 100 })).rows;
  const asKeeper = (ownerId: number) => (org.users.find((u) => u.id === ownerId) ?? admin).ctx;
  let made = 0;
  let open = 0;
  for (const [i, g] of guests.entries()) {
    // Past stays: one to three, each met (sometimes after the deadline).
    for (let n = random.int(1, 3); n > 0; n--) {
      const checkIn = end - random.int(5, 150) * DAY + random.int(12, 22) * HOUR;
      const booking = `PMS-${g.id}-${n}`;
      clock.set(new Date(checkIn));
      const stay = await stays.record(asKeeper(g.owner_id), g.id, {
        checkedInAt: new Date(checkIn).toISOString(),
        checkedOutAt: new Date(checkIn + random.int(1, 4) * DAY).toISOString(),
        room: String(random.int(8, 28) * 100 + random.int(1, 30)),
        bookingRef: booking,
        notes: null,
      });
      made++;
      if (stay.meet_by) {
        clock.set(new Date(checkIn + (random.chance(0.15) ? random.int(13, 20) : random.int(1, 10)) * HOUR));
        await stays.meet(asKeeper(g.owner_id), g.id, stay.id, random.pick(['大堂迎接，送上欢迎水果', '行政酒廊会面，确认本次入住需求', '致电客房问候，约定次日早餐时会面']));
      }
    }
    // Two guests checked in this evening and are still to be met.
    if (i < 2) {
      const checkIn = end - (3 + i * 2) * HOUR;
      clock.set(new Date(checkIn));
      await stays.record(asKeeper(g.owner_id), g.id, { checkedInAt: new Date(checkIn).toISOString(), room: String(1800 + i * 6), bookingRef: `PMS-${g.id}-now`, notes: '今日入住' });
      made++;
      open++;
    }
  }
  clock.set(clock.end);
  demo.report(`${made} 宾客入住记录（${open} 位待会见）`);
}
