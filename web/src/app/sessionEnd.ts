/**
 * Why the last session ended, so the sign-in page can react: 'expired' (a 401 from the API: say so and
 * return to the page afterwards) or 'signedOut' (deliberate: start afresh at the home page). Cleared by
 * the next successful sign-in.
 */
export type SessionEnd = 'expired' | 'signedOut' | null;

let ended: SessionEnd = null;

export function markSessionEnded(reason: Exclude<SessionEnd, null>): void {
  ended = reason;
}

export function clearSessionEnded(): void {
  ended = null;
}

export function sessionEnded(): SessionEnd {
  return ended;
}
