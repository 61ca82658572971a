import { Card, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/status';
import { receptionKeys, type ReceptionRecord, type Tour, TOUR_STATUS_COLOR } from './hooks';

/** 接待 tab on the customer page: the customer's reception records and tours, newest first. */
export function CustomerReceptionTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const records = useQuery({
    queryKey: receptionKeys.records({ customerId }),
    queryFn: ({ signal }) => api.get('/api/reception/records', { customerId, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
  const tours = useQuery({
    queryKey: receptionKeys.tours({ customerId }),
    queryFn: ({ signal }) => api.get('/api/reception/tours', { customerId, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Card size="small" title={t('reception.records.title')} style={{ marginBottom: 16 }}>
        {records.error ? <LoadError error={records.error} onRetry={() => void records.refetch()} /> : null}
        <Table<ReceptionRecord>
          rowKey="id"
          size="small"
          loading={records.isFetching}
          dataSource={records.data?.items ?? []}
          pagination={false}
          scroll={{ x: 700 }}
          columns={[
            { key: 'receivedOn', title: t('reception.fields.receivedOn'), dataIndex: 'receivedOn' },
            { key: 'visitorName', title: t('reception.fields.visitorName'), dataIndex: 'visitorName' },
            { key: 'purpose', title: t('reception.fields.purpose'), dataIndex: 'purpose' },
            {
              key: 'outcome',
              title: t('reception.fields.outcome'),
              render: (_, r) => (r.outcome === 'promised' ? t('reception.outcomePromisedDays', { days: r.promiseDays }) : t(`reception.outcomes.${r.outcome}`)),
            },
            { key: 'receiver', title: t('reception.fields.receiver'), dataIndex: 'receiverName' },
          ]}
        />
      </Card>
      <Card size="small" title={t('reception.tours.title')}>
        {tours.error ? <LoadError error={tours.error} onRetry={() => void tours.refetch()} /> : null}
        <Table<Tour>
          rowKey="id"
          size="small"
          loading={tours.isFetching}
          dataSource={tours.data?.items ?? []}
          pagination={false}
          scroll={{ x: 600 }}
          columns={[
            { key: 'scheduledAt', title: t('reception.fields.scheduledAt'), render: (_, r) => <Link to={`/reception/tours/${r.id}`}>{formatDateTime(r.scheduledAt)}</Link> },
            { key: 'tourType', title: t('reception.fields.tourType'), render: (_, r) => t(`reception.tourTypes.${r.tourType}`) },
            { key: 'status', title: t('reception.fields.status'), render: (_, r) => <Tag color={TOUR_STATUS_COLOR[r.status]}>{t(`reception.tourStatuses.${r.status}`)}</Tag> },
            { key: 'permitNo', title: t('reception.fields.permitNo'), dataIndex: 'permitNo' },
          ]}
        />
      </Card>
    </>
  );
}
