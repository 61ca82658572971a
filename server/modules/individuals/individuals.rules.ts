import { foldChinese, preferredReading, readingCombinations, characterReadings } from '../../platform/search/chinese.rules';

/**
 * Individual customers (VIP guests, docs/regulations.md §2): listed by the initial letter of the name (pinyin),
 * resident ID numbers validated (GB 11643) and masked to first 6 + last 4.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isResidentIdNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return ID_CHECK[sum % 11] === v[17];
}

/** 110101********1234: first 6 and last 4 (issue 3 §9). */
export function maskIdNumber(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 10 ? '****' : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/**
 * The pinyin of a person's name as used for ordering and for the initial-letter index (A–Z, else #): the
 * surname read as a surname (曾晓明 → zeng xiao ming, Z; 单 → shan, S), docs/regulations.md §2.
 */
export function nameKeys(name: string): { pinyin: string; initials: string; initial: string; search: string } {
  const syllables = preferredReading(name, 'person');
  const initials = syllables.map((s) => s[0]).join('');
  const first = (initials[0] ?? '').toUpperCase();
  return { pinyin: syllables.join(' '), initials, initial: /^[A-Z]$/.test(first) ? first : '#', search: nameSearchText(name) };
}

/**
 * What the guest search looks in: the name folded to simplified (曾曉明 → 曾晓明), then every reading of the
 * name in full and as initials, each word preceded by a space so a query matches from a word's start.
 */
export function nameSearchText(name: string): string {
  const words = new Set<string>([foldChinese(name).toLowerCase().replace(/\s+/g, '')]);
  for (const syl of readingCombinations(characterReadings(name, 'person'))) {
    words.add(syl.join(''));
    words.add(syl.map((s) => s[0]).join(''));
  }
  for (const w of name.normalize('NFKC').toLowerCase().match(/[a-z0-9]+/g) ?? []) words.add(w);
  return ` ${[...words].filter(Boolean).join(' ')}`;
}
