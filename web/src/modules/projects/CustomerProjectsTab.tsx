import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProjectSummary } from '../../api/contract/projects';
import { CustomerRecordsTable } from '../../components/CustomerRecordsTable';
import { formatDateTime } from '../../components/format';
import { useCustomerProjects } from './hooks';
import { STATUS_COLOR } from './labels';

/** 合作项目 on the customer's page: the customer's projects, each opening its page. */
export function CustomerProjectsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCustomerProjects(customerId, page);
  const columns: TableColumnsType<ProjectSummary> = [
    { title: t('projects.fields.title'), dataIndex: 'title', width: 240, render: (v: string, p) => <Link to={`/projects/${p.id}`}>{v}</Link> },
    { title: t('projects.fields.status'), dataIndex: 'status', width: 100, render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`projects.statuses.${v}`)}</Tag> },
    { title: t('projects.fields.lead'), dataIndex: 'leadName', width: 120 },
    { title: t('projects.fields.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
  ];
  return <CustomerRecordsTable<ProjectSummary> label={t('projects.customerTab.label')} query={list} columns={columns} empty={t('projects.customerTab.empty')} page={page} onPage={setPage} />;
}
