import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, applyFieldErrors } from '../../api/client';
import type { KpiTally } from '../../api/contract/kpi';
import { type ChartOption, EChart } from '../../components/EChart';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';

const METRICS = ['new_customers', 'complaint_in_time_rate', 'complaint_resolution_rate', 'complaint_satisfaction', 'survey_satisfaction', 'cadence_in_time_rate', 'late_plans'] as const;

/** /kpi — 绩效: targets vs actuals, the monthly tally with traced deductions, the yearly ranking (docs/regulations.md §17). */
export default function KpiPage() {
  const { t } = useTranslation();
  const lastMonth = dayjs().subtract(1, 'month').format('YYYY-MM');
  const [month, setMonth] = useState(lastMonth);
  return (
    <PageContainer title={t('kpi.title')} extra={<DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />}>
      <Tabs
        items={[
          { key: 'tally', label: t('kpi.tally.tab'), children: <TallyTab month={month} /> },
          { key: 'targets', label: t('kpi.targets.tab'), children: <TargetsTab month={month} /> },
          { key: 'ranking', label: t('kpi.ranking.tab'), children: <RankingTab year={Number(month.slice(0, 4))} /> },
        ]}
      />
    </PageContainer>
  );
}

function TallyTab({ month }: { month: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['kpi', 'tally', month], queryFn: ({ signal }) => api.get('/api/kpi/tally', { month }, signal) });
  const [annul, setAnnul] = useState<{ userId: number; key: string; text: string } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const save = useMutation({
    mutationFn: (v: { reason: string }) => api.post('/api/kpi/annulments', { userId: annul!.userId, month, key: annul!.key, reason: v.reason }),
    onSuccess: () => {
      setAnnul(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['kpi'] });
    },
    onError: (e) => e instanceof ApiError && applyFieldErrors(form, e),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card size="small">
      <Table<KpiTally>
        rowKey="userId"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('kpi.person'), dataIndex: 'name' },
          { title: t('kpi.tally.base'), dataIndex: 'base', width: 90 },
          { title: t('kpi.tally.total'), dataIndex: 'total', width: 90 },
        ]}
        expandable={{
          rowExpandable: (r) => r.deductions.length > 0,
          expandedRowRender: (r) => (
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={r.deductions}
              columns={[
                { title: t('kpi.tally.deduction'), dataIndex: 'text' },
                { title: t('kpi.tally.points'), dataIndex: 'points', width: 80 },
                {
                  title: t('kpi.tally.state'),
                  width: 280,
                  render: (_, d) =>
                    d.annulled ? (
                      <Tag color="default">{t('kpi.tally.annulledBy', { by: d.annulled.by ?? '', reason: d.annulled.reason })}</Tag>
                    ) : can('kpi.annul') ? (
                      <Button size="small" onClick={() => setAnnul({ userId: r.userId, key: d.key, text: d.text })}>
                        {t('kpi.tally.annul')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          ),
        }}
      />
      <Modal open={!!annul} title={t('kpi.tally.annul')} onCancel={() => setAnnul(null)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <p>{annul?.text}</p>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="reason" label={t('kpi.tally.reason')} rules={[{ required: true, whitespace: true, message: t('kpi.tally.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function TargetsTab({ month }: { month: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['kpi', 'targets', month], queryFn: ({ signal }) => api.get('/api/kpi/targets', { period: month }, signal) });
  const [form] = Form.useForm<{ subject: string; metric: string; target: number }>();
  const save = useMutation({
    mutationFn: (v: { subject: string; metric: string; target: number }) => {
      const [subjectType, id] = v.subject.split(':');
      return api.put('/api/kpi/targets', { subjectType, subjectId: Number(id), metric: v.metric, period: month, target: v.target });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['kpi', 'targets'] }),
    onError: (e) => e instanceof ApiError && applyFieldErrors(form, e),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const subjects = [...(q.data?.people ?? []).map((p) => ({ value: `user:${p.id}`, label: p.name })), ...(q.data?.teams ?? []).map((x) => ({ value: `team:${x.id}`, label: x.name }))];
  return (
    <Card size="small">
      {can('kpi.targets') && (
        <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginBottom: 12 }}>
          <Form.Item name="subject" rules={[{ required: true, message: t('kpi.targets.subject') }]}>
            <Select style={{ width: 180 }} placeholder={t('kpi.targets.subject')} options={subjects} />
          </Form.Item>
          <Form.Item name="metric" rules={[{ required: true, message: t('kpi.targets.metric') }]}>
            <Select style={{ width: 200 }} placeholder={t('kpi.targets.metric')} options={METRICS.map((m) => ({ value: m, label: t(`kpi.metric.${m}`) }))} />
          </Form.Item>
          <Form.Item name="target" rules={[{ required: true, message: t('kpi.targets.target') }]}>
            <InputNumber min={0} placeholder={t('kpi.targets.target')} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={save.isPending}>
            {t('kpi.targets.save')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('kpi.targets.subject'), dataIndex: 'subjectName' },
          { title: t('kpi.targets.metric'), dataIndex: 'metric', render: (m: string) => t(`kpi.metric.${m}`) },
          { title: t('kpi.targets.target'), dataIndex: 'target', width: 100 },
          { title: t('kpi.targets.actual'), dataIndex: 'actual', width: 100, render: (v: number | null) => v ?? '—' },
        ]}
      />
      <p style={{ marginTop: 12, color: '#888' }}>{t('kpi.targets.missing')}</p>
    </Card>
  );
}

function RankingTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['kpi', 'ranking', year], queryFn: ({ signal }) => api.get('/api/kpi/ranking', { year }, signal) });
  const items = q.data?.items ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {},
      grid: { left: 100, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
      series: [{ type: 'bar', data: items.map((i) => i.total), label: { show: true, position: 'right' } }],
    }),
    [items],
  );
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('kpi.ranking.title', { year })}>
        <EChart option={option} height={Math.max(200, items.length * 32 + 40)} label={t('kpi.ranking.title', { year })} />
      </Card>
      <Table
        rowKey="userId"
        loading={q.isFetching}
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('kpi.ranking.rank'), dataIndex: 'rank', width: 70 },
          { title: t('kpi.person'), dataIndex: 'name' },
          { title: t('kpi.ranking.total'), dataIndex: 'total', width: 120 },
        ]}
      />
    </Space>
  );
}
