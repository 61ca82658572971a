import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Skeleton, Steps, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/status';
import { useApproval } from './hooks';
import type { ApprovalHistoryEntry, ApprovalRequest, ApprovalStatus } from '../../api/contract/approvals';
import './approvals.css';

export { useApproval } from './hooks';

export const STATUS_COLOR: Record<ApprovalStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning', withdrawn: 'default' };

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`approvals.status.${status}`)}</Tag>;
}

/** One history line: who did what at which step, and where a return sent the request. */
function historyLine(t: TFunction, h: ApprovalHistoryEntry, steps: ApprovalRequest['steps']): string {
  const action = t(`approvals.action.${h.action}`);
  const target =
    h.action === 'return'
      ? h.returnedTo
        ? t('approvals.returnedTo', { step: steps.find((s) => s.key === h.returnedTo)?.name ?? h.returnedTo })
        : t('approvals.returnedToApplicant')
      : null;
  return `${h.actorName} ${action}${h.stepName ? t('approvals.atStep', { step: h.stepName }) : ''}${target ? ` · ${target}` : ''}`;
}

const HISTORY_COLOR: Record<ApprovalHistoryEntry['action'], string> = {
  submit: 'blue',
  resubmit: 'blue',
  approve: 'green',
  reject: 'red',
  return: 'orange',
  withdraw: 'gray',
};

type DecisionKind = 'approve' | 'reject' | 'return';
interface DecisionValues {
  comment?: string;
  toStepKey?: string;
}

function DecisionModal({
  kind,
  request,
  onClose,
  act,
  acting,
}: {
  kind: DecisionKind | null;
  request: ApprovalRequest;
  onClose: () => void;
  act: ReturnType<typeof useApproval>['act'];
  acting: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<DecisionValues>();
  const [error, setError] = useState<string | null>(null);
  const currentIndex = request.steps.findIndex((s) => s.key === request.currentStepKey);
  const earlier = request.steps.slice(0, Math.max(currentIndex, 0));
  const needsComment = kind === 'reject' || kind === 'return';
  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <FormModal<DecisionValues>
      name="approval-decision"
      title={kind ? t('common.labelValue', { label: t(`approvals.action.${kind}`), value: request.title }) : ''}
      open={!!kind}
      form={form}
      onCancel={close}
      loading={acting}
      okText={kind ? t(`approvals.action.${kind}`) : undefined}
      danger={kind === 'reject'}
      error={error}
      initialValues={{ toStepKey: '' }}
      onFinish={(v) => {
        if (!kind) return;
        setError(null);
        act({ action: kind, comment: v.comment?.trim() || null, toStepKey: kind === 'return' ? v.toStepKey || null : undefined })
          .then(() => {
            void message.success(t('approvals.done'));
            close();
          })
          .catch((err: unknown) => {
            if (err instanceof ApiError && err.isStaleVersion) {
              void message.error(t('errors.stale'));
              close();
            } else setError(describe(err));
          });
      }}
    >
      {kind === 'return' ? (
        <Form.Item label={t('approvals.returnTo')} name="toStepKey">
          <Select options={[{ value: '', label: t('approvals.toApplicant') }, ...earlier.map((s) => ({ value: s.key, label: s.name }))]} />
        </Form.Item>
      ) : null}
      <Form.Item
        label={needsComment ? t('approvals.comment') : t('approvals.commentOptional')}
        name="comment"
        rules={needsComment ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}
      >
        <Input.TextArea autoFocus rows={4} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** The A4 variant: plain tables that print in black and white with Chinese fonts (see approvals.css). */
export function ApprovalPrint({ request, heading }: { request: ApprovalRequest | null; heading?: ReactNode }) {
  const { t } = useTranslation();
  const state = (s: ApprovalRequest['steps'][number]) =>
    s.state === 'done' ? t('approvals.stateDone') : s.state === 'current' ? t(request?.status === 'pending' ? 'approvals.stateCurrent' : `approvals.status.${request?.status}`) : t('approvals.stateWaiting');
  return (
    <section className="gx-approval-print" aria-label={t('approvals.panelTitle')}>
      {heading ?? <h3>{t('approvals.panelTitle')}</h3>}
      {!request ? (
        <p>{t('approvals.notSubmitted')}</p>
      ) : (
        <>
          <p>
            {t('approvals.status.' + request.status)} · {t('common.labelValue', { label: t('approvals.applicant'), value: request.applicantName })} · {t('common.labelValue', { label: t('approvals.submittedAt'), value: formatDateTime(request.submittedAt) })}
            {request.decidedAt ? ` · ${t('common.labelValue', { label: t('approvals.decidedAt'), value: formatDateTime(request.decidedAt) })}` : ''}
          </p>
          <table>
            <caption>{t('approvals.steps')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('approvals.step')}</th>
                <th scope="col">{t('approvals.approverKind')}</th>
                <th scope="col">{t('approvals.state')}</th>
              </tr>
            </thead>
            <tbody>
              {request.steps.map((s, i) => (
                <tr key={s.key}>
                  <td>{i + 1}</td>
                  <td>{s.name}</td>
                  <td>{s.approverLabel}</td>
                  <td>{state(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t('approvals.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals.time')}</th>
                <th scope="col">{t('approvals.actor')}</th>
                <th scope="col">{t('approvals.decide')}</th>
                <th scope="col">{t('approvals.step')}</th>
                <th scope="col">{t('approvals.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {request.history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTime(h.at)}</td>
                  <td>{h.actorName}</td>
                  <td>
                    {t(`approvals.action.${h.action}`)}
                    {h.action === 'return' ? t('common.note', { note: h.returnedTo ? (request.steps.find((s) => s.key === h.returnedTo)?.name ?? h.returnedTo) : t('approvals.applicant') }) : ''}
                  </td>
                  <td>{h.stepName ?? t('approvals.round', { n: h.round })}</td>
                  <td>{h.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

interface Props {
  documentType: string;
  documentId: number;
  /** The print-friendly variant for A4 views: no buttons, plain tables. */
  print?: boolean;
  /** Replaces the card title (screen) or the heading (print). */
  title?: ReactNode;
}

/**
 * A document's approval (docs/regulations.md §18): the steps, the whole history of every round, and the actions the
 * current user may take — approve / reject / return for the current approver, withdraw for the applicant.
 */
export function ApprovalPanel({ documentType, documentId, print, title }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const isMobile = useIsMobile();
  const approval = useApproval(documentType, documentId);
  const { request } = approval;
  const [decision, setDecision] = useState<DecisionKind | null>(null);

  if (print) {
    if (approval.isLoading) return null;
    return approval.error ? <LoadError error={approval.error} /> : <ApprovalPrint request={request} heading={title} />;
  }

  const cardTitle = title ?? t('approvals.panelTitle');
  if (approval.isLoading) {
    return (
      <Card title={cardTitle}>
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  }
  if (approval.error) {
    return (
      <Card title={cardTitle}>
        <LoadError error={approval.error} onRetry={() => void approval.refetch()} />
      </Card>
    );
  }
  if (!request) {
    return (
      <Card title={cardTitle}>
        <Typography.Text type="secondary">{t('approvals.notSubmitted')}</Typography.Text>
      </Card>
    );
  }

  const currentIndex = request.steps.findIndex((s) => s.key === request.currentStepKey);
  const stepItems = request.steps.map((s) => ({
    title: s.name,
    content: (
      <>
        <div>{s.approverLabel}</div>
        {s.state === 'current' && request.status === 'pending' && request.currentApprovers.length ? (
          <Typography.Text type="secondary">{t('approvals.waitingFor', { names: request.currentApprovers.map((a) => a.name).join(t('common.listSeparator')) })}</Typography.Text>
        ) : null}
      </>
    ),
    status: (s.state === 'done' ? 'finish' : s.state === 'current' ? (request.status === 'rejected' ? 'error' : 'process') : 'wait') as 'finish' | 'error' | 'process' | 'wait',
  }));
  const can = (a: string) => request.canAct.includes(a as never);

  return (
    <Card
      title={cardTitle}
      extra={
        <Flex gap={8} align="center">
          <ApprovalStatusTag status={request.status} />
          <Typography.Text type="secondary">{t('approvals.chainVersion', { version: request.chainVersion })}</Typography.Text>
        </Flex>
      }
    >
      {request.steps.length ? (
        <Steps
          size="small"
          orientation={isMobile || request.steps.length > 4 ? 'vertical' : 'horizontal'}
          current={currentIndex >= 0 ? currentIndex : request.status === 'approved' ? request.steps.length : 0}
          items={stepItems}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {request.status === 'returned' ? <Alert type="warning" showIcon title={t('approvals.status.returned')} style={{ marginBottom: 16 }} /> : null}
      {request.canAct.length ? (
        <Flex gap={8} wrap className="gx-approval-actions" style={{ marginBottom: 16 }}>
          {can('approve') ? (
            <Button type="primary" onClick={() => setDecision('approve')}>
              {t('approvals.action.approve')}
            </Button>
          ) : null}
          {can('return') ? <Button onClick={() => setDecision('return')}>{t('approvals.action.return')}</Button> : null}
          {can('reject') ? (
            <Button danger onClick={() => setDecision('reject')}>
              {t('approvals.action.reject')}
            </Button>
          ) : null}
          {can('withdraw') ? (
            <Popconfirm
              title={t('approvals.confirmWithdraw')}
              okText={t('approvals.action.withdraw')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                approval
                  .act({ action: 'withdraw' })
                  .then(() => void message.success(t('approvals.withdrawn')))
                  .catch(notifyError)
              }
            >
              <Button loading={approval.acting}>{t('approvals.action.withdraw')}</Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : null}
      <Typography.Title level={4} style={{ fontSize: 14 }}>
        {t('approvals.history')}
      </Typography.Title>
      <Timeline
        items={request.history.map((h) => ({
          key: h.id,
          color: HISTORY_COLOR[h.action],
          content: (
            <div>
              <div>
                <Typography.Text strong>{historyLine(t, h, request.steps)}</Typography.Text>
              </div>
              <Typography.Text type="secondary">
                {formatDateTime(h.at)} · {t('approvals.round', { n: h.round })}
              </Typography.Text>
              {h.comment ? <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{h.comment}</Typography.Paragraph> : null}
            </div>
          ),
        }))}
      />
      <DecisionModal kind={decision} request={request} onClose={() => setDecision(null)} act={approval.act} acting={approval.acting} />
    </Card>
  );
}
