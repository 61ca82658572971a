import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ComplaintSummary } from '../../api/contract/complaints';
import { useReferenceLabel } from '../../components/referenceLabels';
import { CustomerRecordsTable } from '../../components/CustomerRecordsTable';
import { formatDateTime } from '../../components/format';
import { useCustomerComplaints } from './hooks';
import { STATUS_COLOR } from './labels';

/** 投诉 on the customer's page: the customer's complaints, each opening its record. */
export function CustomerComplaintsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const categoryLabel = useReferenceLabel('complaint_categories');
  const [page, setPage] = useState(1);
  const list = useCustomerComplaints(customerId, page);
  const columns: TableColumnsType<ComplaintSummary> = [
    { title: t('complaints.fields.complaintNo'), dataIndex: 'complaintNo', width: 150, render: (v: string, c) => <Link to={`/complaints/${c.id}`}>{v}</Link> },
    { title: t('complaints.fields.receivedAt'), dataIndex: 'receivedAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('complaints.fields.category'), dataIndex: 'category', width: 120, render: (v: string) => categoryLabel(v) },
    { title: t('complaints.fields.severity'), dataIndex: 'severity', width: 90, render: (v: string) => t(`complaints.severity.${v}`) },
    { title: t('complaints.fields.status'), dataIndex: 'status', width: 110, render: (v: ComplaintSummary['status']) => <Tag color={STATUS_COLOR[v]}>{t(`complaints.status.${v}`)}</Tag> },
  ];
  return <CustomerRecordsTable<ComplaintSummary> label={t('complaints.customerTab.label')} query={list} columns={columns} empty={t('complaints.customerTab.empty')} page={page} onPage={setPage} />;
}
