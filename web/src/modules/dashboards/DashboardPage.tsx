import { Card, Col, Empty, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Dashboard } from '../../api/contract/dashboards';
import { type ChartOption, EChart } from '../../components/EChart';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useCustomerOptions } from '../customers/hooks';
import { gradeLabel } from '../customers/labels';
import { useDashboard } from './hooks';

const yuan = (cents: number) => cents / 100;
const money = (cents: number) => (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PROVINCES = 12; // the provinces with most customers; the chart stays readable
const GRID = { left: 56, right: 16, top: 40, bottom: 48 };

/** "As of" the nightly run, or live (docs/regulations.md §16). */
function Freshness({ asOf }: { asOf: string | null }) {
  const { t } = useTranslation();
  return asOf ? <Tag color="blue">{t('dashboards.asOf', { time: formatDateTime(asOf) })}</Tag> : <Tag color="green">{t('dashboards.live')}</Tag>;
}

function Figure({ title, value, suffix, detail, to, extra }: { title: string; value: number | null; suffix?: string; detail: string; to?: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={extra}>
      <Statistic value={value ?? t('dashboards.none')} suffix={value === null ? undefined : suffix} />
      <Typography.Text type="secondary">{detail}</Typography.Text>
      {to ? (
        <div>
          <Link to={to}>{t('dashboards.open')}</Link>
        </div>
      ) : null}
    </Card>
  );
}

type Cell = { value: number; grade: string | null; province: string | null };

function gradeRegionOption(d: Dashboard, t: TFunction, label: (g: string | null) => string): ChartOption {
  const totals = new Map<string | null, number>();
  for (const r of d.gradeRegion) totals.set(r.province, (totals.get(r.province) ?? 0) + r.customers);
  const provinces = [...totals].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, PROVINCES).map(([p]) => p);
  const grades = [...new Set(d.gradeRegion.map((r) => r.grade))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: provinces.map((p) => p ?? t('dashboards.gradeRegion.noProvince')) },
    yAxis: { type: 'value', minInterval: 1 },
    series: grades.map((g) => ({
      type: 'bar',
      stack: 'customers',
      name: label(g),
      barMaxWidth: 80,
      data: provinces.map((p): Cell => ({ value: d.gradeRegion.find((r) => r.grade === g && r.province === p)?.customers ?? 0, grade: g, province: p })),
    })),
  };
}

/** The caller's dashboard: the same page for the director, a supervisor and a specialist, each within their scope. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const dash = useDashboard();
  const options = useCustomerOptions();
  const d = dash.data;

  const label = (g: string | null) => (g === null ? t('dashboards.gradeRegion.noGrade') : gradeLabel(t, g, options.data));
  const gradeRegion = useMemo(() => (d ? gradeRegionOption(d, t, label) : null), [d, t, options.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const sales = useMemo<ChartOption | null>(
    () =>
      d ? {
        tooltip: { trigger: 'axis' },
        grid: GRID,
        xAxis: { type: 'category', data: d.salesTrend.months.map((m) => m.month) },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', name: t('dashboards.sales.series'), barMaxWidth: 40, data: d.salesTrend.months.map((m) => ({ value: yuan(m.cents), month: m.month })) }],
      } : null,
    [d, t],
  );
  const top = useMemo<ChartOption | null>(
    () =>
      d ? {
        tooltip: { trigger: 'item' },
        grid: { ...GRID, left: 160 },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: d.topCustomers.rows.map((r) => r.name) },
        series: [{ type: 'bar', name: t('dashboards.sales.series'), data: d.topCustomers.rows.map((r) => ({ value: yuan(r.cents), id: r.id })) }],
      } : null,
    [d, t],
  );
  const pool = useMemo<ChartOption | null>(
    () =>
      d ? {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: GRID,
        xAxis: { type: 'category', data: d.pool.map((m) => m.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: t('dashboards.pool.released'), data: d.pool.map((m) => m.released) },
          { type: 'bar', name: t('dashboards.pool.claimed'), data: d.pool.map((m) => m.claimed) },
        ],
      } : null,
    [d, t],
  );

  if (dash.isError) return <LoadError error={dash.error} onRetry={() => void dash.refetch()} />;

  const lastDay = (month: string) => {
    const [y, m] = month.split('-').map(Number);
    return `${month}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
  };

  return (
    <PageContainer title={t('dashboards.title')}>
      {!d ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('dashboards.period', { scope: t(`dashboards.scope.${d.scope}`), from: d.from, to: d.to })} · {t('dashboards.clickHint')}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Figure
                title={t('dashboards.complaints.title')}
                value={d.complaints.inTimeRate}
                suffix="%"
                detail={t('dashboards.complaints.detail', d.complaints)}
                to={can('complaints.analyse') ? '/complaints/analysis' : can('complaints.read') ? '/complaints' : undefined}
                extra={<Freshness asOf={null} />}
              />
            </Col>
            <Col xs={24} md={8}>
              <Figure
                title={t('dashboards.satisfaction.title')}
                value={d.satisfaction.index}
                detail={t('dashboards.satisfaction.detail', d.satisfaction)}
                to={can('surveys.read') ? '/surveys' : undefined}
                extra={<Freshness asOf={null} />}
              />
            </Col>
            <Col xs={24} md={8}>
              <Figure
                title={t('dashboards.cadence.title')}
                value={d.cadence.rate}
                suffix="%"
                detail={t('dashboards.cadence.detail', d.cadence)}
                to={can('cadence.read') ? '/cadence' : undefined}
                extra={<Freshness asOf={d.cadence.asOf} />}
              />
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('dashboards.gradeRegion.title')} extra={<Freshness asOf={d.gradeRegionAsOf} />}>
                {d.gradeRegion.length && gradeRegion ? (
                  <EChart
                    option={gradeRegion}
                    height={320}
                    label={t('dashboards.gradeRegion.chart')}
                    onClick={(p) => {
                      const c = p.data as Cell | undefined;
                      if (!c || c.grade === null || c.province === null) return; // the list has no "not given" filter
                      navigate(`/customers?${new URLSearchParams({ grade: c.grade, province: c.province })}`);
                    }}
                  />
                ) : (
                  <Empty description={t('dashboards.gradeRegion.empty')} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('dashboards.sales.title')} extra={<Freshness asOf={d.salesTrend.asOf} />}>
                {sales ? (
                  <EChart
                    option={sales}
                    height={320}
                    label={t('dashboards.sales.chart')}
                    onClick={(p) => {
                      const m = (p.data as { month?: string } | undefined)?.month;
                      if (m && can('transactions.read')) navigate(`/transactions?${new URLSearchParams({ from: `${m}-01`, to: lastDay(m) })}`);
                    }}
                  />
                ) : null}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dashboards.top.title')} extra={<Freshness asOf={d.topCustomers.asOf} />}>
                {d.topCustomers.rows.length && top ? (
                  <>
                    <EChart
                      option={top}
                      height={320}
                      label={t('dashboards.top.chart')}
                      onClick={(p) => {
                        const id = (p.data as { id?: number } | undefined)?.id;
                        if (id) navigate(`/customers/${id}`);
                      }}
                    />
                    <Typography.Text type="secondary">{d.topCustomers.rows.map((r) => `${r.name} ¥${money(r.cents)}`).join(t('common.listSeparator'))}</Typography.Text>
                  </>
                ) : (
                  <Empty description={t('dashboards.top.empty')} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dashboards.pool.title')} extra={<Freshness asOf={null} />}>
                {pool ? <EChart option={pool} height={320} label={t('dashboards.pool.chart')} onClick={() => can('pool.read') && navigate('/pool')} /> : null}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </PageContainer>
  );
}
