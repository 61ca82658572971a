import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useRecords } from './hooks';
import { formatWan } from './labels';
import type { DevelopmentRecord } from '../../api/contract/development';

/** 客户开发记录: the records of won prospects, newest first; each opens its prospect (where 批示 is written). */
export default function RecordsPage() {
  const { t } = useTranslation();
  const list = useListState([{ name: 'q', kind: 'text', ariaLabel: t('development.records.search'), placeholder: t('development.records.search'), width: 280, search: true }]);
  const records = useRecords({ q: list.state.filters.q, page: list.state.page, pageSize: list.state.pageSize });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: ListColumn<DevelopmentRecord>[] = [
    { key: 'customerName', title: t('development.record.customerName'), dataIndex: 'customerName', width: 220, render: (v: string, r) => <Link to={`/development/prospects/${r.prospectId}`}>{v}</Link> },
    { key: 'archiveNo', title: t('development.records.archiveNo'), dataIndex: 'customerArchiveNo', width: 140, render: (v: string | null, r) => (v && r.customerId ? <Link to={`/customers/${r.customerId}`}>{v}</Link> : none) },
    { key: 'contactName', title: t('development.record.contactName'), dataIndex: 'contactName', width: 100, render: (v: string | null) => v || none },
    { key: 'contactPhone', title: t('development.record.contactPhone'), dataIndex: 'contactPhone', width: 130, render: (v: string | null) => v || none },
    { key: 'products', title: t('development.record.products'), dataIndex: 'products', width: 180, ellipsis: true, render: (v: string | null) => v || none },
    { key: 'firstDealAmount', title: t('development.record.firstDealAmount'), dataIndex: 'firstDealAmount', width: 150, align: 'right', render: (v: number | null) => (v === null ? none : formatWan(v)) },
    { key: 'owner', title: t('development.record.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    {
      key: 'instruction',
      title: t('development.record.instruction'),
      dataIndex: 'instruction',
      width: 120,
      render: (v: string | null) => (v ? <Tag color="green">{t('development.records.instructed')}</Tag> : <Tag>{t('development.records.notInstructed')}</Tag>),
    },
    { key: 'createdAt', title: t('development.fields.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <PageContainer title={t('development.records.title')}>
      <ListPage<DevelopmentRecord>
        emptyHint={{ description: t('development.records.emptyHint.description'), action: null }} list={list} formName="developmentRecordFilters" query={records} columns={columns} empty={t('development.records.empty')} tableProps={{ scroll: { x: 1300 } }} />
    </PageContainer>
  );
}
