import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import type { Call, QaScore } from '../../api/contract/callcentre';
import { FormModal } from '../../components/FormModal';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { useCan } from '../auth/hooks';
import { useDispute, useQaReport, useQaSample, useQaScores, useQaTemplate, useScoreCall } from './hooks';

/** /callcentre/qa — QA scores each agent's monthly sample on the weighted template; agents read and dispute theirs; the monthly report (docs/regulations.md §1). */
export default function QaPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const scores = useQaScores(month);
  const report = useQaReport(month, can('callcentre.report'));
  const [scoring, setScoring] = useState<Call | null>(null);
  const [disputing, setDisputing] = useState<QaScore | null>(null);
  const pct = (v: number | null) => (v == null ? t('callcentre.qa.noActual') : `${v}%`);

  return (
    <PageContainer
      title={t('callcentre.qa.title')}
      extra={<DatePicker picker="month" aria-label={t('callcentre.qa.month')} allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />}
    >
      {can('callcentre.qa') ? <Sample month={month} onScore={setScoring} /> : null}
      <Card size="small" title={t('callcentre.qa.scores')} style={{ marginBottom: 12 }}>
        <Table<QaScore>
          size="small"
          rowKey="id"
          pagination={false}
          locale={{ emptyText: <EmptyListHint hint={{ description: t('callcentre.qa.empty.scores') }} /> }}
          dataSource={scores.data?.items ?? []}
          columns={[
            { title: t('callcentre.calls.startedAt'), dataIndex: 'callStartedAt', render: (v: string) => formatDateTime(v) },
            { title: t('callcentre.qa.agent'), dataIndex: 'agentName' },
            { title: t('callcentre.qa.total'), dataIndex: 'total' },
            { title: t('callcentre.qa.comment'), dataIndex: 'comment' },
            { title: t('callcentre.qa.disputeStatus'), dataIndex: 'disputeStatus', render: (s: QaScore['disputeStatus']) => t(`callcentre.qa.disputeStatuses.${s}`) },
            {
              title: t('callcentre.calls.actions'),
              key: 'a',
              render: (_: unknown, s: QaScore) =>
                s.disputeStatus === 'none' ? (
                  <Button size="small" onClick={() => setDisputing(s)}>
                    {t('callcentre.qa.dispute')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {report.data ? (
        <Card size="small" title={t('callcentre.qa.report')}>
          <Descriptions size="small" column={1} title={t('callcentre.qa.targets')} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('callcentre.qa.recordsComplete')}>
              {t('callcentre.qa.target', { target: report.data.targets.recordsComplete.target, actual: pct(report.data.targets.recordsComplete.actual) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('callcentre.qa.complaintsInTime')}>
              {t('callcentre.qa.target', { target: report.data.targets.complaintsInTime.target, actual: pct(report.data.targets.complaintsInTime.actual) })}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="agentId"
            pagination={false}
            locale={{ emptyText: <EmptyListHint hint={{ description: t('callcentre.qa.empty.report') }} /> }}
            dataSource={report.data.agents}
            columns={[
              { title: t('callcentre.qa.agent'), dataIndex: 'agentName' },
              { title: t('callcentre.qa.calls'), dataIndex: 'calls' },
              { title: t('callcentre.qa.completePct'), dataIndex: 'completePct', render: (v: number | null) => pct(v) },
              { title: t('callcentre.qa.average'), dataIndex: 'average' },
              { title: t('callcentre.qa.disputes'), dataIndex: 'disputes' },
            ]}
          />
        </Card>
      ) : null}
      {scoring ? <ScoreModal call={scoring} onClose={() => setScoring(null)} /> : null}
      {disputing ? <DisputeModal score={disputing} onClose={() => setDisputing(null)} /> : null}
    </PageContainer>
  );
}

function Sample({ month, onScore }: { month: string; onScore: (c: Call) => void }) {
  const { t } = useTranslation();
  const sample = useQaSample(month);
  const rows = (sample.data?.items ?? []).flatMap((a) => a.sample);
  return (
    <Card size="small" title={t('callcentre.qa.sample')} style={{ marginBottom: 12 }}>
      <Table<Call>
        size="small"
        rowKey="id"
        pagination={false}
        locale={{ emptyText: <EmptyListHint hint={{ description: t('callcentre.qa.empty.sample') }} /> }}
        dataSource={rows}
        columns={[
          { title: t('callcentre.calls.startedAt'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
          { title: t('callcentre.qa.agent'), dataIndex: 'agentName' },
          { title: t('callcentre.calls.customer'), dataIndex: 'customerName' },
          { title: t('callcentre.calls.category'), dataIndex: 'category', render: (c: Call['category']) => (c ? t(`callcentre.calls.categories.${c}`) : null) },
          { title: t('callcentre.calls.summary'), dataIndex: 'summary', ellipsis: true },
          {
            title: t('callcentre.qa.score'),
            key: 's',
            render: (_: unknown, c: Call) =>
              c.qaTotal != null ? (
                <Tag color="blue">{t('callcentre.qa.scored', { total: c.qaTotal })}</Tag>
              ) : (
                <Button size="small" onClick={() => onScore(c)}>
                  {t('callcentre.qa.score')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

type ScoreValues = { scores: Record<string, number>; comment?: string };

function ScoreModal({ call, onClose }: { call: Call; onClose: () => void }) {
  const { t } = useTranslation();
  const template = useQaTemplate();
  const [form] = Form.useForm<ScoreValues>();
  const score = useScoreCall();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<ScoreValues>
      name="qaScore"
      title={t('callcentre.qa.scoreTitle')}
      open
      form={form}
      onCancel={onClose}
      loading={score.isPending}
      error={error}
      onFinish={(v) => score.mutate({ id: call.id, scores: v.scores, comment: v.comment || null }, { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } })}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {(template.data?.items ?? []).map((i, n) => (
          <Form.Item key={i.key} name={['scores', i.key]} label={t('callcentre.qa.item', { label: i.label, weight: i.weight })} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} autoFocus={n === 0} style={{ width: 120 }} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('callcentre.qa.comment')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function DisputeModal({ score, onClose }: { score: QaScore; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const dispute = useDispute();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<{ reason: string }>
      name="qaDispute"
      title={t('callcentre.qa.dispute')}
      open
      form={form}
      onCancel={onClose}
      loading={dispute.isPending}
      error={error}
      onFinish={(v) => dispute.mutate({ id: score.id, reason: v.reason }, { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } })}
    >
      <Form.Item name="reason" label={t('callcentre.qa.disputeReason')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea autoFocus rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
