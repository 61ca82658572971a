import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../components/errors';
import { useCan } from '../auth/hooks';
import { type RevealField, useReveal } from './hooks';

interface Props {
  customerId: number;
  field: RevealField;
  contactId?: number;
  /** The masked value as the server sent it. */
  masked: string | null | undefined;
  /** The field's label, for the link's accessible name (显示联系电话). */
  label: string;
}

/**
 * A masked value with a small 显示 link for holders of customers.reveal. Revealing asks the server
 * (which writes an audit entry) and shows the answer until the page is left.
 */
export function RevealValue({ customerId, field, contactId, masked, label }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const reveal = useReveal(customerId);
  const notifyError = useNotifyError();
  const [value, setValue] = useState<string | null>(null);
  if (!masked) return <>{t('common.none')}</>;
  if (value !== null) return <Typography.Text copyable>{value}</Typography.Text>;
  return (
    <Space size={4}>
      <span>{masked}</span>
      {can('customers.reveal') ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          loading={reveal.isPending}
          aria-label={t('customers.revealLabel', { field: label })}
          onClick={() =>
            reveal.mutate(
              { field, contactId },
              { onSuccess: (answer) => setValue(answer?.value ?? t('common.none')), onError: notifyError },
            )
          }
        >
          {t('customers.reveal')}
        </Button>
      ) : null}
    </Space>
  );
}
