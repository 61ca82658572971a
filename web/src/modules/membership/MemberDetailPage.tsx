import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { LedgerEntry, MemberDetail, TierChange } from '../../api/contract/membership';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { AdjustModal, RedeemModal } from './forms';
import { useMember, useMembershipRules, useProcess } from './hooks';
import { formatPoints, formatYuan, tierColor } from './labels';

/** /members/:id — a member: tier, balance, next tier, the points ledger and tier history; adjust and redeem. */
export default function MemberDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const member = useMember(id);
  return (
    <RecordGate id={id} query={member} notFound={<NotFound message={t('membership.notFound')} back={{ to: '/members', label: t('membership.back') }} />}>
      {(m) => <Member member={m} />}
    </RecordGate>
  );
}

function Member({ member: m }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const rules = useMembershipRules();
  const process = useProcess(m.id);
  const [adjusting, setAdjusting] = useState(false);
  const [redeeming, setRedeeming] = useState(false);

  const detail = (e: LedgerEntry) => {
    if (e.sourceKind === 'transaction') return t('membership.ledger.transaction', { id: e.sourceId, amount: formatYuan(e.amount ?? 0) });
    if (e.sourceKind === 'return') return t('membership.ledger.return', { id: e.sourceId, amount: formatYuan(e.amount ?? 0) });
    if (e.giftName) return t('membership.ledger.gift', { gift: e.giftName, quantity: e.quantity ?? 1 });
    return e.reason ?? '';
  };

  return (
    <PageContainer
      title={t('common.withNote', { text: m.holderName, note: m.memberNo })}
      extra={
        <>
          <Link to="/members">
            <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('membership.back')}</Button>
          </Link>
          {can('membership.manage') && m.customerId ? (
            <Button
              loading={process.isPending}
              onClick={() => process.mutate(undefined, { onSuccess: (r) => void message.success(t('membership.processed', { count: r.written })), onError: notifyError })}
            >
              {t('membership.process')}
            </Button>
          ) : null}
          {can('membership.redeem') ? <Button onClick={() => setRedeeming(true)}>{t('membership.redeem.button')}</Button> : null}
          {can('membership.adjust') ? (
            <Button type="primary" onClick={() => setAdjusting(true)}>
              {t('membership.adjust.button')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'holder',
              label: t('membership.fields.holder'),
              children: m.customerId ? <Link to={`/customers/${m.customerId}`}>{m.holderName}</Link> : m.holderName,
            },
            { key: 'kind', label: t('membership.holderKind'), children: t(`membership.holderKinds.${m.holderKind}`) },
            { key: 'tier', label: t('membership.fields.tier'), children: <Tag color={tierColor(rules.data, m.tier)}>{m.tierLabel}</Tag> },
            { key: 'balance', label: t('membership.fields.balance'), children: t('membership.points', { points: formatPoints(m.balance) }) },
            { key: 'accumulated', label: t('membership.fields.accumulated'), children: t('membership.points', { points: formatPoints(m.accumulated) }) },
            {
              key: 'next',
              label: t('membership.fields.nextTier'),
              children: m.nextTier ? t('membership.nextTierValue', { tier: m.nextTier.label, missing: formatPoints(m.pointsToNextTier ?? 0) }) : t('membership.topTier'),
            },
            { key: 'joined', label: t('membership.fields.joinedOn'), children: m.joinedOn },
          ]}
        />
      </Card>

      <Card size="small" title={t('membership.ledger.title')} style={{ marginTop: 16 }}>
        <Table<LedgerEntry>
          rowKey="id"
          size="small"
          scroll={{ x: 800 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={m.ledger}
          locale={{ emptyText: t('membership.ledger.empty') }}
          columns={[
            { title: t('membership.ledger.date'), dataIndex: 'occurredOn', width: 110 },
            { title: t('membership.ledger.kind'), dataIndex: 'kind', width: 120, render: (v: LedgerEntry['kind']) => t(`membership.ledger.kinds.${v}`) },
            {
              title: t('membership.ledger.points'),
              dataIndex: 'points',
              width: 110,
              align: 'right',
              render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : undefined}>{v > 0 ? `+${formatPoints(v)}` : formatPoints(v)}</Typography.Text>,
            },
            { title: t('membership.ledger.detail'), key: 'detail', render: (_, e) => detail(e) },
            { title: t('membership.ledger.by'), dataIndex: 'actorName', width: 100 },
            { title: t('membership.ledger.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>

      <Card size="small" title={t('membership.tierHistory.title')} style={{ marginTop: 16 }}>
        <Table<TierChange>
          rowKey="id"
          size="small"
          scroll={{ x: 700 }}
          pagination={false}
          dataSource={m.tierChanges}
          locale={{ emptyText: t('membership.tierHistory.empty') }}
          columns={[
            { title: t('membership.ledger.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
            { title: t('membership.tierHistory.change'), key: 'change', width: 160, render: (_, c) => `${c.oldTierLabel ?? '—'} → ${c.newTierLabel}` },
            { title: t('membership.tierHistory.reason'), dataIndex: 'reason' },
            { title: t('membership.ledger.by'), dataIndex: 'actorName', width: 100 },
          ]}
        />
      </Card>
      {adjusting ? <AdjustModal member={m} open onClose={() => setAdjusting(false)} /> : null}
      {redeeming ? <RedeemModal member={m} open onClose={() => setRedeeming(false)} /> : null}
    </PageContainer>
  );
}
