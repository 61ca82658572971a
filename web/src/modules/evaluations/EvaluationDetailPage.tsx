import { EditOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { EndCooperationPanel } from './EndCooperationPanel';
import { useEvaluation, useEvaluationAction } from './hooks';
import { RECOMMENDATION_COLOR, STATUS_COLOR, formatTotal, recommendationLabel, statusLabel } from './labels';
import type { EvaluationDetail } from './types';

/** /evaluations/:id — the scorecard, the 强化表, submit / confirm / return, print, and the follow-up plan for 改进 / 终止. */
export default function EvaluationDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const evaluation = useEvaluation(id);
  return (
    <RecordGate id={id} query={evaluation}>
      {(e) => <Detail evaluation={e} />}
    </RecordGate>
  );
}

function Detail({ evaluation: e }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const action = useEvaluationAction(e.id);
  const [review, setReview] = useState<'confirm' | 'return' | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const run = (kind: 'submit' | 'confirm' | 'return', comment?: string) =>
    action.mutate(
      { action: kind, version: e.version, comment: comment?.trim() || undefined },
      {
        onSuccess: () => {
          setReview(null);
          form.resetFields();
          void message.success(t(kind === 'submit' ? 'evaluations.actions.submitted' : kind === 'confirm' ? 'evaluations.actions.confirmed' : 'evaluations.actions.returned'));
        },
        onError: notifyError,
      },
    );

  const planLink = `/maintenance-plans/new?customerId=${e.customerId}`;
  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          {t('evaluations.newTitle', { customer: e.customerName })}
          <Tag color={STATUS_COLOR[e.status]}>{statusLabel(t, e.status)}</Tag>
        </Flex>
      }
      documentTitle={t('evaluations.newTitle', { customer: e.customerName })}
      extra={
        <>
          {e.can.edit ? (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/evaluations/${e.id}/edit`)}>
              {t('evaluations.actions.edit')}
            </Button>
          ) : null}
          {e.can.submit ? (
            <Popconfirm title={t('evaluations.actions.submitConfirm')} onConfirm={() => run('submit')} okText={t('common.ok')} cancelText={t('common.cancel')}>
              <Button type="primary" loading={action.isPending}>
                {t('evaluations.actions.submit')}
              </Button>
            </Popconfirm>
          ) : null}
          {e.can.review ? (
            <>
              <Button type="primary" onClick={() => setReview('confirm')}>
                {t('evaluations.actions.confirm')}
              </Button>
              <Button danger onClick={() => setReview('return')}>
                {t('evaluations.actions.return')}
              </Button>
            </>
          ) : null}
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate(`/evaluations/${e.id}/print`)}>
            {t('evaluations.actions.print')}
          </Button>
        </>
      }
    >
      {e.status === 'returned' && e.reviewComment ? <Alert type="warning" showIcon title={t('evaluations.returnedHint', { comment: e.reviewComment })} style={{ marginBottom: 16 }} /> : null}
      {e.recommendation !== 'maintain' ? (
        <Alert
          type={e.recommendation === 'terminate' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`evaluations.followUp.${e.recommendation}`)}
          action={
            can('maintenance.manage') ? (
              <Button icon={<FileAddOutlined aria-hidden />} onClick={() => navigate(planLink)}>
                {t('evaluations.actions.startPlan')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <Card>
        <Descriptions column={{ xs: 1, md: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('evaluations.fields.customer')}>
            <Link to={`/customers/${e.customerId}?tab=evaluations`}>{t('common.withNote', { text: e.customerName, note: e.customerArchiveNo })}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.evaluatedOn')}>{e.evaluatedOn}</Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.template')}>{`${e.templateName} ${t('evaluations.templates.versionValue', { n: e.templateVersionNo })}`}</Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.total')}>
            <Typography.Text strong>{formatTotal(e.total)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.recommendation')}>
            <Tag color={RECOMMENDATION_COLOR[e.recommendation]}>{recommendationLabel(t, e.recommendation)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.submittedBy')}>{e.submittedByName ? `${e.submittedByName} ${formatDateTime(e.submittedAt)}` : none}</Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.reviewedBy')}>{e.reviewedByName ? `${e.reviewedByName} ${formatDateTime(e.reviewedAt)}` : none}</Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.reviewComment')}>{e.reviewComment ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('evaluations.fields.conclusion')}>{e.conclusion ?? none}</Descriptions.Item>
        </Descriptions>
      </Card>
      <EndCooperationPanel source="evaluations" id={e.id} eligible={e.recommendation === 'terminate'} />
      <Card title={t('evaluations.form.scoresTitle')} style={{ marginTop: 16 }}>
        <Table
          rowKey="indicatorId"
          size="small"
          pagination={false}
          scroll={{ x: 800 }}
          dataSource={e.scores}
          columns={[
            { title: t('evaluations.fields.indicator'), dataIndex: 'name', width: 150 },
            { title: t('evaluations.fields.weight'), dataIndex: 'weight', width: 80, align: 'right', render: (w: number) => `${w}%` },
            { title: t('evaluations.fields.score'), dataIndex: 'score', width: 80, align: 'right' },
            { title: t('evaluations.fields.weighted'), dataIndex: 'weighted', width: 90, align: 'right', render: (w: number) => formatTotal(w) },
            { title: t('evaluations.fields.scoreBasis'), dataIndex: 'basis', render: (b: string | null) => b ?? none },
          ]}
        />
      </Card>
      <Card title={t('evaluations.form.strengtheningTitle')} style={{ marginTop: 16 }}>
        <Table
          rowKey="level"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={e.strengthening}
          columns={[
            { title: t('evaluations.strengthening.level'), dataIndex: 'level', width: 110, render: (l: string) => t(`evaluations.strengthening.levels.${l}`) },
            ...(['influence', 'competitorTie', 'responsible', 'measures', 'timing'] as const).map((c) => ({
              title: t(`evaluations.strengthening.${c}`),
              dataIndex: c,
              render: (v: string | null) => v ?? none,
            })),
          ]}
        />
      </Card>
      <Modal
        open={review !== null}
        title={review === 'return' ? t('evaluations.actions.return') : t('evaluations.actions.confirm')}
        onCancel={() => setReview(null)}
        okText={review === 'return' ? t('evaluations.actions.return') : t('evaluations.actions.confirm')}
        okButtonProps={{ danger: review === 'return', loading: action.isPending, htmlType: 'submit', form: 'evaluationReview' }}
        destroyOnHidden
      >
        <Form form={form} name="evaluationReview" layout="vertical" onFinish={(v) => run(review ?? 'confirm', v.comment)}>
          <Form.Item
            label={review === 'return' ? t('evaluations.actions.returnComment') : t('evaluations.actions.confirmComment')}
            name="comment"
            rules={review === 'return' ? [{ required: true, whitespace: true, min: 2, message: t('common.required') }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
