import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../api/client';

/** Text for an error from the API: the server's own message (already in the user's language). */
export function useDescribeError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.isStaleVersion) return t('errors.stale');
        const base = error.message || t('errors.failed');
        return error.requestId ? t('common.withNote', { text: base, note: t('errors.requestId', { id: error.requestId }) }) : base;
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

/**
 * A failed save in a dialog: a stale version closes it with a message (the record reloads and can be
 * edited again), field errors go onto their fields (`rename` maps server names onto form names), anything
 * else becomes the dialog's error text.
 */
export function useDialogSaveError(
  form: FormInstance,
  setError: (text: string | null) => void,
  onClose: () => void,
  rename?: Record<string, string | (string | number)[]>,
): (error: unknown) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  return (error: unknown) => {
    if (error instanceof ApiError && error.isStaleVersion) {
      void message.error(t('errors.stale'));
      onClose();
      return;
    }
    setError(applyFieldErrors(form, error, rename) ? null : describe(error));
  };
}
