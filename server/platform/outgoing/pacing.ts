/**
 * Rate pacing of outgoing channels (issue 18 §3): a token bucket per channel. The providers state their limits
 * as "N messages a minute" (the WeCom and DingTalk group robots: 20), so the bucket is shaped to let at most N
 * through in any window: it holds `capacity` tokens and refills `limit − capacity` per window.
 */
export interface BucketState {
  tokens: number;
  refilledMs: number;
}

export interface BucketShape {
  capacity: number;
  /** Tokens added per millisecond. */
  rate: number;
  windowMs: number;
}

/** A quarter of the limit as an immediate burst, the rest spread evenly over the window. */
export function bucketShape(limit: number, windowMs: number): BucketShape {
  const capacity = Math.max(1, Math.floor(limit / 4));
  return { capacity, rate: Math.max(1, limit - capacity) / windowMs, windowMs };
}

/** The bucket at `nowMs`. A bucket stamped more than a window ahead means the clock went back: start full. */
export function refill(b: BucketState | undefined, shape: BucketShape, nowMs: number): BucketState {
  if (!b || b.refilledMs > nowMs + shape.windowMs) return { tokens: shape.capacity, refilledMs: nowMs };
  if (b.refilledMs >= nowMs) return b;
  return { tokens: Math.min(shape.capacity, b.tokens + (nowMs - b.refilledMs) * shape.rate), refilledMs: nowMs };
}

export type Take = { ok: true; next: BucketState } | { ok: false; waitMs: number };

/** Takes one token, or says how long until one is there. */
export function take(b: BucketState | undefined, shape: BucketShape, nowMs: number): Take {
  const cur = refill(b, shape, nowMs);
  // Blocked until a moment within the next window (the provider said "too many"): nothing before then.
  if (cur.refilledMs > nowMs) return { ok: false, waitMs: cur.refilledMs - nowMs };
  if (cur.tokens >= 1) return { ok: true, next: { tokens: cur.tokens - 1, refilledMs: cur.refilledMs } };
  return { ok: false, waitMs: Math.max(1, Math.ceil((1 - cur.tokens) / shape.rate)) };
}

/** After the provider answered "too many": nothing for a whole window, then the provider's window is fresh. */
export function blocked(shape: BucketShape, nowMs: number): BucketState {
  return { tokens: shape.capacity, refilledMs: nowMs + shape.windowMs };
}

/** The providers' "too many requests" answers: WeCom errcode 45009, DingTalk 130101, HTTP 429. */
export const RATE_LIMIT_ERRCODES: ReadonlySet<number> = new Set([45009, 130101]);

/** A send refused because of the provider's rate limit: re-queued after the window, not counted as a failure. */
export class RateLimitedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RateLimitedError';
  }
}
