import type { TFunction } from 'i18next';

/**
 * The nationality a new guest starts with. It is data, not interface text (the server checks a mainland
 * resident ID when the nationality is 中国 or empty), so it is the same in every language.
 */
export const DEFAULT_NATIONALITY = '中国'; // i18n-exempt: a data value, stored as it is

export const GENDERS = ['male', 'female'] as const;

export function genderLabel(t: TFunction, gender: string | null | undefined): string {
  if (!gender) return t('common.none');
  return t(`individuals.genders.${gender}`, { defaultValue: gender });
}

/** The A–Z bar: 26 letters and # (names that start with neither a Chinese character nor a Latin letter). */
export const INITIALS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];
