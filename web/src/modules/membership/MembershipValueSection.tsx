import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/status';
import { useCustomerMembership, useMembershipRules } from './hooks';
import { formatPoints, tierColor } from './labels';

/** The value panel's 会员: tier, balance, next tier and the points missing (docs/regulations.md §3). */
export function MembershipValueSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = useCustomerMembership(customerId);
  const rules = useMembershipRules();
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data?.member;
  if (!q.data) return null;
  if (!m) return <Typography.Text type="secondary">{t('membership.value.notMember')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'no', label: t('membership.fields.memberNo'), children: <Link to={`/members/${m.id}`}>{m.memberNo}</Link> },
        { key: 'tier', label: t('membership.fields.tier'), children: <Tag color={tierColor(rules.data, m.tier)}>{m.tierLabel}</Tag> },
        { key: 'balance', label: t('membership.fields.balance'), children: t('membership.points', { points: formatPoints(m.balance) }) },
        {
          key: 'next',
          label: t('membership.fields.nextTier'),
          children: m.nextTier ? t('membership.nextTierValue', { tier: m.nextTier.label, missing: formatPoints(m.pointsToNextTier ?? 0) }) : t('membership.topTier'),
        },
      ]}
    />
  );
}
