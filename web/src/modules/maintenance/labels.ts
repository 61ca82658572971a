import type { TFunction } from 'i18next';
import type { PlanStatus } from '../../api/contract/maintenance';

export const STATUS_COLOR: Record<PlanStatus, string> = {
  draft: 'default',
  pending: 'processing',
  returned: 'warning',
  approved: 'success',
  closed: 'purple',
  rejected: 'error',
};

export function statusLabel(t: TFunction, status: string): string {
  return t(`maintenance.status.${status}`, { defaultValue: status });
}

/** Yuan with two decimals and thousands separators: ¥12,000.50 (negative: −¥0.30). */
export function formatMoney(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '';
  const text = Math.abs(yuan).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${yuan < 0 ? '−' : ''}¥${text}`;
}

export const planPath = (id: number) => `/maintenance-plans/${id}`;
