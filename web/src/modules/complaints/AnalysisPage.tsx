import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { fetchFile } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useReferenceLabel } from '../../components/referenceLabels';
import { saveBlob } from '../../components/download';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { type ChartOption, EChart } from '../../components/EChart';
import { useAnalysis } from './hooks';
import type { Analysis, AnalysisTable } from '../../api/contract/complaints';

const ISO = 'YYYY-MM-DD';
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

/** 导出 for one table: the server writes the same figures into an .xlsx (formula-safe). */
function ExportButton({ table, from, to }: { table: AnalysisTable; from: string; to: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await fetchFile('/api/complaints/analysis/export.xlsx', { from, to, table });
      saveBlob(blob, filename ?? `${table}.xlsx`);
      void message.success(t('complaints.analysis.exported', { file: filename ?? `${table}.xlsx` }));
    } catch (err) {
      void message.error(t('complaints.analysis.exportFailed', { reason: describe(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void run()} aria-label={t('complaints.analysis.exportTable', { table: t(`complaints.analysis.tables.${table}`) })}>
      {t('complaints.analysis.export')}
    </Button>
  );
}

function Section({ table, from, to, chart, children }: { table: AnalysisTable; from: string; to: string; chart?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`complaints.analysis.tables.${table}`)} extra={<ExportButton table={table} from={from} to={to} />}>
      <section aria-label={t(`complaints.analysis.tables.${table}`)}>
        {chart}
        {children}
      </section>
    </Card>
  );
}

/** /complaints/analysis — 投诉分析 (issue 5 §6): figures, charts and tables, each table exportable to .xlsx. */
export default function AnalysisPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const from = DATE_RE.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = DATE_RE.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const analysis = useAnalysis(from, to);
  const a = analysis.data;

  return (
    <PageContainer
      title={t('complaints.analysis.title')}
      extra={
        <Flex gap={8} align="center" wrap>
          <Link to="/complaints">{t('complaints.backToList')}</Link>
          <DatePicker.RangePicker
            aria-label={t('complaints.analysis.range')}
            format={ISO}
            allowClear={false}
            value={a ? [dayjs(a.from), dayjs(a.to)] : null}
            onChange={(v) => {
              if (!v?.[0] || !v[1]) return;
              setParams(new URLSearchParams({ from: v[0].format(ISO), to: v[1].format(ISO) }), { replace: true });
            }}
          />
        </Flex>
      }
    >
      {analysis.isError && !a ? <LoadError error={analysis.error} onRetry={() => void analysis.refetch()} /> : null}
      {!a ? <Skeleton active /> : <AnalysisBody a={a} isMobile={isMobile} />}
    </PageContainer>
  );
}

function AnalysisBody({ a, isMobile }: { a: Analysis; isMobile: boolean }) {
  const { t } = useTranslation();
  const categoryLabel = useReferenceLabel('complaint_categories');
  const s = a.summary;
  const none = t('complaints.analysis.none');

  const monthOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('complaints.analysis.received'), t('complaints.analysis.closed')] },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: a.byMonth.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('complaints.analysis.received'), type: 'bar', barMaxWidth: 32, data: a.byMonth.map((m) => m.count) },
        { name: t('complaints.analysis.closed'), type: 'line', data: a.byMonth.map((m) => m.closed) },
      ],
    }),
    [a.byMonth, t],
  );
  const pie = (data: { name: string; value: number }[]): ChartOption => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data, label: { formatter: '{b}: {c}' } }],
  });
  const bars = (data: { name: string; value: number }[]): ChartOption => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 100, right: 16, top: 10, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.map((d) => d.name).reverse() },
    series: [{ type: 'bar', barMaxWidth: 28, data: data.map((d) => d.value).reverse() }],
  });

  const countColumns = (label: string): TableColumnsType<{ name: string; count: number }> => [
    { title: label, dataIndex: 'name' },
    { title: t('complaints.analysis.count'), dataIndex: 'count', width: 120, align: 'right' },
  ];
  const categories = a.byCategory.map((c) => ({ name: categoryLabel(c.key), count: c.count }));
  const severities = a.bySeverity.map((c) => ({ name: t(`complaints.severity.${c.key}`), count: c.count }));
  const departments = a.byDepartment.map((d) => ({ name: d.name ?? none, count: d.count }));
  const summaryRows: { key: string; name: string; value: string }[] = [
    { key: 'received', name: t('complaints.analysis.summary.received'), value: String(s.received) },
    { key: 'resolved', name: t('complaints.analysis.summary.resolved'), value: String(s.resolved) },
    { key: 'closed', name: t('complaints.analysis.summary.closed'), value: String(s.closed) },
    { key: 'open', name: t('complaints.analysis.summary.open'), value: String(s.open) },
    { key: 'inTimeRate', name: t('complaints.analysis.summary.inTimeRate'), value: pct(s.inTimeRate) },
    { key: 'resolutionRate', name: t('complaints.analysis.summary.resolutionRate'), value: pct(s.resolutionRate) },
    { key: 'satisfactionAverage', name: t('complaints.analysis.summary.satisfactionAverage'), value: num(s.satisfactionAverage) },
    { key: 'satisfiedRate', name: t('complaints.analysis.summary.satisfiedRate'), value: pct(s.satisfiedRate) },
    { key: 'averageHandlingDays', name: t('complaints.analysis.summary.averageHandlingDays'), value: num(s.averageHandlingDays) },
    { key: 'breaches', name: t('complaints.analysis.summary.breaches'), value: String(s.breaches) },
    { key: 'repeatedCustomers', name: t('complaints.analysis.summary.repeatedCustomers'), value: String(s.repeatedCustomers) },
  ];
  const col = isMobile ? 24 : 12;

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {[
          ['received', s.received, undefined],
          ['inTimeRate', s.inTimeRate ?? '—', s.inTimeRate === null ? undefined : '%'],
          ['resolutionRate', s.resolutionRate ?? '—', s.resolutionRate === null ? undefined : '%'],
          ['satisfactionAverage', s.satisfactionAverage ?? '—', s.satisfactionAverage === null ? undefined : '/ 5'],
          ['averageHandlingDays', s.averageHandlingDays ?? '—', s.averageHandlingDays === null ? undefined : t('complaints.workingDays')],
          ['breaches', s.breaches, undefined],
        ].map(([key, value, suffix]) => (
          <Col key={String(key)} xs={12} md={8} lg={4}>
            <Card size="small">
              <Statistic title={t(`complaints.analysis.summary.${key}`)} value={value as number | string} suffix={suffix as string | undefined} />
            </Card>
          </Col>
        ))}
      </Row>

      <Section table="summary" from={a.from} to={a.to}>
        <Table rowKey="key" size="small" pagination={false} dataSource={summaryRows} columns={[{ title: t('complaints.analysis.measure'), dataIndex: 'name' }, { title: t('complaints.analysis.value'), dataIndex: 'value', width: 160, align: 'right' }]} />
      </Section>

      <Section table="month" from={a.from} to={a.to} chart={<EChart option={monthOption} label={t('complaints.analysis.tables.month')} />}>
        <Table
          rowKey="month"
          size="small"
          pagination={false}
          dataSource={a.byMonth}
          scroll={{ y: 240 }}
          columns={[
            { title: t('complaints.analysis.month'), dataIndex: 'month' },
            { title: t('complaints.analysis.received'), dataIndex: 'count', width: 110, align: 'right' },
            { title: t('complaints.analysis.closed'), dataIndex: 'closed', width: 110, align: 'right' },
          ]}
        />
      </Section>

      <Row gutter={[16, 16]}>
        <Col span={col}>
          <Section table="category" from={a.from} to={a.to} chart={<EChart option={bars(categories.map((c) => ({ name: c.name, value: c.count })))} label={t('complaints.analysis.tables.category')} height={220} />}>
            <Table rowKey="name" size="small" pagination={false} dataSource={categories} columns={countColumns(t('complaints.fields.category'))} />
          </Section>
        </Col>
        <Col span={col}>
          <Section table="severity" from={a.from} to={a.to} chart={<EChart option={pie(severities.map((c) => ({ name: c.name, value: c.count })))} label={t('complaints.analysis.tables.severity')} height={220} />}>
            <Table rowKey="name" size="small" pagination={false} dataSource={severities} columns={countColumns(t('complaints.fields.severity'))} />
          </Section>
        </Col>
        <Col span={col}>
          <Section table="department" from={a.from} to={a.to} chart={<EChart option={bars(departments.map((c) => ({ name: c.name, value: c.count })))} label={t('complaints.analysis.tables.department')} height={220} />}>
            <Table rowKey="name" size="small" pagination={false} dataSource={departments} columns={countColumns(t('complaints.fields.faultDepartment'))} />
          </Section>
        </Col>
        <Col span={col}>
          <Section table="repeated" from={a.from} to={a.to}>
            <Table
              rowKey={(r) => `${r.customerId ?? ''}-${r.name}-${r.phone ?? ''}`}
              size="small"
              pagination={false}
              dataSource={a.repeated}
              locale={{ emptyText: t('complaints.analysis.noRepeated') }}
              columns={[
                { title: t('complaints.fields.customer'), dataIndex: 'name', render: (v: string, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{v}</Link> : v) },
                { title: t('complaints.fields.complainantPhone'), dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? '—' },
                { title: t('complaints.analysis.count'), dataIndex: 'count', width: 80, align: 'right' },
                { title: t('complaints.analysis.lastReceived'), dataIndex: 'lastReceived', width: 110 },
              ]}
            />
          </Section>
        </Col>
      </Row>

      <Section table="handler" from={a.from} to={a.to}>
        <Table
          rowKey={(r) => String(r.handlerId)}
          size="small"
          pagination={false}
          dataSource={a.byHandler}
          scroll={{ x: 720 }}
          columns={[
            { title: t('complaints.fields.handler'), dataIndex: 'name', render: (v: string | null) => v ?? <Typography.Text type="warning">{t('complaints.unassigned')}</Typography.Text> },
            { title: t('complaints.analysis.received'), dataIndex: 'received', width: 90, align: 'right' },
            { title: t('complaints.analysis.summary.resolved'), dataIndex: 'resolved', width: 90, align: 'right' },
            { title: t('complaints.analysis.inTime'), dataIndex: 'inTime', width: 90, align: 'right' },
            { title: t('complaints.analysis.summary.inTimeRate'), dataIndex: 'inTimeRate', width: 130, align: 'right', render: pct },
            { title: t('complaints.analysis.summary.breaches'), dataIndex: 'breaches', width: 90, align: 'right' },
            { title: t('complaints.analysis.summary.satisfactionAverage'), dataIndex: 'satisfactionAverage', width: 150, align: 'right', render: num },
          ]}
        />
      </Section>
    </Flex>
  );
}
