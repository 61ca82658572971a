import { Alert, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/status';
import { statusLabel } from '../customers/labels';
import { type ChartOption, EChart } from '../../components/EChart';
import { useResults } from './hooks';
import { figure, label, percent, signed } from './labels';
import { type GroupResult, type QuestionResult, type Results, SCALE_SCORES } from '../../api/contract/surveys';

// Red (非常不满意) to green (满意), the way readers expect a satisfaction scale.
const LEVEL_COLORS: Record<number, string> = { 5: '#389e0d', 4: '#95de64', 3: '#fadb14', 2: '#fa8c16', 1: '#cf1322' };
const title = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** One figure; a named group, so it can be found by its title (screen readers, browser tests). */
function Figure({ title, value, note }: { title: string; value: string | number; note?: string | null }) {
  return (
    <Card size="small">
      <div role="group" aria-label={title}>
        <Statistic title={title} value={value} />
        {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
      </div>
    </Card>
  );
}

function Overview({ r }: { r: Results }) {
  const { t } = useTranslation();
  const p = r.previous;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Figure title={t('surveys.results.targets')} value={r.targets} />
      </Col>
      <Col xs={12} md={6}>
        <Figure title={t('surveys.results.responses')} value={r.responses} />
      </Col>
      <Col xs={12} md={6}>
        <Figure title={t('surveys.results.responseRate')} value={percent(r.responseRate)} note={p ? t('surveys.results.vsPrevious', { value: signed(p.responseRateDelta), unit: '%' }) : null} />
      </Col>
      <Col xs={12} md={6}>
        <Figure title={t('surveys.results.index')} value={figure(r.index)} note={p ? t('surveys.results.vsPrevious', { value: signed(p.indexDelta), unit: '' }) : null} />
      </Col>
    </Row>
  );
}

function ScaleChart({ questions }: { questions: QuestionResult[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const names = questions.map((q) => q.text);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: names, inverse: true },
      series: SCALE_SCORES.map((score) => ({
        name: t(`surveys.scale.${score}`),
        type: 'bar',
        stack: 'levels',
        itemStyle: { color: LEVEL_COLORS[score] },
        data: questions.map((q) => q.distribution.find((d) => d.score === score)?.percent ?? 0),
      })),
    } as ChartOption;
  }, [questions, t]);
  return <EChart option={option} height={Math.max(200, 40 + questions.length * 30)} label={t('surveys.results.distributionChart')} />;
}

function ComparisonChart({ r }: { r: Results }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const scale = r.questions.filter((q) => q.type === 'scale');
    const prev = new Map((r.previous?.questions ?? []).map((q) => [q.key, q.previousAverage]));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: scale.map((q) => q.text), axisLabel: { interval: 0, rotate: scale.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: 1, max: 5 },
      series: [
        ...(r.previous ? [{ name: r.previous.title, type: 'bar' as const, data: scale.map((q) => prev.get(q.key) ?? null), itemStyle: { color: '#bfbfbf' } }] : []),
        { name: t('surveys.results.thisCampaign'), type: 'bar' as const, data: scale.map((q) => q.average), itemStyle: { color: '#1677ff' } },
      ],
    } as ChartOption;
  }, [r, t]);
  return <EChart option={option} height={300} label={t('surveys.results.averagesChart')} />;
}

function QuestionTable({ r }: { r: Results }) {
  const { t } = useTranslation();
  const prev = new Map((r.previous?.questions ?? []).map((q) => [q.key, q]));
  const columns: TableColumnsType<QuestionResult> = [
    { title: t('surveys.results.question'), key: 'q', width: 260, render: (_, q) => `${q.section} · ${q.text}` },
    { title: t('surveys.results.answered'), dataIndex: 'answered', width: 80, align: 'right' },
    {
      title: t('surveys.results.distribution'),
      key: 'dist',
      width: 360,
      render: (_, q) => (
        <Flex gap={4} wrap>
          {q.distribution.map((d) => (
            <Tag key={d.option}>{t('common.withNote', { text: `${d.score !== null ? t(`surveys.scale.${d.score}`) : d.option} ${d.count}`, note: percent(d.percent) })}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('surveys.results.average'), dataIndex: 'average', width: 80, align: 'right', render: (v: number | null) => figure(v, 2) },
    { title: t('surveys.results.questionIndex'), dataIndex: 'index', width: 80, align: 'right', render: (v: number | null) => figure(v) },
    ...(r.previous
      ? [
          { title: t('surveys.results.previousAverage'), key: 'prev', width: 90, align: 'right' as const, render: (_: unknown, q: QuestionResult) => figure(prev.get(q.key)?.previousAverage ?? null, 2) },
          { title: t('surveys.results.change'), key: 'delta', width: 80, align: 'right' as const, render: (_: unknown, q: QuestionResult) => signed(prev.get(q.key)?.delta ?? null, 2) },
        ]
      : []),
  ];
  return <Table<QuestionResult> rowKey="key" size="small" columns={columns} dataSource={r.questions.filter((q) => q.type !== 'text')} pagination={false} scroll={{ x: 1000 }} />;
}

function Breakdown({ r }: { r: Results }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'region' | 'status' | 'owner'>('region');
  const rows = by === 'region' ? r.byRegion : by === 'status' ? r.byStatus : r.byOwner;
  const name = (g: GroupResult) => (by === 'status' ? statusLabel(t, g.key || null) : g.label || t('surveys.results.unknownGroup'));
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map(name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ name: t('surveys.results.index'), type: 'bar', data: rows.map((g) => g.index), itemStyle: { color: '#1677ff' } }],
    }),
    [rows, by, t],
  );
  const columns: TableColumnsType<GroupResult> = [
    { title: t(`surveys.results.by.${by}`), key: 'name', render: (_, g) => name(g) },
    { title: t('surveys.results.targets'), dataIndex: 'targets', align: 'right' },
    { title: t('surveys.results.responses'), dataIndex: 'responses', align: 'right' },
    { title: t('surveys.results.responseRate'), dataIndex: 'responseRate', align: 'right', render: (v: number | null) => percent(v) },
    { title: t('surveys.results.index'), dataIndex: 'index', align: 'right', render: (v: number | null) => figure(v) },
  ];
  return (
    <Card size="small" title={title(t('surveys.results.breakdown'))} extra={<Segmented value={by} onChange={(v) => setBy(v as typeof by)} options={(['region', 'status', 'owner'] as const).map((k) => ({ value: k, label: t(`surveys.results.by.${k}`) }))} />}>
      {by === 'status' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('surveys.results.gradeNote')} /> : null}
      {by === 'owner' ? <Typography.Paragraph type="secondary">{t('surveys.results.ownerNote')}</Typography.Paragraph> : null}
      {rows.length ? <EChart option={option} height={220} label={t('surveys.results.breakdownChart', { by: t(`surveys.results.by.${by}`) })} /> : null}
      <Table<GroupResult> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} />
    </Card>
  );
}

/** The campaign summary (point 10): response rate, index, each question, comparison, breakdowns. */
export function ResultsPanel({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const results = useResults(campaignId);
  if (results.isPending) return <Skeleton active />;
  if (results.isError) return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  const scale = r.questions.filter((q) => q.type === 'scale');
  const texts = r.questions.filter((q) => q.texts.length);
  return (
    <Flex vertical gap={16}>
      <Overview r={r} />
      <Typography.Text type="secondary">{t('surveys.results.indexFormula')}</Typography.Text>
      {r.byChannel.length ? (
        <Flex gap={8} wrap align="center">
          <Typography.Text>{t('surveys.results.channels')}</Typography.Text>
          {r.byChannel.map((c) => (
            <Tag key={c.channel}>{`${label(t, 'channel', c.channel)} ${c.count}`}</Tag>
          ))}
        </Flex>
      ) : null}
      {r.previous ? (
        <Alert type="info" showIcon title={t('surveys.results.previous', { title: r.previous.title, index: figure(r.previous.index), rate: percent(r.previous.responseRate) })} />
      ) : null}
      {r.responses === 0 ? (
        <Empty description={t('surveys.results.noResponses')} />
      ) : (
        <>
          {scale.length ? (
            <Card size="small" title={title(t('surveys.results.distributionChart'))}>
              <ScaleChart questions={scale} />
            </Card>
          ) : null}
          {scale.length ? (
            <Card size="small" title={title(t('surveys.results.averagesChart'))}>
              <ComparisonChart r={r} />
            </Card>
          ) : null}
          <Card size="small" title={title(t('surveys.results.questions'))}>
            <QuestionTable r={r} />
          </Card>
          <Breakdown r={r} />
          {texts.map((q) => (
            <Card key={q.key} size="small" title={title(`${q.section} · ${q.text}`)}>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {q.texts.map((x, i) => (
                  <li key={i} style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {x}
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </>
      )}
    </Flex>
  );
}
