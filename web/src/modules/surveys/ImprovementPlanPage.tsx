import { MinusCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { FullPageSpin, RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { OwnerSelect } from '../customers/OwnerSelect';
import { useCampaign, usePlan, useResults, useSavePlan, useSubmitPlan } from './hooks';
import { PLAN_COLOR, campaignPath, figure, label, planPath } from './labels';
import type { Plan, PlanItem, Results } from '../../api/contract/surveys';

const ISO = 'YYYY-MM-DD';
interface Values {
  title: string;
  findings: string;
  goals: string;
  items: { measure: string; assigneeId?: number; dueDate: Dayjs | null }[];
}

const sectionTitle = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** A starting text for the findings: the index and the three weakest scale questions. */
function draftFindings(t: TFunction, r: Results | undefined): string {
  if (!r || r.responses === 0) return '';
  const weakest = r.questions
    .filter((q) => q.type === 'scale' && q.average !== null)
    .sort((a, b) => (a.average ?? 0) - (b.average ?? 0))
    .slice(0, 3)
    .map((q) => t('surveys.plan.weakItem', { text: q.text, average: figure(q.average, 2) }));
  return t('surveys.plan.findingsDraft', { index: figure(r.index), rate: figure(r.responseRate), weakest: weakest.join(t('common.listSeparator')) });
}

function PlanForm({ campaignId, plan, findings }: { campaignId: number; plan?: Plan; findings?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan(campaignId);
  const [error, setError] = useState<string | null>(null);
  const initial = useMemo<Partial<Values>>(
    () =>
      plan
        ? { title: plan.title, findings: plan.findings, goals: plan.goals, items: plan.items.map((i) => ({ measure: i.measure, assigneeId: i.assigneeId, dueDate: dayjs(i.dueDate) })) }
        : { findings: findings ?? '', items: [{ measure: '', dueDate: dayjs().add(1, 'month') }] },
    [plan, findings],
  );
  const submit = (v: Values) => {
    setError(null);
    const body = {
      title: v.title?.trim(),
      findings: v.findings?.trim(),
      goals: v.goals?.trim(),
      items: (v.items ?? []).map((i) => ({ measure: i.measure?.trim(), assigneeId: i.assigneeId!, dueDate: i.dueDate?.format(ISO) as string })),
    };
    save.mutate(plan ? { ...body, id: plan.id, version: plan.version } : body, {
      onSuccess: (p) => {
        void message.success(t('common.saved'));
        if (!plan) navigate(planPath(p.id), { replace: true });
      },
      onError: (err) => {
        if (err instanceof ApiError && err.isStaleVersion) setError(t('errors.stale'));
        else if (!applyFieldErrors(form, err)) setError(describe(err));
      },
    });
  };
  return (
    <Form<Values> form={form} name="survey-plan" layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 960 }}>
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} /> : null}
      <Form.Item name="title" label={t('surveys.plan.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="findings" label={t('surveys.plan.findings')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={8000} />
      </Form.Item>
      <Form.Item name="goals" label={t('surveys.plan.goals')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.List name="items">
        {(items, { add, remove }) => (
          <Card size="small" title={sectionTitle(t('surveys.plan.items'))}>
            <Flex vertical gap={8}>
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} wrap align="start">
                  <Form.Item name={[item.name, 'measure']} label={t('surveys.plan.measureN', { n: i + 1 })} style={{ flex: 1, minWidth: 260, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input maxLength={1000} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'assigneeId']} label={t('surveys.plan.assignee')} style={{ width: 200, marginBottom: 8 }} rules={[{ required: true, message: t('common.required') }]}>
                    <OwnerSelect activeOnly placeholder={t('surveys.plan.assigneePlaceholder')} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'dueDate']} label={t('surveys.plan.dueDate')} style={{ marginBottom: 8 }} rules={[{ required: true, message: t('common.required') }]}>
                    <DatePicker format={ISO} />
                  </Form.Item>
                  {items.length > 1 ? (
                    <Form.Item label=" " style={{ marginBottom: 8 }}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} aria-label={t('surveys.plan.removeItem', { n: i + 1 })} />
                    </Form.Item>
                  ) : null}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ measure: '', dueDate: dayjs().add(1, 'month') })}>
                {t('surveys.plan.addItem')}
              </Button>
            </Flex>
          </Card>
        )}
      </Form.List>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const submit = useSubmitPlan(plan.id);
  const extra = plan.can.submit
    ? [
        <Popconfirm key="submit" title={t('surveys.plan.submitConfirm')} onConfirm={() => submit.mutate({ version: plan.version }, { onSuccess: () => void message.success(t('surveys.plan.submitted')), onError: notifyError })}>
          <Button type="primary" icon={<SendOutlined />} loading={submit.isPending}>
            {plan.status === 'draft' ? t('surveys.plan.submit') : t('surveys.plan.resubmit')}
          </Button>
        </Popconfirm>,
      ]
    : [];
  const itemColumns = [
    { title: t('surveys.plan.measure'), dataIndex: 'measure', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
    { title: t('surveys.plan.assignee'), dataIndex: 'assigneeName', width: 110 },
    { title: t('surveys.plan.dueDate'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('surveys.plan.task'),
      key: 'task',
      width: 140,
      render: (_: unknown, i: PlanItem) =>
        i.taskId ? (
          <Link to={`/tasks/${i.taskId}`}>
            <Tag color={i.taskStatus === 'done' ? 'green' : i.taskStatus === 'cancelled' ? 'default' : 'blue'}>{label(t, 'taskStatus', i.taskStatus)}</Tag>
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('surveys.plan.taskAfterApproval')}</Typography.Text>
        ),
    },
  ];
  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          {plan.title}
          <Tag color={PLAN_COLOR[plan.status]} style={{ fontSize: 14 }}>
            {label(t, 'planStatus', plan.status)}
          </Tag>
        </Flex>
      }
      documentTitle={plan.title}
      extra={extra}
    >
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'campaign', label: t('surveys.plan.campaign'), children: <Link to={campaignPath(plan.campaignId)}>{plan.campaignTitle}</Link> },
            { key: 'owner', label: t('surveys.plan.owner'), children: plan.ownerName ?? t('common.none') },
            { key: 'submitted', label: t('surveys.plan.submittedAt'), children: formatDateTime(plan.submittedAt) || t('common.none') },
            { key: 'approved', label: t('surveys.plan.approvedAt'), children: formatDateTime(plan.approvedAt) || t('common.none') },
          ]}
        />
        {plan.can.edit ? (
          <Card size="small" title={sectionTitle(t('surveys.plan.editTitle'))}>
            <PlanForm campaignId={plan.campaignId} plan={plan} />
          </Card>
        ) : (
          <Card size="small" title={sectionTitle(t('surveys.plan.content'))}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'findings', label: t('surveys.plan.findings'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.findings}</span> },
                { key: 'goals', label: t('surveys.plan.goals'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.goals}</span> },
              ]}
            />
          </Card>
        )}
        <Card size="small" title={sectionTitle(t('surveys.plan.items'))}>
          <Table<PlanItem> rowKey="id" size="small" columns={itemColumns} dataSource={plan.items} pagination={false} scroll={{ x: 600 }} />
        </Card>
        <ApprovalPanel documentType="survey_improvement" documentId={plan.id} title={sectionTitle(t('surveys.plan.approval'))} />
      </Flex>
    </PageContainer>
  );
}

/** /surveys/campaigns/:campaignId/improvement-plans/new — drafted from the campaign's results (point 11). */
export function NewImprovementPlanPage() {
  const { campaignId: raw } = useParams();
  const { t } = useTranslation();
  const campaignId = Number(raw);
  const campaign = useCampaign(campaignId);
  const results = useResults(campaignId, Number.isInteger(campaignId) && campaignId > 0);
  if (results.isPending && campaign.isSuccess) return <FullPageSpin />;
  return (
    <RecordGate id={campaignId} query={campaign}>
      {(c) => (
        <PageContainer title={t('surveys.plan.newFor', { title: c.title })}>
          <PlanForm campaignId={campaignId} findings={draftFindings(t, results.data)} />
        </PageContainer>
      )}
    </RecordGate>
  );
}

/** /surveys/improvement-plans/:id — the plan, its approval by leadership, and its measures as tasks. */
export default function ImprovementPlanPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const plan = usePlan(id);
  return (
    <RecordGate id={id} query={plan}>
      {(p) => <PlanView plan={p} />}
    </RecordGate>
  );
}
