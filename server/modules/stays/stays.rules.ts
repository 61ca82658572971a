/** The hotel's meeting rule (docs/regulations.md §9). Pure: instants in, instants out (UTC). */
export const MEET_GUESTS = ['vip', 'member'] as const;
export type MeetGuests = (typeof MEET_GUESTS)[number];

/** The latest moment the keeper meets the guest: check-in plus the setting's hours. */
export function meetDeadline(checkedInAt: Date, hours: number): Date {
  return new Date(checkedInAt.getTime() + hours * 3_600_000);
}

/** Every individual customer is a VIP guest; `member` narrows the rule to guests enrolled in membership. */
export function isMetGuest(kind: MeetGuests, isMember: boolean): boolean {
  return kind === 'vip' || isMember;
}

/** YYYY-MM-DD HH:mm in Asia/Shanghai (no daylight saving since 1991), as the task and the page show it. */
export function shanghaiDateTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
