import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { VisitPlanSummary } from '../../api/contract/visits';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useCreatePlan, useVisitPlans } from './hooks';
import { nextPeriods, STATUS_COLORS } from './plans';

/** /visits/plans — 回访计划: one's own plans, and the team's for supervisors; a new plan for next month or next week. */
export default function PlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const lead = can('visits.review');
  const view = lead && params.get('view') === 'team' ? 'team' : 'mine';
  const plans = useVisitPlans(view === 'mine' ? { mine: '1' } : {});
  const create = useCreatePlan();
  const [form] = Form.useForm<{ kind: 'monthly' | 'weekly'; period: string }>();
  const [kind, setKind] = useState<'monthly' | 'weekly'>('monthly');
  const periods = nextPeriods();

  const start = async (v: { kind: 'monthly' | 'weekly'; period: string }) => {
    try {
      const p = await create.mutateAsync(v);
      navigate(`/visits/plans/${p.id}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error((err as Error).message);
    }
  };

  const columns = [
    { key: 'period', title: t('visits.plans.period'), dataIndex: 'period', render: (v: string, r: VisitPlanSummary) => <Link to={`/visits/plans/${r.id}`}>{`${t(`visits.plans.kinds.${r.kind}`)} ${v}`}</Link> },
    ...(view === 'team' ? [{ key: 'author', title: t('visits.plans.author'), dataIndex: 'authorName' }] : []),
    { key: 'status', title: t('visits.plans.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`visits.plans.statuses.${v}`)}</Tag> },
    { key: 'due', title: t('visits.plans.due'), dataIndex: 'dueDate' },
    {
      key: 'submitted',
      title: t('visits.plans.submitted'),
      dataIndex: 'submittedAt',
      render: (v: string | null, r: VisitPlanSummary) => (
        <Space>
          {v ? formatDateTime(v) : <Typography.Text type="secondary">{t('visits.none')}</Typography.Text>}
          {r.late ? <Tag color="red">{t('visits.plans.late')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'done', title: t('visits.plans.progress'), render: (_: unknown, r: VisitPlanSummary) => t('visits.plans.doneOf', { done: r.doneCount, total: r.lineCount }) },
  ];

  return (
    <PageContainer
      title={t('visits.plans.title')}
      extra={
        lead ? (
          <Segmented
            value={view}
            onChange={(v) => setParams(v === 'team' ? { view: 'team' } : {})}
            options={[
              { value: 'mine', label: t('visits.plans.mine') },
              { value: 'team', label: t('visits.plans.team') },
            ]}
          />
        ) : null
      }
    >
      {can('visits.record') ? (
        <Card style={{ marginBottom: 16 }} title={t('visits.plans.new')}>
          <Form form={form} name="newPlan" layout="inline" initialValues={{ kind: 'monthly', period: periods.monthly }} onFinish={(v) => void start(v)}>
            <Form.Item name="kind">
              <Radio.Group
                optionType="button"
                onChange={(e) => {
                  setKind(e.target.value);
                  form.setFieldValue('period', periods[e.target.value as 'monthly' | 'weekly']);
                }}
                options={(['monthly', 'weekly'] as const).map((k) => ({ value: k, label: t(`visits.plans.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('visits.plans.period')} rules={[{ required: true }]} extra={t(kind === 'monthly' ? 'visits.plans.periodMonthly' : 'visits.plans.periodWeekly')}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={create.isPending}>
                {t('visits.plans.create')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
      {plans.isError ? (
        <LoadError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <Table<VisitPlanSummary>
          rowKey="id"
          loading={plans.isLoading}
          dataSource={plans.data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={t('visits.plans.empty')} /> }}
        />
      )}
    </PageContainer>
  );
}
