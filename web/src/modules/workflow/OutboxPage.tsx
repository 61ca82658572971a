import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../api/contract/workflow';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useFailedDeliveries, useHeldDeliveries, useOutboxState, useResendFailed, useSettleHeld } from './hooks';

/**
 * Deliveries that gave up after their attempts (or a channel's error): an administrator sends one or all
 * again once the cause is fixed (issue 18 §3). Recipients come masked from the server.
 */
function FailedDeliveries() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const failed = useFailedDeliveries(page, pageSize);
  const resend = useResendFailed();
  const total = failed.data?.total ?? 0;
  const run = (target: { ids: number[] } | { all: true }) =>
    resend.mutate(target, {
      onSuccess: (r) => void message.success(t('workflow.outbox.resent', { count: r.count })),
      onError: (err) => void message.error(describe(err)),
    });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('workflow.outbox.failedTitle')}
      </Typography.Title>
      {failed.isError ? <LoadError error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      <Space style={{ marginBottom: 12 }} wrap>
        <Popconfirm title={t('workflow.outbox.resendAllConfirm', { count: total })} onConfirm={() => run({ all: true })} disabled={total === 0}>
          <Button type="primary" disabled={total === 0} loading={resend.isPending}>
            {t('workflow.outbox.resendAll')}
          </Button>
        </Popconfirm>
      </Space>
      <Table<Delivery>
        rowKey="id"
        loading={failed.isPending}
        dataSource={failed.data?.items ?? []}
        locale={{ emptyText: t('workflow.outbox.failedEmpty') }}
        pagination={{ current: page, pageSize, total, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('workflow.outbox.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString() },
          { title: t('workflow.outbox.channel'), dataIndex: 'channel', width: 110, render: (v: string) => <Tag>{t(`workflow.outbox.channels.${v}`, { defaultValue: v })}</Tag> },
          { title: t('workflow.outbox.recipient'), dataIndex: 'recipient', width: 200, render: (v: string | null) => v ?? t('workflow.outbox.group') },
          { title: t('workflow.outbox.error'), dataIndex: 'lastError', render: (v: string | null) => v ?? '' },
          { title: t('workflow.outbox.attempts'), dataIndex: 'attempts', width: 90 },
          {
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, d) => (
              <Button size="small" onClick={() => run({ ids: [d.id] })}>
                {t('workflow.outbox.resend')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

/**
 * Held outgoing messages (GUANXI_OUTBOX=hold, e.g. a restored copy in a drill): nothing reaches
 * e-mail or the group robots until an administrator releases it here; discarding drops it for good.
 */
export default function OutboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const state = useOutboxState();
  const held = useHeldDeliveries(page, pageSize);
  const settle = useSettleHeld();

  const run = (action: 'release' | 'discard', target: { ids: number[] } | { all: true }) =>
    settle.mutate(
      { action, ...target },
      {
        onSuccess: (r) => void message.success(t(action === 'release' ? 'workflow.outbox.released' : 'workflow.outbox.discarded', { count: r.count })),
        onError: (err) => void message.error(describe(err)),
      },
    );

  const total = held.data?.total ?? 0;
  return (
    <PageContainer title={t('workflow.outbox.title')}>
      {state.data ? (
        <Alert
          type={state.data.mode === 'hold' ? 'warning' : 'info'}
          showIcon
          title={state.data.mode === 'hold' ? t('workflow.outbox.modeHold') : t('workflow.outbox.modeSend')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {held.isError ? <LoadError error={held.error} onRetry={() => void held.refetch()} /> : null}
      <Space style={{ marginBottom: 12 }} wrap>
        <Popconfirm title={t('workflow.outbox.releaseAllConfirm', { count: total })} onConfirm={() => run('release', { all: true })} disabled={total === 0}>
          <Button type="primary" disabled={total === 0} loading={settle.isPending}>
            {t('workflow.outbox.releaseAll')}
          </Button>
        </Popconfirm>
        <Popconfirm title={t('workflow.outbox.discardAllConfirm', { count: total })} onConfirm={() => run('discard', { all: true })} disabled={total === 0}>
          <Button danger disabled={total === 0} loading={settle.isPending}>
            {t('workflow.outbox.discardAll')}
          </Button>
        </Popconfirm>
      </Space>
      <Table<Delivery>
        rowKey="id"
        loading={held.isPending}
        dataSource={held.data?.items ?? []}
        locale={{ emptyText: t('workflow.outbox.empty') }}
        pagination={{ current: page, pageSize, total, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('workflow.outbox.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString() },
          { title: t('workflow.outbox.channel'), dataIndex: 'channel', width: 110, render: (v: string) => <Tag>{t(`workflow.outbox.channels.${v}`, { defaultValue: v })}</Tag> },
          { title: t('workflow.outbox.recipient'), dataIndex: 'recipient', width: 200, render: (v: string | null) => v ?? t('workflow.outbox.group') },
          { title: t('workflow.outbox.subject'), dataIndex: 'subject' },
          {
            title: t('common.actions'),
            width: 160,
            render: (_: unknown, d) => (
              <Space size={4}>
                <Button size="small" onClick={() => run('release', { ids: [d.id] })}>
                  {t('workflow.outbox.release')}
                </Button>
                <Popconfirm title={t('workflow.outbox.discardConfirm')} onConfirm={() => run('discard', { ids: [d.id] })}>
                  <Button size="small" danger>
                    {t('workflow.outbox.discard')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FailedDeliveries />
    </PageContainer>
  );
}
