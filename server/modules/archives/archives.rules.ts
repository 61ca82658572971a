/**
 * Confidentiality levels and the loan register's dates (docs/regulations.md §1, §2). Pure functions.
 * Levels are a setting, ordered from the most open to the most secret.
 */
export const DEFAULT_LEVELS = ['公开', '内部', '秘密', '机密'];
export const CORRESPONDENCE_KINDS = ['fax', 'letter', 'contract', 'email'] as const; // 传真 信函 合同 电子邮件
export const DIRECTIONS = ['in', 'out'] as const; // 收文 发文

/** Material without a level is the lowest level. */
export function levelOf(stored: string | null | undefined, levels: readonly string[]): string {
  return stored ?? levels[0];
}

/**
 * Whether downloading material of this level needs the manager's approval: it is above the threshold.
 * A level the setting no longer lists is treated as the highest, so renaming levels never opens material.
 */
export function needsApproval(level: string, levels: readonly string[], threshold: string): boolean {
  const at = levels.indexOf(level);
  const limit = levels.indexOf(threshold);
  if (at < 0) return true;
  return at > (limit < 0 ? levels.length - 1 : limit);
}

/** A loan is overdue from the day after its due date until it comes back. */
export function isOverdue(loan: { due_on: string; returned_on: string | null }, today: string): boolean {
  return loan.returned_on === null && loan.due_on < today;
}

/** A grant may be used once, before it ends. */
export function grantUsable(g: { status: string; granted_until: string | null; used_at: string | null }, now: Date): boolean {
  return g.status === 'approved' && g.used_at === null && g.granted_until !== null && new Date(g.granted_until).getTime() > now.getTime();
}

/** The next index number of a customer's correspondence: no gaps. */
export function nextIndex(last: number | null | undefined): number {
  return (last ?? 0) + 1;
}
