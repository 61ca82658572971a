import { App, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { PoolEntry } from '../../api/contract/pool';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useDescribeError } from '../../components/errors';
import { useCan } from '../auth/hooks';
import { useClaim, usePoolEntries, usePools, usePoolStatus } from './hooks';

const RULES = ['no_contact', 'no_deal', 'contract_ended'] as const;

/** /pool — 公海: the pools of the user's department, the customers in them with the reason, and the claim button (docs/regulations.md §8). */
export default function PoolPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const can = useCan();
  const canClaim = can('pool.claim');
  const pools = usePools();
  const [chosen, setChosen] = useState<number>();
  const poolId = chosen ?? pools.data?.[0]?.id;
  const [q, setQ] = useState('');
  const [rule, setRule] = useState<string>();
  const [page, setPage] = useState(1);
  const entries = usePoolEntries(poolId, { q: q || undefined, rule, page, pageSize: 20 });
  const status = usePoolStatus(canClaim);
  const claim = useClaim(poolId);

  const onClaim = (e: PoolEntry) =>
    claim.mutate(e.customerId, {
      onSuccess: () => void message.success(t('pool.claimed', { name: e.name })),
      // The server names the cap or the cooldown on the field; show that sentence.
      onError: (err) => void message.error(err instanceof ApiError && err.fields[0]?.message ? err.fields[0].message : describe(err)),
    });

  const columns: TableColumnsType<PoolEntry> = [
    { title: t('pool.customer'), key: 'name', render: (_, e) => (<Space direction="vertical" size={0}><span>{e.name}</span><Typography.Text type="secondary">{e.archiveNo}</Typography.Text></Space>) },
    { title: t('pool.grade'), dataIndex: 'grade', width: 80, render: (g: string | null) => g ?? '—' },
    { title: t('pool.industry'), dataIndex: 'industry', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('pool.reason'), key: 'reason', render: (_, e) => (<Space direction="vertical" size={0}><Tag>{t(`pool.rules.${e.rule}`)}</Tag><span>{e.reason}</span></Space>) },
    { title: t('pool.previousOwner'), dataIndex: 'previousOwnerName', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('pool.releasedAt'), dataIndex: 'releasedAt', width: 120, render: (v: string) => new Date(v).toLocaleDateString() },
    ...(canClaim
      ? [
          {
            title: t('pool.actions'),
            key: 'claim',
            width: 150,
            render: (_: unknown, e: PoolEntry) =>
              e.cooldownUntil ? (
                <Typography.Text type="secondary">{t('pool.cooldownUntil', { date: e.cooldownUntil })}</Typography.Text>
              ) : (
                <Button size="small" type="primary" loading={claim.isPending && claim.variables === e.customerId} onClick={() => onClaim(e)} aria-label={`${t('pool.claim')} ${e.name}`}>
                  {t('pool.claim')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  if (pools.isError && !pools.data) return <PageContainer title={t('pool.title')}><LoadError error={pools.error} onRetry={() => void pools.refetch()} /></PageContainer>;
  return (
    <PageContainer
      title={t('pool.title')}
      extra={
        status.data && (
          <Typography.Text type="secondary">
            {t('pool.status', { claimed: status.data.claimedToday, cap: status.data.dailyCap, holding: status.data.holding, holdingCap: status.data.holdingCap })}
          </Typography.Text>
        )
      }
    >
      {pools.data && pools.data.length === 0 ? (
        <Card size="small"><Empty description={t('pool.noPools')} /></Card>
      ) : (
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('pool.pool')}
              style={{ minWidth: 220 }}
              value={poolId}
              onChange={(v) => { setChosen(v); setPage(1); }}
              options={(pools.data ?? []).map((p) => ({ value: p.id, label: t('pool.poolOption', { name: p.name, count: p.customerCount }) }))}
            />
            <Input.Search aria-label={t('pool.search')} placeholder={t('pool.search')} allowClear onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 240 }} />
            <Select
              aria-label={t('pool.reason')}
              placeholder={t('pool.allReasons')}
              allowClear
              style={{ minWidth: 160 }}
              value={rule}
              onChange={(v) => { setRule(v); setPage(1); }}
              options={RULES.map((r) => ({ value: r, label: t(`pool.rules.${r}`) }))}
            />
          </Space>
          {entries.isError && !entries.data ? (
            <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
          ) : (
            <Table<PoolEntry>
              rowKey="customerId"
              size="small"
              columns={columns}
              dataSource={entries.data?.items ?? []}
              loading={entries.isFetching}
              locale={{ emptyText: t('pool.empty') }}
              pagination={{ current: page, pageSize: 20, total: entries.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            />
          )}
        </Card>
      )}
    </PageContainer>
  );
}
