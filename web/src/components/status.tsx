import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
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

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.notFound')}
      extra={<HomeButton />}
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
