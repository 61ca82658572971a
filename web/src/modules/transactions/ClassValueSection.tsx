import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/status';
import { useTransactionSummary } from './hooks';
import { CLASS_COLOR, classLabel, formatYuan } from './labels';

/** The value panel's class by annual purchases: the class, why, and this year's and last year's net (docs/regulations.md §3). */
export function ClassValueSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const summary = useTransactionSummary(customerId);
  if (summary.isError && !summary.data) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  const cls = summary.data?.amountClass ?? null;
  const years = summary.data?.years ?? [];
  const latest = years.at(-1);
  const previous = years.at(-2);
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'class', label: t('transactions.value.class'), children: <Tag color={cls ? CLASS_COLOR[cls.amountClass] : undefined}>{classLabel(t, cls?.amountClass ?? null)}</Tag> },
        { key: 'reason', label: t('transactions.value.reason'), children: cls ? cls.reason : <Typography.Text type="secondary">{t('transactions.value.noPurchases')}</Typography.Text> },
        ...(latest ? [{ key: 'latest', label: t('transactions.value.netOfYear', { year: latest.year }), children: formatYuan(latest.net) }] : []),
        ...(previous ? [{ key: 'previous', label: t('transactions.value.netOfYear', { year: previous.year }), children: formatYuan(previous.net) }] : []),
      ]}
    />
  );
}
