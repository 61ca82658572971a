import { Button, Select, Space, Table, Tabs, Tag, Typography, App as AntApp } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ChurnRisk, LostRow, RfmRow, RfmSegment } from '../../api/contract/loyalty';
import { useNotifyError } from '../../components/errors';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useSession } from '../auth/hooks';
import { useChurnReason, useChurnRisks, useLostProposals, useMarkLost, useRfm, useRunLoyalty, yuan } from './hooks';
import { ReasonModal } from './ReasonModal';

export const SEGMENTS: RfmSegment[] = ['important_value', 'important_retain', 'important_develop', 'important_winback', 'general_value', 'general_retain', 'general_develop', 'general_winback'];
export const SEGMENT_COLOR: Record<RfmSegment, string> = {
  important_value: 'gold',
  important_retain: 'orange',
  important_develop: 'green',
  important_winback: 'red',
  general_value: 'blue',
  general_retain: 'cyan',
  general_develop: 'geekblue',
  general_winback: 'default',
};
const customerLink = (v: string, r: { customerId: number }) => <Link to={`/customers/${r.customerId}`}>{v}</Link>;

function ChurnTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const q = useChurnRisks();
  const save = useChurnReason();
  const [editing, setEditing] = useState<ChurnRisk | null>(null);
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const cols: TableColumnsType<ChurnRisk> = [
    { title: t('loyalty.customer'), dataIndex: 'customerName', width: 220, render: customerLink },
    { title: t('loyalty.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('loyalty.lastVisit'), dataIndex: 'lastVisit', width: 120, render: (v: string | null) => v ?? t('loyalty.neverVisited') },
    { title: t('loyalty.monthsSince'), dataIndex: 'monthsSince', width: 120, align: 'right', render: (v: number) => <Typography.Text type="danger">{t('loyalty.months', { count: v })}</Typography.Text> },
    { title: t('loyalty.riskSince'), dataIndex: 'riskSince', width: 120 },
    { title: t('loyalty.task'), dataIndex: 'taskId', width: 100, render: (v: number | null) => (v ? <Tag color="blue">{t('loyalty.taskMade')}</Tag> : null) },
    { title: t('loyalty.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('loyalty.noReason')}</Typography.Text> },
    ...(canManage
      ? [{ title: t('loyalty.actions'), key: 'a', width: 110, render: (_: unknown, r: ChurnRisk) => <Button size="small" onClick={() => setEditing(r)}>{t('loyalty.fillReason')}</Button> }]
      : []),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('loyalty.churnHint', { count: q.data?.months ?? 6 })}</Typography.Paragraph>
      <Table rowKey="customerId" size="small" loading={q.isLoading} columns={cols} dataSource={q.data?.rows ?? []} scroll={{ x: 1000 }} pagination={{ pageSize: 20 }} locale={{ emptyText: <EmptyListHint hint={{ description: t('loyalty.churnEmpty', { count: q.data?.months ?? 6 }) }} /> }} />
      <ReasonModal
        name="loyalty-churn-reason"
        open={!!editing}
        title={t('loyalty.churnReasonTitle', { customer: editing?.customerName ?? '' })}
        label={t('loyalty.reason')}
        pending={save.isPending}
        onClose={() => setEditing(null)}
        onSave={(reason, onError) => save.mutate({ customerId: editing!.customerId, reason }, { onSuccess: () => setEditing(null), onError })}
      />
    </>
  );
}

function LostTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const q = useLostProposals();
  const mark = useMarkLost();
  const { message } = AntApp.useApp();
  const [target, setTarget] = useState<LostRow | null>(null);
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const cols: TableColumnsType<LostRow> = [
    { title: t('loyalty.customer'), dataIndex: 'customerName', width: 220, render: customerLink },
    { title: t('loyalty.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('loyalty.lastPurchase'), dataIndex: 'lastPurchase', width: 120 },
    { title: t('loyalty.orders'), dataIndex: 'orders', width: 90, align: 'right' },
    { title: t('loyalty.amount'), dataIndex: 'amountCents', width: 140, align: 'right', render: yuan },
    ...(canManage
      ? [{ title: t('loyalty.actions'), key: 'a', width: 120, render: (_: unknown, r: LostRow) => <Button size="small" danger onClick={() => setTarget(r)}>{t('loyalty.markLost')}</Button> }]
      : []),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('loyalty.lostHint', { count: q.data?.months ?? 12 })}</Typography.Paragraph>
      <Table rowKey="customerId" size="small" loading={q.isLoading} columns={cols} dataSource={q.data?.rows ?? []} scroll={{ x: 800 }} pagination={{ pageSize: 20 }} locale={{ emptyText: <EmptyListHint hint={{ description: t('loyalty.lostEmpty', { count: q.data?.months ?? 12 }) }} /> }} />
      <ReasonModal
        name="loyalty-lost-reason"
        open={!!target}
        title={t('loyalty.markLostTitle', { customer: target?.customerName ?? '' })}
        label={t('loyalty.lostReason')}
        pending={mark.isPending}
        onClose={() => setTarget(null)}
        onSave={(reason, onError) =>
          mark.mutate(
            { customerId: target!.customerId, reason },
            {
              onSuccess: () => {
                setTarget(null);
                void message.success(t('loyalty.markedLost'));
              },
              onError,
            },
          )
        }
      />
    </>
  );
}

function RfmTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const segment = (SEGMENTS as string[]).includes(params.get('segment') ?? '') ? (params.get('segment') as RfmSegment) : undefined;
  const q = useRfm(segment);
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const cols: TableColumnsType<RfmRow> = [
    { title: t('loyalty.rank'), dataIndex: 'valueRank', width: 70, align: 'right' },
    { title: t('loyalty.customer'), dataIndex: 'customerName', width: 220, render: customerLink },
    { title: t('loyalty.owner'), dataIndex: 'ownerName', width: 100 },
    { title: 'R', dataIndex: 'r', width: 50, align: 'right' },
    { title: 'F', dataIndex: 'f', width: 50, align: 'right' },
    { title: 'M', dataIndex: 'm', width: 50, align: 'right' },
    { title: t('loyalty.segment'), dataIndex: 'segment', width: 130, render: (v: RfmSegment) => <Tag color={SEGMENT_COLOR[v]}>{t(`loyalty.segments.${v}`)}</Tag> },
    { title: t('loyalty.lastPurchase'), dataIndex: 'lastPurchase', width: 120 },
    { title: t('loyalty.orders'), dataIndex: 'orders', width: 90, align: 'right' },
    { title: t('loyalty.amount'), dataIndex: 'amountCents', width: 140, align: 'right', render: yuan },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('loyalty.segment')}
          style={{ width: 200 }}
          allowClear
          placeholder={t('loyalty.allSegments')}
          value={segment}
          options={SEGMENTS.map((s) => ({ value: s, label: t(`loyalty.segments.${s}`) }))}
          onChange={(v?: RfmSegment) => {
            const next = new URLSearchParams(params);
            if (v) next.set('segment', v);
            else next.delete('segment');
            setParams(next);
          }}
        />
        {q.data ? <Typography.Text type="secondary">{t('loyalty.window', { from: q.data.from, to: q.data.to })}</Typography.Text> : null}
      </Space>
      <Table rowKey="customerId" size="small" loading={q.isLoading} columns={cols} dataSource={q.data?.rows ?? []} scroll={{ x: 1000 }} pagination={{ pageSize: 20 }} locale={{ emptyText: <EmptyListHint hint={{ description: t('loyalty.rfmEmpty') }} /> }} />
      <Typography.Paragraph type="secondary">{t('loyalty.rfmHint')}</Typography.Paragraph>
    </>
  );
}

/** /loyalty — churn risks, customers proposed as lost, and the RFM value ranking (docs/regulations.md §16). */
export default function LoyaltyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const run = useRunLoyalty();
  const notifyError = useNotifyError();
  const { message } = AntApp.useApp();
  const can = (c: string) => !!session.data?.capabilities.includes(c);
  const tab = params.get('tab') ?? 'churn';
  return (
    <PageContainer
      title={t('loyalty.title')}
      extra={
        can('loyalty.run') ? (
          <Button loading={run.isPending} onClick={() => run.mutate(undefined, { onSuccess: (r) => void message.success(t('loyalty.ran', { count: r.created })), onError: notifyError })}>
            {t('loyalty.run')}
          </Button>
        ) : null
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(new URLSearchParams({ tab: k }))}
        items={[
          { key: 'churn', label: t('loyalty.tabs.churn'), children: <ChurnTab canManage={can('loyalty.manage')} /> },
          { key: 'lost', label: t('loyalty.tabs.lost'), children: <LostTab canManage={can('loyalty.manage')} /> },
          { key: 'rfm', label: t('loyalty.tabs.rfm'), children: <RfmTab /> },
        ]}
      />
    </PageContainer>
  );
}
