import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';

export const STATUSES = ['active', 'accepted', 'closed'] as const;
export const STATUS_COLOR: Record<string, string> = { active: 'processing', accepted: 'success', closed: 'default' };
export const CONFIRM_METHODS = ['signature', 'email', 'meeting', 'phone'] as const;
export const CONCLUSIONS = ['passed', 'conditional', 'failed'] as const;

export function formatMoney(yuan: number): string {
  const text = Math.abs(yuan).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${yuan < 0 ? '−' : ''}¥${text}`;
}

/** Today in Asia/Shanghai. */
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Server field errors under the inputs; anything else (or a stale version) above the form. */
export function useSaveError() {
  const describe = useDescribeError();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const onError = (form: Parameters<typeof applyFieldErrors>[0], err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) return setError(t('errors.stale'));
    if (!applyFieldErrors(form, err)) setError(describe(err));
  };
  return { error, setError, onError };
}
