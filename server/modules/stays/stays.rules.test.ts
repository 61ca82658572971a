import { describe, expect, it } from 'vitest';
import { isMetGuest, meetDeadline, shanghaiDateTime } from './stays.rules';

// The hotel's rule: a booking guest is met within 12 hours of check-in (docs/regulations.md §9).
describe('meeting a booking guest', () => {
  it('gives a guest checked in at 20:00 Shanghai time a deadline of 08:00 the next day, stored in UTC', () => {
    const due = meetDeadline(new Date('2026-12-07T20:00:00+08:00'), 12);
    expect(due.toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(shanghaiDateTime(due)).toBe('2026-12-08 08:00');
  });

  it('meets every VIP guest, or only members when the setting says so', () => {
    expect(isMetGuest('vip', false)).toBe(true);
    expect(isMetGuest('member', false)).toBe(false);
    expect(isMetGuest('member', true)).toBe(true);
  });
});
