import type { TFunction } from 'i18next';
import type { UserRecord } from '../../../api/contract/platform';

export type UserStatus = 'active' | 'inactive' | 'locked';

export function userStatus(user: Pick<UserRecord, 'active' | 'lockedUntil'>, now = Date.now()): UserStatus {
  if (!user.active) return 'inactive';
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > now) return 'locked';
  return 'active';
}

export const STATUS_COLOR: Record<UserStatus, string> = { active: 'green', inactive: 'default', locked: 'orange' };

export function statusLabel(t: TFunction, status: UserStatus): string {
  return t(status === 'active' ? 'users.statusActive' : status === 'inactive' ? 'users.statusInactive' : 'users.statusLocked');
}

/** A role's display name in the current language; unknown roles show their code. */
export function roleLabel(t: TFunction, role: string): string {
  return t(`roles.${role}`, { defaultValue: role });
}
