import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SurveyScore } from '../../api/contract/surveys';
import { CustomerRecordsTable } from '../../components/CustomerRecordsTable';
import { formatDateTime } from '../../components/format';
import { useCustomerSurveyScores } from './hooks';

/** 满意度调查 on the customer's page: the surveys the customer answered with the index of each answer. */
export function CustomerSurveysTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCustomerSurveyScores(customerId, page);
  const columns: TableColumnsType<SurveyScore> = [
    { title: t('surveys.customerTab.campaign'), dataIndex: 'campaignTitle', width: 240, render: (v: string, s) => <Link to={`/surveys/campaigns/${s.campaignId}`}>{v}</Link> },
    { title: t('surveys.customerTab.answeredAt'), dataIndex: 'answeredAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('surveys.customerTab.index'), dataIndex: 'index', width: 110, align: 'right', render: (v: number | null) => (v === null ? t('common.none') : v.toFixed(1)) },
    { title: t('surveys.customerTab.owner'), dataIndex: 'ownerName', width: 110 },
  ];
  return <CustomerRecordsTable<SurveyScore> label={t('surveys.customerTab.label')} query={list} columns={columns} empty={t('surveys.customerTab.empty')} page={page} onPage={setPage} />;
}
