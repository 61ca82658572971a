import { Card, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useRecords } from './hooks';
import { formatWan } from './labels';
import type { DevelopmentRecord } from '../../api/contract/development';

/** 客户开发记录: the records of won prospects, newest first; each opens its prospect (where 批示 is written). */
export default function RecordsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useRecords({ q: q || undefined, page, pageSize: 20 });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableColumnsType<DevelopmentRecord> = [
    { title: t('development.record.customerName'), dataIndex: 'customerName', width: 220, render: (v: string, r) => <Link to={`/development/prospects/${r.prospectId}`}>{v}</Link> },
    { title: t('development.records.archiveNo'), dataIndex: 'customerArchiveNo', width: 140, render: (v: string | null, r) => (v && r.customerId ? <Link to={`/customers/${r.customerId}`}>{v}</Link> : none) },
    { title: t('development.record.contactName'), dataIndex: 'contactName', width: 100, render: (v: string | null) => v || none },
    { title: t('development.record.contactPhone'), dataIndex: 'contactPhone', width: 130, render: (v: string | null) => v || none },
    { title: t('development.record.products'), dataIndex: 'products', width: 180, ellipsis: true, render: (v: string | null) => v || none },
    { title: t('development.record.firstDealAmount'), dataIndex: 'firstDealAmount', width: 150, align: 'right', render: (v: number | null) => (v === null ? none : formatWan(v)) },
    { title: t('development.record.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    {
      title: t('development.record.instruction'),
      dataIndex: 'instruction',
      width: 120,
      render: (v: string | null) => (v ? <Tag color="green">{t('development.records.instructed')}</Tag> : <Tag>{t('development.records.notInstructed')}</Tag>),
    },
    { title: t('development.fields.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <PageContainer title={t('development.records.title')}>
      <Card size={isMobile ? 'small' : 'default'}>
        <Input.Search
          allowClear
          aria-label={t('development.records.search')}
          placeholder={t('development.records.search')}
          onSearch={(v) => (setQ(v.trim()), setPage(1))}
          style={{ width: isMobile ? '100%' : 280, marginBottom: 12 }}
        />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DevelopmentRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1300 }}
            locale={{ emptyText: t('development.records.empty') }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
