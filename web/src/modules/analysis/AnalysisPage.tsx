import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Input, InputNumber, Row, Segmented, Select, Skeleton, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { fetchFile } from '../../api/client';
import type { ACardAnalysis, AnalysisTableName, CCardAnalysis, GrowthAnalysis, RegionAnalysis, SalesAnalysis, StructureAnalysis } from '../../api/contract/analysis';
import { useIsMobile } from '../../app/useIsMobile';
import { saveBlob } from '../../components/download';
import { type ChartOption, EChart } from '../../components/EChart';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useTeams } from '../admin/org/hooks';
import { OwnerSelect } from '../customers/OwnerSelect';
import { type AnalysisFilters, useACard, useCCard, useGrowth, useRegions, useSales, useStructure } from './hooks';

const TABLES: AnalysisTableName[] = ['growth', 'regions', 'sales', 'structure', 'acard', 'ccard'];
const PERIODS = ['month', 'quarter', 'year'] as const;
const yuan = (cents: number) => (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v: number) => `${v.toFixed(2)}%`;

/** The filters as they stand in the URL, so a table can be bookmarked and shared. */
function filtersOf(p: URLSearchParams): AnalysisFilters {
  const text = (k: string) => p.get(k)?.trim() || undefined;
  const num = (k: string) => (/^\d+$/.test(p.get(k) ?? '') ? Number(p.get(k)) : undefined);
  const period = PERIODS.find((x) => x === p.get('period')) ?? 'month';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(p.get('date') ?? '') ? p.get('date')! : undefined;
  return {
    period,
    date,
    compare: p.get('compare') === 'lastYear' ? 'lastYear' : 'previous',
    teamId: num('teamId'),
    ownerId: num('ownerId'),
    province: text('province'),
    city: text('city'),
    industry: text('industry'),
    grade: text('grade'),
    top: num('top'),
  };
}

function ExportButton({ table, filters }: { table: AnalysisTableName; filters: AnalysisFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await fetchFile(`/api/analysis/${table}/export.xlsx`, { ...filters });
      saveBlob(blob, filename ?? `${table}.xlsx`);
      void message.success(t('analysis.exported', { file: filename ?? `${table}.xlsx` }));
    } catch (err) {
      void message.error(t('analysis.exportFailed', { reason: describe(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void run()}>
      {t('analysis.export')}
    </Button>
  );
}

/** A table beside its chart (stacked on a phone). */
function Layout({ chart, table, notes }: { chart: ReactNode; table: ReactNode; notes?: string[] }) {
  const isMobile = useIsMobile();
  return (
    <Flex vertical gap={12}>
      {notes?.map((n) => <Alert key={n} type="info" showIcon message={n} />)}
      <Row gutter={[16, 16]}>
        <Col span={isMobile ? 24 : 14}>{table}</Col>
        <Col span={isMobile ? 24 : 10}>{chart}</Col>
      </Row>
    </Flex>
  );
}

function GrowthTable({ a }: { a: GrowthAnalysis }) {
  const { t } = useTranslation();
  type Row = GrowthAnalysis['rows'][number];
  const columns: TableColumnsType<Row> = [
    { title: t('analysis.period'), dataIndex: ['span', 'label'], fixed: 'left' },
    {
      title: t('analysis.customers'),
      children: (['previousCount', 'added', 'removed', 'current', 'growth'] as const).map((k) => ({
        title: t(`analysis.${k}`),
        align: 'right' as const,
        render: (_: unknown, r: Row) => (k === 'previousCount' ? r.previous : k === 'growth' ? (r.growth > 0 ? `+${r.growth}` : r.growth) : r[k]),
      })),
    },
    {
      title: t('analysis.customerSales'),
      children: [
        { title: t('analysis.oldCustomers'), align: 'right' as const, render: (_: unknown, r: Row) => yuan(r.oldSalesCents) },
        { title: t('analysis.newCustomers'), align: 'right' as const, render: (_: unknown, r: Row) => yuan(r.newSalesCents) },
        { title: t('analysis.thisSales'), align: 'right' as const, render: (_: unknown, r: Row) => yuan(r.salesCents) },
        { title: t('analysis.lastSales'), align: 'right' as const, render: (_: unknown, r: Row) => yuan(r.comparedSalesCents) },
      ],
    },
  ];
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: a.rows.map((r) => r.span.label) },
    yAxis: { type: 'value' },
    series: [
      { name: t('analysis.oldCustomers'), type: 'bar', stack: 'sales', barMaxWidth: 40, data: a.rows.map((r) => r.oldSalesCents / 100) },
      { name: t('analysis.newCustomers'), type: 'bar', stack: 'sales', barMaxWidth: 40, data: a.rows.map((r) => r.newSalesCents / 100) },
    ],
  };
  return (
    <Layout
      notes={[t('analysis.directNote'), t('analysis.removedNote')]}
      table={<Table rowKey={(r) => r.span.label} size="small" bordered pagination={false} scroll={{ x: 'max-content' }} columns={columns} dataSource={a.rows} />}
      chart={<EChart label={t('analysis.chart.growth')} option={option} />}
    />
  );
}

function RegionsTable({ a }: { a: RegionAnalysis }) {
  const { t } = useTranslation();
  const none = t('analysis.none');
  type Row = RegionAnalysis['rows'][number];
  const columns: TableColumnsType<Row> = [
    { title: t('analysis.province'), dataIndex: 'province', render: (v: string | null) => v ?? none },
    { title: t('analysis.city'), dataIndex: 'city', render: (v: string | null) => v ?? none },
    { title: t('analysis.customerCount'), dataIndex: 'customers', align: 'right' },
    { title: t('analysis.customerShare'), dataIndex: 'customerShare', align: 'right', render: pct },
    { title: t('analysis.sales'), dataIndex: 'salesCents', align: 'right', render: yuan },
    { title: t('analysis.salesShare'), dataIndex: 'salesShare', align: 'right', render: pct },
  ];
  const names = a.rows.map((r) => [r.province ?? none, r.city ?? ''].filter(Boolean).join(' '));
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 100, right: 16, top: 36, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: [...names].reverse() },
    series: [
      { name: t('analysis.customerShare'), type: 'bar', barMaxWidth: 20, data: a.rows.map((r) => r.customerShare).reverse() },
      { name: t('analysis.salesShare'), type: 'bar', barMaxWidth: 20, data: a.rows.map((r) => r.salesShare).reverse() },
    ],
  };
  return (
    <Layout
      table={
        <Table
          rowKey={(r) => `${r.province ?? ''}|${r.city ?? ''}`}
          size="small"
          bordered
          pagination={false}
          columns={columns}
          dataSource={a.rows}
          locale={{ emptyText: t('analysis.empty') }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>{t('analysis.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{a.totals.customers}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{pct(a.totals.customers ? 100 : 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{yuan(a.totals.salesCents)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{pct(a.totals.salesCents ? 100 : 0)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      }
      chart={<EChart label={t('analysis.chart.regions')} height={Math.max(280, names.length * 36)} option={option} />}
    />
  );
}

function SalesTable({ a }: { a: SalesAnalysis }) {
  const { t } = useTranslation();
  type Row = SalesAnalysis['rows'][number];
  const other = t('analysis.other');
  const columns: TableColumnsType<Row> = [
    { title: t('analysis.customerName'), dataIndex: 'name', fixed: 'left', render: (v: string | null) => v ?? other },
    ...a.products.map((p, i) => ({ title: p.product ?? other, key: `p${i}`, align: 'right' as const, render: (_: unknown, r: Row) => yuan(r.cells[i]) })),
    { title: t('analysis.total'), dataIndex: 'totalCents', align: 'right', render: yuan },
  ];
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 100, right: 16, top: 10, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: a.products.map((p) => p.product ?? other).reverse() },
    series: [{ type: 'bar', barMaxWidth: 24, data: a.products.map((p) => p.totalCents / 100).reverse() }],
  };
  return (
    <Layout
      table={
        <Table
          rowKey={(r) => r.customerId ?? 0}
          size="small"
          bordered
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={a.rows}
          locale={{ emptyText: t('analysis.empty') }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('analysis.total')}</Table.Summary.Cell>
              {a.products.map((p, i) => (
                <Table.Summary.Cell key={i} index={i + 1} align="right">{yuan(p.totalCents)}</Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={a.products.length + 1} align="right">{yuan(a.totalCents)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      }
      chart={<EChart label={t('analysis.chart.sales')} option={option} />}
    />
  );
}

function StructureTable({ a }: { a: StructureAnalysis }) {
  const { t } = useTranslation();
  type Row = StructureAnalysis['rows'][number];
  const columns: TableColumnsType<Row> = [
    { title: t('analysis.product'), dataIndex: 'product' },
    { title: t('analysis.sales'), dataIndex: 'salesCents', align: 'right', render: yuan },
    { title: t('analysis.share'), dataIndex: 'share', align: 'right', render: pct },
    { title: t('analysis.buyers'), dataIndex: 'customers', align: 'right' },
  ];
  const option: ChartOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: a.rows.map((r) => ({ name: r.product, value: r.salesCents / 100 })), label: { formatter: '{b}: {d}%' } }],
  };
  return (
    <Layout
      notes={[t('analysis.categoryNote')]}
      table={<Table rowKey="product" size="small" bordered pagination={false} columns={columns} dataSource={a.rows} locale={{ emptyText: t('analysis.empty') }} />}
      chart={<EChart label={t('analysis.chart.structure')} option={option} />}
    />
  );
}

/** A卡: prospects entered in the period by source, salesperson and month, with conversions; missing dimensions are said, not estimated. */
function ACardTable({ a }: { a: ACardAnalysis }) {
  const { t } = useTranslation();
  type Row = ACardAnalysis['bySource'][number];
  const rate = (v: number | null) => (v === null ? '—' : pct(v));
  const columns = (label: (r: Row) => string): TableColumnsType<Row> => [
    { title: t('analysis.card.item'), key: 'item', render: (_: unknown, r: Row) => label(r) },
    { title: t('analysis.card.prospects'), dataIndex: 'count', align: 'right' },
    { title: t('analysis.card.converted'), dataIndex: 'converted', align: 'right' },
    { title: t('analysis.card.lost'), dataIndex: 'lost', align: 'right' },
    { title: t('analysis.card.conversionRate'), dataIndex: 'conversionRate', align: 'right', render: rate },
  ];
  const block = (title: string, rows: Row[], label: (r: Row) => string) => (
    <Table
      key={title}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      columns={columns(label)}
      dataSource={rows}
      locale={{ emptyText: t('analysis.empty') }}
    />
  );
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: a.byMonth.map((r) => r.key) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('analysis.card.prospects'), type: 'bar', barMaxWidth: 32, data: a.byMonth.map((r) => r.count) },
      { name: t('analysis.card.converted'), type: 'bar', barMaxWidth: 32, data: a.byMonth.map((r) => r.converted) },
    ],
  };
  const notes = [
    t('analysis.card.unavailable', { dims: a.unavailable.map((d) => t(`analysis.card.dims.${d}`)).join(t('common.listSeparator')) }),
    ...(a.ignoredFilters.length ? [t('analysis.card.ignored', { filters: a.ignoredFilters.map((f) => t(`analysis.filters.${f}`)).join(t('common.listSeparator')) })] : []),
  ];
  return (
    <Layout
      notes={notes}
      table={
        <Flex vertical gap={12}>
          <Typography.Text>
            {t('analysis.card.totals', { count: a.totals.count, converted: a.totals.converted, lost: a.totals.lost, rate: rate(a.totals.conversionRate) })}
          </Typography.Text>
          {block(t('analysis.card.bySource'), a.bySource, (r) => t(`analysis.card.channels.${r.key}`, { defaultValue: r.key }))}
          {block(t('analysis.card.bySalesperson'), a.bySalesperson, (r) => r.name ?? r.key)}
          {block(t('analysis.card.byMonth'), a.byMonth, (r) => r.key)}
        </Flex>
      }
      chart={<EChart label={t('analysis.chart.acard')} option={option} />}
    />
  );
}

/** C卡: customers at the end of the period by type (archive status), province, industry, products bought and loyalty segment. */
function CCardTable({ a }: { a: CCardAnalysis }) {
  const { t } = useTranslation();
  type Row = { key: string | null; count: number; share: number };
  const none = t('analysis.none');
  const block = (title: string, rows: Row[], label: (k: string | null) => string) => (
    <Table
      key={title}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      rowKey={(r) => r.key ?? ''}
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('analysis.empty') }}
      columns={[
        { title: t('analysis.card.item'), key: 'item', render: (_: unknown, r: Row) => label(r.key) },
        { title: t('analysis.customerCount'), dataIndex: 'count', align: 'right' },
        { title: t('analysis.share'), dataIndex: 'share', align: 'right', render: pct },
      ]}
    />
  );
  const share = (n: number) => (a.total ? Math.round((n / a.total) * 10000) / 100 : 0);
  const option: ChartOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: [...a.byLoyalty.rows.map((r) => ({ name: t(`analysis.card.segments.${r.key}`, { defaultValue: r.key ?? '' }), value: r.count })), { name: t('analysis.card.unscored'), value: a.byLoyalty.unscored }],
        label: { formatter: '{b}: {c}' },
      },
    ],
  };
  return (
    <Layout
      notes={[t('analysis.card.typeNote'), t('analysis.card.loyaltyNote', { from: a.byLoyalty.window.from, to: a.byLoyalty.window.to })]}
      table={
        <Flex vertical gap={12}>
          <Typography.Text>{t('analysis.card.customers', { count: a.total })}</Typography.Text>
          {block(t('analysis.card.byType'), a.byType, (k) => (k ? t(`analysis.card.statuses.${k}`, { defaultValue: k }) : none))}
          {block(t('analysis.card.byRegion'), a.byRegion, (k) => k ?? none)}
          {block(t('analysis.card.byIndustry'), a.byIndustry, (k) => k ?? none)}
          {block(t('analysis.card.byProduct'), [...a.byProduct.rows, { key: null, count: a.byProduct.noPurchase, share: share(a.byProduct.noPurchase) }], (k) => k ?? t('analysis.card.noPurchase'))}
          {block(t('analysis.card.byLoyalty'), [...a.byLoyalty.rows, { key: null, count: a.byLoyalty.unscored, share: share(a.byLoyalty.unscored) }], (k) => (k ? t(`analysis.card.segments.${k}`, { defaultValue: k }) : t('analysis.card.unscored')))}
        </Flex>
      }
      chart={<EChart label={t('analysis.chart.ccard')} option={option} />}
    />
  );
}

function Body({ table, filters }: { table: AnalysisTableName; filters: AnalysisFilters }) {
  // Only the open tab's table is asked for.
  const growth = useGrowth(filters, table === 'growth');
  const regions = useRegions(filters, table === 'regions');
  const sales = useSales(filters, table === 'sales');
  const structure = useStructure(filters, table === 'structure');
  const acard = useACard(filters, table === 'acard');
  const ccard = useCCard(filters, table === 'ccard');
  const q = { growth, regions, sales, structure, acard, ccard }[table];
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (table === 'growth') return growth.data ? <GrowthTable a={growth.data} /> : <Skeleton active />;
  if (table === 'regions') return regions.data ? <RegionsTable a={regions.data} /> : <Skeleton active />;
  if (table === 'sales') return sales.data ? <SalesTable a={sales.data} /> : <Skeleton active />;
  if (table === 'acard') return acard.data ? <ACardTable a={acard.data} /> : <Skeleton active />;
  if (table === 'ccard') return ccard.data ? <CCardTable a={ccard.data} /> : <Skeleton active />;
  return structure.data ? <StructureTable a={structure.data} /> : <Skeleton active />;
}

/** /analysis — 分析报表 (docs/regulations.md §16): the seeds' tables with their charts and .xlsx exports; filters in the URL. */
export default function AnalysisPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const table = TABLES.find((x) => x === params.get('table')) ?? 'growth';
  const teams = useTeams();
  const set = (patch: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  const picker = filters.period === 'month' ? 'month' : filters.period === 'quarter' ? 'quarter' : 'year';

  return (
    <PageContainer title={t('analysis.title')} extra={<ExportButton table={table} filters={filters} />}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={8} wrap align="center">
            <Segmented
              aria-label={t('analysis.filters.period')}
              value={filters.period}
              options={PERIODS.map((p) => ({ value: p, label: t(`analysis.filters.${p}`) }))}
              onChange={(v) => set({ period: String(v) })}
            />
            <DatePicker
              aria-label={t('analysis.filters.date')}
              picker={picker}
              allowClear
              value={filters.date ? dayjs(filters.date) : null}
              onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : undefined })}
            />
            <Select
              aria-label={t('analysis.filters.compare')}
              style={{ width: 160 }}
              value={filters.compare}
              options={(['previous', 'lastYear'] as const).map((c) => ({ value: c, label: t(`analysis.filters.${c}`) }))}
              onChange={(v) => set({ compare: v })}
            />
            <Select
              aria-label={t('analysis.filters.team')}
              placeholder={t('analysis.filters.team')}
              allowClear
              style={{ width: 160 }}
              value={filters.teamId}
              loading={teams.isFetching}
              options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              onChange={(v) => set({ teamId: v })}
            />
            <OwnerSelect aria-label={t('analysis.filters.owner')} placeholder={t('analysis.filters.owner')} style={{ width: 180 }} value={filters.ownerId} onChange={(v) => set({ ownerId: v })} />
            {(['province', 'city', 'industry', 'grade'] as const).map((k) => (
              <Input.Search
                key={`${k}:${filters[k] ?? ''}`}
                aria-label={t(`analysis.filters.${k}`)}
                placeholder={t(`analysis.filters.${k}`)}
                allowClear
                style={{ width: 140 }}
                defaultValue={filters[k]}
                onSearch={(v) => set({ [k]: v.trim() })}
              />
            ))}
            {table === 'sales' ? (
              <InputNumber aria-label={t('analysis.filters.top')} placeholder={t('analysis.filters.top')} min={1} max={50} value={filters.top} onChange={(v) => set({ top: v ?? undefined })} />
            ) : null}
            <Button type="link" onClick={() => setParams(new URLSearchParams(table === 'growth' ? {} : { table }), { replace: true })}>
              {t('analysis.filters.reset')}
            </Button>
          </Flex>
        </Card>
        <Typography.Text type="secondary">{t('analysis.scopeNote')}</Typography.Text>
        <Tabs activeKey={table} onChange={(k) => set({ table: k === 'growth' ? undefined : k })} items={TABLES.map((k) => ({ key: k, label: t(`analysis.tabs.${k}`) }))} />
        <Body table={table} filters={filters} />
      </Flex>
    </PageContainer>
  );
}
