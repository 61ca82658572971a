import dayjs from 'dayjs';

/** Shared bits of the visit plan pages (docs/regulations.md §8). */
export const money = (v: number | null | undefined) => (v == null ? '' : `¥${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
export const STATUS_COLORS: Record<string, string> = { draft: 'default', pending: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default' };
export const editableStatus = (s: string) => s === 'draft' || s === 'returned' || s === 'withdrawn';

/** Next month ('YYYY-MM') and next week's Monday, from today. */
export function nextPeriods() {
  const today = dayjs();
  const monday = today.add(((8 - (today.day() === 0 ? 7 : today.day())) % 7) || 7, 'day');
  return { monthly: today.add(1, 'month').format('YYYY-MM'), weekly: monday.format('YYYY-MM-DD') };
}
