import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { RecordFormModal } from './forms';
import { OUTCOMES, type ReceptionRecord, useRecords } from './hooks';

const OUTCOME_COLOR: Record<ReceptionRecord['outcome'], string> = { resolved: 'green', promised: 'blue', sales: 'orange', unresolved: 'red' };

/** /reception/records — 客户接待记录表 with the outcome; a promise links to its task. */
export default function RecordsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [outcome, setOutcome] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const records = useRecords({ outcome, page });
  return (
    <PageContainer
      title={t('reception.records.title')}
      extra={
        can('reception.write') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('reception.records.create')}
          </Button>
        ) : null
      }
    >
      <Select
        aria-label={t('reception.fields.outcome')}
        placeholder={t('reception.fields.outcome')}
        allowClear
        style={{ width: 240, marginBottom: 16 }}
        value={outcome}
        onChange={(v) => {
          setOutcome(v);
          setPage(1);
        }}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`reception.outcomes.${o}`) }))}
      />
      {records.error ? <LoadError error={records.error} onRetry={() => void records.refetch()} /> : null}
      <Table<ReceptionRecord>
        rowKey="id"
        size="small"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        locale={{ emptyText: <EmptyListHint hint={{ description: t('reception.records.empty'), action: can('reception.write') ? { label: t('reception.records.create'), onClick: () => setCreating(true) } : null }} /> }}
        scroll={{ x: 1000 }}
        pagination={{ current: page, total: records.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'receivedOn', title: t('reception.fields.receivedOn'), dataIndex: 'receivedOn' },
          { key: 'visitorName', title: t('reception.fields.visitorName'), dataIndex: 'visitorName' },
          {
            key: 'organisation',
            title: t('reception.fields.organisation'),
            render: (_, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{r.customerName ?? r.organisation}</Link> : r.organisation),
          },
          { key: 'purpose', title: t('reception.fields.purpose'), dataIndex: 'purpose' },
          { key: 'requests', title: t('reception.fields.requests'), dataIndex: 'requests' },
          {
            key: 'outcome',
            title: t('reception.fields.outcome'),
            render: (_, r) => (
              <>
                <Tag color={OUTCOME_COLOR[r.outcome]}>{r.outcome === 'promised' ? t('reception.outcomePromisedDays', { days: r.promiseDays }) : t(`reception.outcomes.${r.outcome}`)}</Tag>
                {r.reason ? <div>{r.reason}</div> : null}
                {r.taskId ? <Link to={`/tasks/${r.taskId}`}>{t('reception.records.taskDue', { date: r.taskDue })}</Link> : null}
              </>
            ),
          },
          { key: 'receiver', title: t('reception.fields.receiver'), dataIndex: 'receiverName' },
        ]}
      />
      <RecordFormModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
