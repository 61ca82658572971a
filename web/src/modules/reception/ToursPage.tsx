import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { TourFormModal } from './forms';
import { type Tour, TOUR_STATUS_COLOR, useTours } from './hooks';

const STATUSES: Tour['status'][] = ['pending', 'returned', 'approved', 'rejected', 'withdrawn', 'in_progress', 'completed'];

/** /reception/tours — 参观 applications with their approval state and permit number. */
export default function ToursPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const tours = useTours({ status, page });
  return (
    <PageContainer
      title={t('reception.tours.title')}
      extra={
        can('reception.write') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('reception.tours.create')}
          </Button>
        ) : null
      }
    >
      <Select
        aria-label={t('reception.fields.status')}
        placeholder={t('reception.fields.status')}
        allowClear
        style={{ width: 200, marginBottom: 16 }}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={STATUSES.map((s) => ({ value: s, label: t(`reception.tourStatuses.${s}`) }))}
      />
      {tours.error ? <LoadError error={tours.error} onRetry={() => void tours.refetch()} /> : null}
      <Table<Tour>
        rowKey="id"
        size="small"
        loading={tours.isFetching}
        dataSource={tours.data?.items ?? []}
        locale={{ emptyText: <EmptyListHint hint={{ description: t('reception.tours.empty'), action: can('reception.write') ? { label: t('reception.tours.create'), onClick: () => setCreating(true) } : null }} /> }}
        scroll={{ x: 900 }}
        pagination={{ current: page, total: tours.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'scheduledAt', title: t('reception.fields.scheduledAt'), render: (_, r) => <Link to={`/reception/tours/${r.id}`}>{formatDateTime(r.scheduledAt)}</Link> },
          { key: 'organisation', title: t('reception.fields.organisation'), render: (_, r) => r.customerName ?? r.organisation },
          { key: 'tourType', title: t('reception.fields.tourType'), render: (_, r) => t(`reception.tourTypes.${r.tourType}`) },
          { key: 'visitorsCount', title: t('reception.fields.visitorsCount'), dataIndex: 'visitorsCount' },
          { key: 'status', title: t('reception.fields.status'), render: (_, r) => <Tag color={TOUR_STATUS_COLOR[r.status]}>{t(`reception.tourStatuses.${r.status}`)}</Tag> },
          { key: 'permitNo', title: t('reception.fields.permitNo'), dataIndex: 'permitNo' },
          { key: 'applicant', title: t('reception.fields.applicant'), dataIndex: 'applicantName' },
        ]}
      />
      <TourFormModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
