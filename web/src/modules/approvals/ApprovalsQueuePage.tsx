import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { ApprovalPanel } from './ApprovalPanel';
import { useApprovalQueue } from './hooks';
import type { ApprovalRequest } from '../../api/contract/approvals';

/**
 * 审批待办: every request waiting for the current user's decision (docs/regulations.md §18). A row opens the
 * document's approval panel in place, so the approver can decide without leaving the queue.
 */
export default function ApprovalsQueuePage() {
  const { t } = useTranslation();
  const queue = useApprovalQueue();

  const columns: TableColumnsType<ApprovalRequest> = [
    { title: t('approvals.document'), dataIndex: 'title', render: (v: string, r) => <Link to={r.link}>{v}</Link> },
    { title: t('approvals.documentType'), dataIndex: 'documentLabel', width: 160, render: (v: string | undefined, r) => v ?? r.documentType },
    { title: t('approvals.applicant'), dataIndex: 'applicantName', width: 110 },
    {
      title: t('approvals.currentStep'),
      key: 'step',
      width: 160,
      render: (_, r) => r.steps.find((s) => s.key === r.currentStepKey)?.name ?? t('common.none'),
    },
    { title: t('approvals.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'open',
      width: 100,
      render: (_, r) => <Link to={r.link}>{t('approvals.open')}</Link>,
    },
  ];

  return (
    <PageContainer title={t('approvals.title')}>
      {queue.isError ? (
        <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<ApprovalRequest>
          rowKey="id"
          columns={columns}
          dataSource={queue.data ?? []}
          loading={queue.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.empty')} /> }}
          expandable={{
            expandRowByClick: false,
            expandedRowRender: (r) => <ApprovalPanel documentType={r.documentType} documentId={r.documentId} />,
          }}
        />
      )}
    </PageContainer>
  );
}
