import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Member } from '../../api/contract/membership';
import { type ChartOption, EChart } from '../../components/EChart';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { EnrolModal } from './forms';
import { useDistribution, useMembers, useMembershipRules } from './hooks';
import { formatPoints, langOf, tierColor } from './labels';

const HOLDERS = ['customer', 'individual'] as const;

/** /members — members with tier and points balance (docs/regulations.md §3), the tier distribution above. */
export default function MembersPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const can = useCan();
  const navigate = useNavigate();
  const [enrolling, setEnrolling] = useState(false);
  const rules = useMembershipRules();
  const tiers = [...(rules.data?.tiers ?? [])].sort((a, b) => b.minPoints - a.minPoints);
  const list = useListState([
    { name: 'q', kind: 'text', label: t('membership.searchLabel'), placeholder: t('membership.searchPlaceholder'), width: 300, search: t('common.search'), live: true },
    { name: 'tier', kind: 'select', allowed: tiers.map((x) => x.key), label: t('membership.fields.tier'), placeholder: t('membership.allTiers'), width: 140, options: tiers.map((x) => ({ value: x.key, label: x.label[lang] })) },
    { name: 'holder', kind: 'select', allowed: HOLDERS, label: t('membership.holderKind'), placeholder: t('membership.allHolders'), width: 180, options: HOLDERS.map((h) => ({ value: h, label: t(`membership.holderKinds.${h}`) })) },
  ]);
  const { state } = list;
  const members = useMembers({
    q: state.filters.q,
    tier: state.filters.tier,
    holder: state.filters.holder as Member['holderKind'] | undefined,
    sort: state.sort,
    page: state.page,
    pageSize: state.pageSize,
  });
  const distribution = useDistribution();

  const option = useMemo<ChartOption>(() => {
    const rows = distribution.data?.tiers ?? [];
    return {
      tooltip: {},
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => r.label) },
      yAxis: { type: 'value', minInterval: 1, name: t('membership.distribution.count') },
      series: [{ type: 'bar', data: rows.map((r) => r.count), label: { show: true, position: 'top' } }],
    };
  }, [distribution.data, t]);

  const columns: ListColumn<Member>[] = [
    { key: 'memberNo', title: t('membership.fields.memberNo'), dataIndex: 'memberNo', width: 140, sorter: true, render: (v: string, r) => <Link to={`/members/${r.id}`}>{v}</Link> },
    {
      key: 'holder',
      title: t('membership.fields.holder'),
      dataIndex: 'holderName',
      width: 220,
      render: (v: string, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{v}</Link> : v),
    },
    { key: 'holderKind', title: t('membership.holderKind'), dataIndex: 'holderKind', width: 140, render: (v: Member['holderKind']) => t(`membership.holderKinds.${v}`) },
    { key: 'tier', title: t('membership.fields.tier'), dataIndex: 'tierLabel', width: 100, render: (v: string, r) => <Tag color={tierColor(rules.data, r.tier)}>{v}</Tag> },
    { key: 'balance', title: t('membership.fields.balance'), dataIndex: 'balance', width: 120, align: 'right', sorter: true, render: (v: number) => formatPoints(v) },
    { key: 'accumulated', title: t('membership.fields.accumulated'), dataIndex: 'accumulated', width: 120, align: 'right', render: (v: number) => formatPoints(v) },
    {
      key: 'nextTier',
      title: t('membership.fields.nextTier'),
      width: 180,
      render: (_, r) => (r.nextTier ? t('membership.nextTierValue', { tier: r.nextTier.label, missing: formatPoints(r.pointsToNextTier ?? 0) }) : <Typography.Text type="secondary">{t('membership.topTier')}</Typography.Text>),
    },
    { key: 'joinedOn', title: t('membership.fields.joinedOn'), dataIndex: 'joinedOn', width: 110, sorter: true },
  ];

  return (
    <PageContainer
      title={t('membership.title')}
      extra={
        can('membership.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEnrolling(true)}>
            {t('membership.enrol')}
          </Button>
        ) : undefined
      }
    >
      <Card size="small" title={t('membership.distribution.title')} style={{ marginBottom: 16 }}>
        <EChart option={option} height={220} label={t('membership.distribution.chart')} />
      </Card>
      <ListPage<Member>
        emptyHint={{ description: t('membership.emptyHint.description'), action: can('membership.manage') ? { label: t('membership.emptyHint.action'), onClick: () => setEnrolling(true) } : null }} list={list} formName="memberFilters" query={members} columns={columns} defaultSort="-balance" empty={t('membership.empty')} noMatch={t('membership.noMatch')} />
      {enrolling ? <EnrolModal open onClose={() => setEnrolling(false)} onDone={(id) => navigate(`/members/${id}`)} /> : null}
    </PageContainer>
  );
}
