import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useCan } from '../auth/hooks';
import { BanquetFormModal } from './forms';
import { type Banquet, BANQUET_DOCUMENT_TYPE, BANQUET_STATUS_COLOR, useBanquetHeld, useBanquets } from './hooks';

/** /reception/banquets — 宴请: the director approves first; an emergency is marked and its approval follows. */
export default function BanquetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const notifyError = useNotifyError();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const banquets = useBanquets({ page });
  const held = useBanquetHeld();
  return (
    <PageContainer
      title={t('reception.banquets.title')}
      extra={
        can('reception.write') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('reception.banquets.create')}
          </Button>
        ) : null
      }
    >
      {banquets.error ? <LoadError error={banquets.error} onRetry={() => void banquets.refetch()} /> : null}
      <Table<Banquet>
        rowKey="id"
        size="small"
        loading={banquets.isFetching}
        dataSource={banquets.data?.items ?? []}
        locale={{ emptyText: <EmptyListHint hint={{ description: t('reception.banquets.empty'), action: can('reception.write') ? { label: t('reception.banquets.create'), onClick: () => setCreating(true) } : null }} /> }}
        scroll={{ x: 1000 }}
        pagination={{ current: page, total: banquets.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        expandable={{ expandedRowRender: (r) => <ApprovalPanel documentType={BANQUET_DOCUMENT_TYPE} documentId={r.id} /> }}
        columns={[
          { key: 'heldOn', title: t('reception.fields.heldOn'), dataIndex: 'heldOn' },
          {
            key: 'organisation',
            title: t('reception.fields.organisation'),
            render: (_, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{r.customerName ?? r.organisation}</Link> : r.organisation),
          },
          { key: 'guests', title: t('reception.fields.guests'), render: (_, r) => t('reception.banquets.guestsValue', { guests: r.guests, count: r.guestCount }) },
          { key: 'place', title: t('reception.fields.place'), dataIndex: 'place' },
          { key: 'budget', title: t('reception.fields.budget'), render: (_, r) => t('reception.banquets.budgetValue', { value: r.budget.toFixed(2) }) },
          {
            key: 'status',
            title: t('reception.fields.status'),
            render: (_, r) => (
              <>
                <Tag color={BANQUET_STATUS_COLOR[r.status]}>{t(`reception.banquetStatuses.${r.status}`)}</Tag>
                {r.emergency ? <Tag color="red">{t('reception.banquets.emergencyTag')}</Tag> : null}
                {r.emergencyReason ? <div>{r.emergencyReason}</div> : null}
              </>
            ),
          },
          { key: 'heldAt', title: t('reception.fields.heldAt'), render: (_, r) => (r.heldAt ? formatDateTime(r.heldAt) : t('reception.banquets.notHeld')) },
          {
            key: 'actions',
            title: t('reception.actions'),
            render: (_, r) =>
              can('reception.write') && r.status === 'approved' && !r.heldAt ? (
                <Button size="small" loading={held.isPending && held.variables?.id === r.id} onClick={() => held.mutate({ id: r.id, version: r.version }, { onError: notifyError })}>
                  {t('reception.banquets.markHeld')}
                </Button>
              ) : null,
          },
        ]}
      />
      <BanquetFormModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
