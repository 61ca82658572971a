import { pinyin } from 'pinyin-pro';

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

/** The pinyin of a person's name as used for ordering and for the initial-letter index (A–Z, else #). */
export function nameKeys(name: string): { pinyin: string; initials: string; initial: string } {
  const syllables = (pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }) as string[])
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const initials = syllables.map((s) => s[0]).join('');
  const first = (initials[0] ?? '').toUpperCase();
  return { pinyin: syllables.join(' '), initials, initial: /^[A-Z]$/.test(first) ? first : '#' };
}
