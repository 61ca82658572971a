import { describe, expect, it } from 'vitest';
import { blocked, bucketShape, take, type BucketState } from './pacing';

/** Sends as fast as the bucket allows for `spanMs` and returns the send times. */
function drive(limit: number, windowMs: number, spanMs: number): number[] {
  const shape = bucketShape(limit, windowMs);
  let b: BucketState | undefined;
  const sent: number[] = [];
  for (let now = 0; now <= spanMs; ) {
    const t = take(b, shape, now);
    if (t.ok) {
      b = t.next;
      sent.push(now);
    } else now += t.waitMs;
  }
  return sent;
}

describe('token bucket pacing', () => {
  it('never lets more than the limit through in any window of a minute, and keeps sending', () => {
    const sent = drive(20, 60_000, 10 * 60_000);
    for (const t of sent) expect(sent.filter((s) => s >= t && s < t + 60_000).length).toBeLessThanOrEqual(20);
    expect(sent.length).toBeGreaterThanOrEqual(150); // 5 at once, then 15 a minute
  });

  it('sends nothing for a whole window after the provider answered "too many"', () => {
    const shape = bucketShape(20, 60_000);
    const b = blocked(shape, 1_000);
    expect(take(b, shape, 30_000)).toEqual({ ok: false, waitMs: 31_000 });
    expect(take(b, shape, 60_999).ok).toBe(false);
    expect(take(b, shape, 61_000).ok).toBe(true);
  });
});
