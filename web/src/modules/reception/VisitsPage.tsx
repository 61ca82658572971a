import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { saveBlob } from '../../components/download';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { MaskedValue } from '../../components/MaskedValue';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { RecordFormModal, VisitFormModal } from './forms';
import { exportVisits, type ReceptionVisit, useRevealVisit, useUpdateVisit, useVisits } from './hooks';

/** /reception/visits — 客户来访登记表: phone and ID number masked, revealed one at a time (audit-logged). */
export default function VisitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const notifyError = useNotifyError();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [recordFor, setRecordFor] = useState<ReceptionVisit | null>(null);
  const [exporting, setExporting] = useState(false);
  const visits = useVisits({ q: q || undefined, page });
  const reveal = useRevealVisit();
  const download = () => {
    setExporting(true);
    exportVisits(q || undefined)
      .then(({ blob, filename }) => saveBlob(blob, filename ?? `${t('reception.visits.title')}.xlsx`), notifyError)
      .finally(() => setExporting(false));
  };
  const masked = (r: ReceptionVisit, field: 'phone' | 'idNumber') => (
    <MaskedValue
      masked={r[field]}
      label={t(`reception.fields.${field}`)}
      canReveal={can('reception.reveal')}
      pending={reveal.isPending && reveal.variables?.id === r.id && reveal.variables.field === field}
      reveal={() => reveal.mutateAsync({ id: r.id, field }).then((a) => a.value)}
    />
  );
  return (
    <PageContainer
      title={t('reception.visits.title')}
      extra={
        <>
          <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={download}>
            {t('reception.export')}
          </Button>
          {can('reception.write') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('reception.visits.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Input.Search
        aria-label={t('reception.visits.search')}
        placeholder={t('reception.visits.search')}
        allowClear
        style={{ maxWidth: 360, marginBottom: 16 }}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
      />
      {visits.error ? <LoadError error={visits.error} onRetry={() => void visits.refetch()} /> : null}
      <Table<ReceptionVisit>
        rowKey="id"
        size="small"
        loading={visits.isFetching}
        dataSource={visits.data?.items ?? []}
        locale={{ emptyText: <EmptyListHint hint={{ description: t('reception.visits.empty'), action: can('reception.write') ? { label: t('reception.visits.create'), onClick: () => setCreating(true) } : null }} /> }}
        scroll={{ x: 1100 }}
        pagination={{ current: page, total: visits.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'visitorName', title: t('reception.fields.visitorName'), dataIndex: 'visitorName' },
          {
            key: 'organisation',
            title: t('reception.fields.organisation'),
            render: (_, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{r.customerName ?? r.organisation}</Link> : r.organisation),
          },
          { key: 'phone', title: t('reception.fields.phone'), render: (_, r) => masked(r, 'phone') },
          { key: 'idNumber', title: t('reception.fields.idNumber'), render: (_, r) => masked(r, 'idNumber') },
          { key: 'receiver', title: t('reception.fields.receiver'), dataIndex: 'receiverName' },
          { key: 'arrivedAt', title: t('reception.fields.arrivedAt'), render: (_, r) => formatDateTime(r.arrivedAt) },
          { key: 'departedAt', title: t('reception.fields.departedAt'), render: (_, r) => (r.departedAt ? formatDateTime(r.departedAt) : <DepartButton visit={r} />) },
          {
            key: 'actions',
            title: t('reception.actions'),
            render: (_, r) =>
              can('reception.write') ? (
                <Button size="small" onClick={() => setRecordFor(r)} aria-label={t('reception.visits.recordFor', { name: r.visitorName })}>
                  {t('reception.records.create')}
                </Button>
              ) : null,
          },
        ]}
      />
      <VisitFormModal open={creating} onClose={() => setCreating(false)} />
      <RecordFormModal key={recordFor?.id ?? 0} open={!!recordFor} visit={recordFor} onClose={() => setRecordFor(null)} />
    </PageContainer>
  );
}

function DepartButton({ visit }: { visit: ReceptionVisit }) {
  const { t } = useTranslation();
  const can = useCan();
  const notifyError = useNotifyError();
  const update = useUpdateVisit(visit.id);
  if (!can('reception.write')) return null;
  return (
    <Space>
      <Button size="small" loading={update.isPending} onClick={() => update.mutate({ departedAt: new Date().toISOString(), version: visit.version }, { onError: notifyError })}>
        {t('reception.visits.depart')}
      </Button>
    </Space>
  );
}
