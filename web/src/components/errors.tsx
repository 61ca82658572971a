import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Text for an error from the API: the server's own message (already in the user's language). */
export function useDescribeError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.isStaleVersion) return t('errors.stale');
        const base = error.message || t('errors.failed');
        return error.requestId ? `${base}（${t('errors.requestId', { id: error.requestId })}）` : base;
      }
      return t('errors.failed');
    },
    [t],
  );
}

/** Shows an error as a toast; for actions that have no form to show field errors in. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const describe = useDescribeError();
  return useCallback((error: unknown) => void message.error(describe(error)), [message, describe]);
}
