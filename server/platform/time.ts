/** The clock, injectable so tests can move time (lockout expiry, session timeouts, calendar warnings). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function iso(d: Date): string {
  return d.toISOString();
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000; // China has had no daylight saving since 1991

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai, where business rules are evaluated. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
