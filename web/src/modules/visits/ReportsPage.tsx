import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ReportAverages, VisitReport } from '../../api/contract/visits';
import { type ListColumn, ListPage, useListState, EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { useAverages, useReports } from './hooks';

type By = ReportAverages['by'];
type Row = ReportAverages['rows'][number];

/** /visits/reports — the 走访客户报告单 within scope and their average scores per customer, region or period. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListState([{ name: 'date', kind: 'dateRange', range: ['from', 'to'], label: t('visits.report.reportDate') }]);
  const f = list.state.filters;
  const reports = useReports({ from: f.from, to: f.to, page: list.state.page, pageSize: list.state.pageSize });
  const [by, setBy] = useState<By>('customer');
  const [period, setPeriod] = useState<'month' | 'quarter' | 'year'>('month');
  const averages = useAverages({ by, period, from: f.from, to: f.to });
  const columns: ListColumn<VisitReport>[] = [
    { key: 'reportDate', title: t('visits.report.reportDate'), dataIndex: 'reportDate', width: 110 },
    { key: 'customer', title: t('visits.report.customerName'), dataIndex: 'customerName', width: 220, render: (v: string, r) => <Link to={`/customers/${r.customerId}?tab=visits`}>{v}</Link> },
    { key: 'quality', title: t('visits.report.quality'), width: 90, render: (_: unknown, r) => r.scores.quality },
    { key: 'service', title: t('visits.report.service'), width: 90, render: (_: unknown, r) => r.scores.service },
    { key: 'brand', title: t('visits.report.brand'), width: 110, render: (_: unknown, r) => r.scores.brand },
    { key: 'average', title: t('visits.report.average'), width: 90, render: (_: unknown, r) => r.scores.average },
    { key: 'reporter', title: t('visits.fields.visitor'), dataIndex: 'reporterName', width: 100 },
    {
      key: 'print',
      title: t('visits.report.print'),
      width: 90,
      render: (_: unknown, r) => (
        <Link to={`/visits/reports/${r.id}/print`} aria-label={`${t('visits.report.print')} ${r.customerName} ${r.reportDate}`}>
          <PrinterOutlined aria-hidden /> {t('visits.report.print')}
        </Link>
      ),
    },
  ];
  const label = (r: Row) => (by === 'province' || by === 'city') && !r.label ? t('visits.reports.unknownRegion') : r.label;
  return (
    <PageContainer
      title={t('visits.reports.title')}
      extra={
        can('visits.record') ? (
          <Link to="/visits/reports/new">
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('visits.report.newTitle')}
            </Button>
          </Link>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <ListPage<VisitReport> list={list} formName="visitReportFilters" query={reports} columns={columns} empty={t('visits.reports.empty')} emptyHint={{ description: t('visits.reports.emptyHint'), action: can('visits.record') ? { label: t('visits.reports.emptyAction'), onClick: () => navigate('/visits/reports/new') } : null }} tableProps={{ scroll: { x: 1000 } }} />
        <Card
          size="small"
          title={t('visits.reports.averages')}
          extra={
            <Flex gap={8} wrap>
              <Segmented<By> aria-label={t('visits.reports.by')} value={by} onChange={setBy} options={(['customer', 'province', 'city', 'period'] as const).map((b) => ({ value: b, label: t(`visits.reports.byOptions.${b}`) }))} />
              {by === 'period' ? (
                <Segmented<'month' | 'quarter' | 'year'>
                  aria-label={t('visits.reports.period')}
                  value={period}
                  onChange={setPeriod}
                  options={(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: t(`visits.reports.periods.${p}`) }))}
                />
              ) : null}
            </Flex>
          }
        >
          <Table<Row>
            rowKey="key"
            size="small"
            loading={averages.isFetching}
            dataSource={averages.data?.rows ?? []}
            locale={{ emptyText: <EmptyListHint hint={{ description: t('visits.reports.averagesEmpty') }} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 700 }}
            columns={[
              { title: t('visits.reports.group'), key: 'label', render: (_: unknown, r) => label(r) },
              { title: t('visits.reports.count'), dataIndex: 'reports', width: 90 },
              { title: t('visits.report.quality'), dataIndex: 'quality', width: 90 },
              { title: t('visits.report.service'), dataIndex: 'service', width: 90 },
              { title: t('visits.report.brand'), dataIndex: 'brand', width: 110 },
              { title: t('visits.report.average'), dataIndex: 'average', width: 90 },
            ]}
            summary={() =>
              averages.data?.overall ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('visits.reports.overall')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{averages.data.overall.reports}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{averages.data.overall.quality}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{averages.data.overall.service}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4}>{averages.data.overall.brand}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5}>{averages.data.overall.average}</Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      </Flex>
    </PageContainer>
  );
}
