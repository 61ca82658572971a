import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/status';
import { useCustomerCredit } from './hooks';
import { LEVEL_COLOR, type RiskLevel } from './types';

const LEVELS: RiskLevel[] = ['high', 'medium', 'low'];

/** The value panel's credit: rating, limit, terms and the open risks by level (docs/regulations.md §5). */
export function CreditValueSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const credit = useCustomerCredit(customerId);
  if (credit.isError && !credit.data) return <LoadError error={credit.error} onRetry={() => void credit.refetch()} />;
  const c = credit.data;
  const none = <Typography.Text type="secondary">{t('credit.noSurvey')}</Typography.Text>;
  const open = (c?.risks ?? []).filter((r) => r.status === 'open');
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'rating',
          label: t('credit.rating'),
          children: c?.rating ? (
            <>
              <Tag color={c.adjustment ? 'red' : 'blue'}>{c.rating.label}</Tag>
              {c.adjustment ? <Typography.Text type="danger">{t('credit.adjusted', { computed: c.adjustment.computedLabel, levels: c.adjustment.levelsDown })}</Typography.Text> : null}
            </>
          ) : (
            none
          ),
        },
        { key: 'limit', label: t('credit.limit'), children: c?.creditLimitWan != null ? t('credit.limitValue', { value: c.creditLimitWan }) : none },
        {
          key: 'terms',
          label: t('credit.terms'),
          children: c?.paymentTermsDays != null ? (c.paymentTermsDays === 0 ? t('credit.cashOnDelivery') : t('credit.termsValue', { days: c.paymentTermsDays })) : none,
        },
        {
          key: 'risks',
          label: t('credit.value.openRisks'),
          children:
            open.length === 0 ? (
              <Typography.Text type="secondary">{t('credit.value.noOpenRisks')}</Typography.Text>
            ) : (
              <Space size={4} wrap>
                {LEVELS.map((level) => {
                  const n = open.filter((r) => r.level === level).length;
                  return n > 0 ? (
                    <Tag key={level} color={LEVEL_COLOR[level]}>
                      {t('credit.value.risksOfLevel', { level: t(`credit.risk.levels.${level}`), count: n })}
                    </Tag>
                  ) : null;
                })}
              </Space>
            ),
        },
      ]}
    />
  );
}
