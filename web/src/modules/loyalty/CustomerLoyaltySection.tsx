import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/status';
import { useCustomerLoyalty, yuan } from './hooks';
import { SEGMENT_COLOR } from './LoyaltyPage';

/** The value panel's loyalty: RFM scores, segment and value rank, the last purchase, and the churn state (docs/regulations.md §16). */
export function CustomerLoyaltySection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = useCustomerLoyalty(customerId);
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const none = (key: string) => <Typography.Text type="secondary">{t(key)}</Typography.Text>;
  const r = d?.rfm;
  const c = d?.churn;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'segment',
          label: t('loyalty.segment'),
          children: r ? <Tag color={SEGMENT_COLOR[r.segment]}>{t(`loyalty.segments.${r.segment}`)}</Tag> : none('loyalty.noPurchasesInWindow'),
        },
        ...(r
          ? [
              { key: 'rfm', label: t('loyalty.scores'), children: t('loyalty.scoreValue', { r: r.r, f: r.f, m: r.m }) },
              { key: 'rank', label: t('loyalty.rank'), children: t('loyalty.rankValue', { rank: r.valueRank, total: r.population }) },
              { key: 'amount', label: t('loyalty.windowAmount'), children: t('loyalty.windowAmountValue', { orders: r.orders, amount: yuan(r.amountCents) }) },
            ]
          : []),
        { key: 'last', label: t('loyalty.lastPurchase'), children: d?.lastPurchase ?? none('loyalty.noPurchase') },
        {
          key: 'churn',
          label: t('loyalty.churnState'),
          children: !c ? (
            none('loyalty.notJudged')
          ) : c.atRisk ? (
            <>
              <Tag color="red">{t('loyalty.atRisk', { count: c.monthsSince })}</Tag>
              {c.reason ? <Typography.Text>{c.reason}</Typography.Text> : null}
            </>
          ) : (
            <Tag color="green">{t('loyalty.notAtRisk', { count: c.monthsSince })}</Tag>
          ),
        },
      ]}
    />
  );
}
