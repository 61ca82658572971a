import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Dropdown, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ProposalDetail } from '../../api/contract/proposals';
import { useNotifyError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useCan, useCurrentUser } from '../auth/hooks';
import { ProposalAttachments } from './ProposalAttachments';
import { ImplementModal, ProposalFormModal, ReportModal, RewardModal, ScoreModal, SendForApprovalModal } from './forms';
import { useProposal, useSubmitProposal } from './hooks';
import { CRITERIA, PROPOSAL_DOCUMENT_TYPE, STATUS_COLOR, yuan } from './labels';

/** /proposals/:id — the 客户提案表, its 评定表 rows, the approval, implementation, 成果报告 and reward. */
export default function ProposalDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const proposal = useProposal(id);
  return (
    <RecordGate id={id} query={proposal} notFound={<NotFound message={t('proposals.notFound')} back={{ to: '/proposals', label: t('proposals.back') }} />}>
      {(p) => <Detail proposal={p} />}
    </RecordGate>
  );
}

type Dialog = 'edit' | 'score' | 'approval' | 'implement' | 'report' | 'reward' | null;

function Detail({ proposal: p }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const submit = useSubmitProposal(p.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const none = t('proposals.none');
  const scored = p.reviews.some((r) => r.reviewerId === me.id);
  const pastApproval = !['draft', 'submitted'].includes(p.status);
  const yes = (v: boolean) => (v ? t('proposals.yes') : t('proposals.no'));

  const actions = (
    <>
      <Link to="/proposals">
        <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('proposals.back')}</Button>
      </Link>
      <Dropdown
        menu={{
          items: [
            { key: 'proposal', label: t('proposals.actions.printProposal') },
            { key: 'review', label: t('proposals.actions.printReview'), disabled: p.reviews.length === 0 },
            { key: 'report', label: t('proposals.actions.printReport'), disabled: p.report === null },
          ],
          onClick: ({ key }) => navigate(`/proposals/${p.id}/print/${key}`),
        }}
      >
        <Button icon={<PrinterOutlined aria-hidden />}>{t('proposals.actions.print')}</Button>
      </Dropdown>
      {p.status === 'draft' && can('proposals.write') ? (
        <>
          <Button onClick={() => setDialog('edit')}>{t('proposals.edit')}</Button>
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() => submit.mutate({ version: p.version }, { onSuccess: () => void message.success(t('proposals.done.submitted')), onError: notifyError })}
          >
            {t('proposals.actions.submit')}
          </Button>
        </>
      ) : null}
      {p.status === 'submitted' && can('proposals.review') && !scored && p.proposerId !== me.id ? (
        <Button type="primary" onClick={() => setDialog('score')}>
          {t('proposals.actions.score')}
        </Button>
      ) : null}
      {p.status === 'submitted' && can('proposals.review') && p.reviews.length > 0 ? <Button onClick={() => setDialog('approval')}>{t('proposals.actions.sendForApproval')}</Button> : null}
      {p.status === 'approved' && can('proposals.implement') ? (
        <Button type="primary" onClick={() => setDialog('implement')}>
          {t('proposals.actions.implement')}
        </Button>
      ) : null}
      {p.status === 'implementing' && can('proposals.implement') ? (
        <Button type="primary" onClick={() => setDialog('report')}>
          {t('proposals.actions.report')}
        </Button>
      ) : null}
      {p.status === 'implemented' && can('proposals.implement') ? (
        <Button type="primary" onClick={() => setDialog('reward')}>
          {t('proposals.actions.reward')}
        </Button>
      ) : null}
    </>
  );

  return (
    <PageContainer title={p.title} extra={actions}>
      <Card size="small" title={t('proposals.print.proposalTitle')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'status', label: t('proposals.fields.status'), children: <Tag color={STATUS_COLOR[p.status]}>{t(`proposals.statuses.${p.status}`)}</Tag> },
            { key: 'score', label: t('proposals.fields.score'), children: p.score ? t('proposals.scoreValue', { score: p.score }) : none },
            { key: 'date', label: t('proposals.fields.proposedOn'), children: p.proposedOn },
            { key: 'source', label: t('proposals.fields.source'), children: t(`proposals.sources.${p.source}`) },
            ...(p.source === 'customer'
              ? [
                  { key: 'customer', label: t('proposals.fields.customer'), children: p.customerId ? <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link> : none },
                  { key: 'contact', label: t('proposals.fields.contactName'), children: p.contactName ?? none },
                ]
              : [{ key: 'proposer', label: t('proposals.fields.proposer'), children: p.proposerName ?? none }]),
            { key: 'problem', label: t('proposals.fields.problem'), span: 2, children: p.problem },
            { key: 'proposal', label: t('proposals.fields.proposal'), span: 2, children: p.proposal },
            { key: 'benefit', label: t('proposals.fields.expectedBenefit'), span: 2, children: p.expectedBenefit },
            { key: 'patent', label: t('proposals.fields.patent'), span: 2, children: p.patentNote ? `${yes(p.patent)} · ${p.patentNote}` : yes(p.patent) },
          ]}
        />
      </Card>

      <Card size="small" title={t('proposals.attachments.title')} style={{ marginTop: 16 }}>
        <ProposalAttachments proposalId={p.id} canUpload={can('proposals.write') && p.status !== 'rewarded'} canDelete={can('proposals.write') && p.status === 'draft'} />
      </Card>

      <Card size="small" title={t('proposals.review.title')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 800 }}
          dataSource={p.reviews}
          locale={{ emptyText: t('proposals.review.none') }}
          columns={[
            { key: 'reviewer', title: t('proposals.review.reviewer'), dataIndex: 'reviewerName' },
            ...CRITERIA.map((c) => ({ key: c, title: t(`proposals.review.criteria.${c}`), align: 'right' as const, render: (_: unknown, r: ProposalDetail['reviews'][number]) => r.scores[c] })),
            { key: 'total', title: t('proposals.review.total'), dataIndex: 'total', align: 'right' as const },
            { key: 'comment', title: t('proposals.review.comment'), dataIndex: 'comment' },
          ]}
          summary={() =>
            p.score ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={CRITERIA.length + 1}>
                  {t('proposals.review.average')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {p.score}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>

      {pastApproval ? (
        <div style={{ marginTop: 16 }}>
          <ApprovalPanel documentType={PROPOSAL_DOCUMENT_TYPE} documentId={p.id} />
        </div>
      ) : null}

      {p.implDepartmentId ? (
        <Card size="small" title={t('proposals.implement.title')} style={{ marginTop: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'dept', label: t('proposals.fields.implDepartment'), children: p.implDepartmentName ?? none },
              { key: 'due', label: t('proposals.fields.implDue'), children: p.implDue ?? none },
              { key: 'done', label: t('proposals.fields.implDoneOn'), children: p.implDoneOn ?? none },
            ]}
          />
        </Card>
      ) : null}

      {p.report ? (
        <Card size="small" title={t('proposals.report.title')} style={{ marginTop: 16 }}>
          <Descriptions
            size="small"
            column={1}
            items={(['motivation', 'before', 'after', 'method', 'benefit', 'conclusion'] as const).map((k) => ({ key: k, label: t(`proposals.report.${k}`), children: p.report![k] }))}
          />
        </Card>
      ) : null}

      {p.reward ? (
        <Card size="small" title={t('proposals.reward.title')} style={{ marginTop: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'amount', label: t('proposals.reward.amountShown'), children: t('proposals.reward.yuan', { amount: yuan(p.reward.amountCents) }) },
              { key: 'form', label: t('proposals.reward.form'), children: p.reward.form },
              { key: 'by', label: t('proposals.reward.decidedBy'), children: p.reward.decidedByName ?? none },
              { key: 'on', label: t('proposals.reward.on'), children: p.reward.on ?? none },
            ]}
          />
        </Card>
      ) : null}

      {dialog === 'edit' ? <ProposalFormModal open proposal={p} onClose={close} /> : null}
      {dialog === 'score' ? <ScoreModal open proposal={p} onClose={close} /> : null}
      {dialog === 'approval' ? <SendForApprovalModal open proposal={p} onClose={close} /> : null}
      {dialog === 'implement' ? <ImplementModal open proposal={p} onClose={close} /> : null}
      {dialog === 'report' ? <ReportModal open proposal={p} onClose={close} /> : null}
      {dialog === 'reward' ? <RewardModal open proposal={p} onClose={close} /> : null}
    </PageContainer>
  );
}
