import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, isApiError } from '../api/client';
import { useDescribeError } from './errors';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}

function HomeButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('errors.backHome')}
    </Button>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('errors.forbidden')}
      extra={<HomeButton />}
    />
  );
}

/**
 * 404. For a record: it does not exist or lies outside the user's data scope (the server does not say
 * which); `message` and `back` then name the record and lead back to its list.
 */
export function NotFound({ message, back }: { message?: string; back?: { to: string; label: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={message ?? t('errors.notFound')}
      extra={
        back ? (
          <Button type="primary" onClick={() => navigate(back.to)}>
            {back.label}
          </Button>
        ) : (
          <HomeButton />
        )
      }
    />
  );
}

/** A failed query: 403 shows the permission page, anything else the message and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={describe(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/**
 * The gate of a page that shows one record by its `:id`: a malformed id or a 404 shows `notFound`,
 * loading a spinner, any other failure the error with a retry; then `children` gets the record.
 */
export function RecordGate<T>({ id, query, notFound = <NotFound />, children }: { id: number; query: UseQueryResult<T>; notFound?: ReactNode; children: (record: T) => ReactNode }) {
  if (!(Number.isInteger(id) && id > 0)) return notFound;
  if (query.isPending) return <FullPageSpin />;
  if (query.isError && !query.data) {
    if (isApiError(query.error, 404)) return notFound;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return children(query.data as T);
}
