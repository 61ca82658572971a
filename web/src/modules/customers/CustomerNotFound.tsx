import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** 404 for a customer: it does not exist or lies outside the user's data scope (the server does not say which). */
export function CustomerNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('customers.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/customers')}>
          {t('customers.back')}
        </Button>
      }
    />
  );
}
