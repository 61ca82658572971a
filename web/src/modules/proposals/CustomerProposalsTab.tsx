import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Proposal, ProposalStatus } from '../../api/contract/proposals';
import { CustomerRecordsTable } from '../../components/CustomerRecordsTable';
import { useCustomerProposals } from './hooks';
import { STATUS_COLOR } from './labels';

/** 提案 on the customer's page: the customer's proposals, each opening its record. */
export function CustomerProposalsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCustomerProposals(customerId, page);
  const columns: TableColumnsType<Proposal> = [
    { title: t('proposals.fields.title'), dataIndex: 'title', width: 240, render: (v: string, p) => <Link to={`/proposals/${p.id}`}>{v}</Link> },
    { title: t('proposals.fields.proposedOn'), dataIndex: 'proposedOn', width: 120 },
    { title: t('proposals.fields.status'), dataIndex: 'status', width: 100, render: (v: ProposalStatus) => <Tag color={STATUS_COLOR[v]}>{t(`proposals.statuses.${v}`)}</Tag> },
  ];
  return <CustomerRecordsTable<Proposal> label={t('proposals.customerTab.label')} query={list} columns={columns} empty={t('proposals.customerTab.empty')} page={page} onPage={setPage} />;
}
