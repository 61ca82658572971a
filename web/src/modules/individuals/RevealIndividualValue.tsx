import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../components/errors';
import { useCan } from '../auth/hooks';
import { type IndividualRevealField, useRevealIndividual } from './hooks';

interface Props {
  individualId: number;
  field: IndividualRevealField;
  /** The masked value as the server sent it. */
  masked: string | null | undefined;
  /** For the link's accessible name (显示张伟 手机号). */
  label: string;
}

/**
 * A guest's masked mobile / ID number with a 显示 link for holders of customers.reveal (as RevealValue
 * on the customer page): the server writes an audit entry; the answer lasts while the row is shown.
 */
export function RevealIndividualValue({ individualId, field, masked, label }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const reveal = useRevealIndividual(individualId);
  const notifyError = useNotifyError();
  const [value, setValue] = useState<string | null>(null);
  if (!masked) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
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
          onClick={() => reveal.mutate(field, { onSuccess: (answer) => setValue(answer?.value ?? t('common.none')), onError: notifyError })}
        >
          {t('customers.reveal')}
        </Button>
      ) : null}
    </Space>
  );
}
