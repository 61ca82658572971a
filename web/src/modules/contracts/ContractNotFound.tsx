import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** 404 for a contract: it does not exist or lies outside the user's data scope (the server does not say which). */
export function ContractNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('contracts.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/contracts')}>
          {t('contracts.back')}
        </Button>
      }
    />
  );
}
