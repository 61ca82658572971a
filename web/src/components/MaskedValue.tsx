import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from './errors';

interface Props {
  /** The masked value as the server sent it (138****1234). */
  masked: string | null | undefined;
  /** The field's label, for the link's accessible name (显示联系电话). */
  label: string;
  /** Whether the user holds the reveal right; without it only the masked value shows. */
  canReveal: boolean;
  pending: boolean;
  /** Asks the server for the clear value (the server writes the audit entry). */
  reveal: () => Promise<string | null | undefined>;
}

/** A masked personal value with a small 显示 link; the revealed value lasts until the page is left (issue 3 §9). */
export function MaskedValue({ masked, label, canReveal, pending, reveal }: Props) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [value, setValue] = useState<string | null>(null);
  if (!masked) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (value !== null) return <Typography.Text copyable>{value}</Typography.Text>;
  return (
    <Space size={4}>
      <span>{masked}</span>
      {canReveal ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          loading={pending}
          aria-label={t('customers.revealLabel', { field: label })}
          onClick={() => reveal().then((answer) => setValue(answer ?? t('common.none')), notifyError)}
        >
          {t('customers.reveal')}
        </Button>
      ) : null}
    </Space>
  );
}
