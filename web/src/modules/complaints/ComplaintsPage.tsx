import { BarChartOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useReferenceLabel } from '../../components/referenceLabels';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { useComplaintOptions, useComplaints } from './hooks';
import { DeadlineText, SEVERITIES, STATUSES, SeverityTag, StatusTag } from './labels';
import type { ComplaintStatus, ComplaintSummary, Severity } from '../../api/contract/complaints';

const SORTABLE = ['receivedAt', 'resolutionDue', 'complaintNo'];

/** 投诉管理: search and filters; deadlines as dates with the time left. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const categoryLabel = useReferenceLabel('complaint_categories');
  const can = useCan();
  const navigate = useNavigate();
  const options = useComplaintOptions();
  // The state lives in the address, so "back" from a complaint returns to the same view.
  const list = useListState(
    [
      { name: 'q', kind: 'text', label: t('common.search'), placeholder: t('complaints.searchPlaceholder'), width: 240, search: false },
      { name: 'status', kind: 'select', allowed: STATUSES, label: t('complaints.fields.status'), width: 140, options: STATUSES.map((s) => ({ value: s, label: t(`complaints.status.${s}`) })) },
      { name: 'severity', kind: 'select', allowed: SEVERITIES, label: t('complaints.fields.severity'), width: 100, options: SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) })) },
      { name: 'category', kind: 'select', label: t('complaints.fields.category'), width: 120, options: (options.data?.categories ?? []).map((c) => ({ value: c, label: categoryLabel(c) })) },
      { name: 'mine', kind: 'flag', text: t('complaints.filters.mine') },
      { name: 'unassigned', kind: 'flag', text: t('complaints.filters.unassigned') },
      { name: 'overdue', kind: 'flag', text: t('complaints.filters.overdue') },
    ],
    { sortable: SORTABLE },
  );
  const f = list.state.filters;
  const complaints = useComplaints({
    q: f.q,
    status: f.status as ComplaintStatus | undefined,
    severity: f.severity as Severity | undefined,
    category: f.category,
    mine: !!f.mine,
    unassigned: !!f.unassigned,
    overdue: !!f.overdue,
    sort: list.state.sort,
    page: list.state.page,
    pageSize: list.state.pageSize,
  });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: ListColumn<ComplaintSummary>[] = [
    {
      title: t('complaints.fields.complaintNo'),
      dataIndex: 'complaintNo',
      key: 'complaintNo',
      width: 140,
      sorter: true,
      render: (v: string, c) => <Link to={`/complaints/${c.id}`}>{v}</Link>,
    },
    {
      title: t('complaints.fields.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 140,
      sorter: true,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('complaints.fields.complainant'),
      key: 'who',
      ellipsis: true,
      render: (_: unknown, c) => (
        <span>
          {c.customerName ?? c.complainantCompany ?? c.complainantName}
          {c.customerName || c.complainantCompany ? <Typography.Text type="secondary"> · {c.complainantName}</Typography.Text> : null}
        </span>
      ),
    },
    { key: 'category', title: t('complaints.fields.category'), dataIndex: 'category', width: 100, render: (v: string) => categoryLabel(v) },
    { key: 'severity', title: t('complaints.fields.severity'), dataIndex: 'severity', width: 80, render: (v: Severity) => <SeverityTag severity={v} /> },
    { key: 'status', title: t('complaints.fields.status'), dataIndex: 'status', width: 130, render: (v: ComplaintStatus) => <StatusTag status={v} /> },
    { key: 'handler', title: t('complaints.fields.handler'), dataIndex: 'handlerName', width: 90, render: (v: string | null) => v ?? <Typography.Text type="warning">{t('complaints.unassigned')}</Typography.Text> },
    {
      title: t('complaints.fields.resolutionDue'),
      key: 'resolutionDue',
      dataIndex: 'resolution',
      width: 170,
      sorter: true,
      render: (_: unknown, c) => (c.status === 'closed' ? none : <DeadlineText deadline={c.resolution} />),
    },
  ];

  return (
    <PageContainer
      title={t('complaints.title')}
      extra={
        <>
          <Button icon={<FileTextOutlined aria-hidden />} onClick={() => navigate('/complaints/rectifications')}>
            {t('complaints.rectification.listTitle')}
          </Button>
          {can('complaints.analyse') ? (
            <Button icon={<BarChartOutlined aria-hidden />} onClick={() => navigate('/complaints/analysis')}>
              {t('complaints.analysis.title')}
            </Button>
          ) : null}
          {can('complaints.intake') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/complaints/new')}>
              {t('complaints.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <ListPage<ComplaintSummary>
        emptyHint={{ description: t('complaints.emptyHint.description'), action: can('complaints.intake') ? { label: t('complaints.emptyHint.action'), onClick: () => navigate('/complaints/new') } : null }} list={list} formName="complaintFilters" query={complaints} columns={columns} defaultSort="-receivedAt" tableProps={{ scroll: { x: 1000 } }} />
    </PageContainer>
  );
}
