import dayjs from 'dayjs';

/** An instant (UTC ISO string) in the browser's time zone, e.g. 2026-11-23 16:00. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}
