import { Alert, Button, Card, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type ChartOption, EChart } from '../../components/EChart';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useAccuracy, useRiskMatrix, useRisks } from './hooks';
import { LEVEL_COLOR, type Risk, type RiskLevel } from './types';

echarts.use([HeatmapChart, VisualMapComponent]);

const GRADES = [1, 2, 3, 4, 5];
const CELL_BG: Record<RiskLevel, string> = { high: '#ffccc7', medium: '#ffe7ba', low: '#d9f7be' };

/** /credit/risks — every customer's open risks by likelihood × impact (heat map and the same figures as a grid), the risks of a chosen cell, and the forecast accuracy. */
export default function RiskMatrixPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const likelihood = Number(params.get('likelihood')) || undefined;
  const impact = Number(params.get('impact')) || undefined;
  const page = Number(params.get('page')) || 1;
  const matrix = useRiskMatrix();
  const accuracy = useAccuracy();
  const selected = likelihood !== undefined && impact !== undefined;
  const risks = useRisks({ likelihood, impact, status: 'open', page }, selected);

  const count = (l: number, i: number) => matrix.data?.cells.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const level = (l: number, i: number) => matrix.data?.matrix[l - 1]?.[i - 1] ?? 'low';
  const pick = (l: number, i: number) => setParams({ likelihood: String(l), impact: String(i) });

  const option = useMemo<ChartOption>(() => {
    const cells = matrix.data?.cells ?? [];
    const max = Math.max(1, ...cells.map((c) => c.count));
    return {
      tooltip: { position: 'top' },
      grid: { left: 70, right: 20, top: 20, bottom: 70 },
      xAxis: { type: 'category', name: t('credit.matrix.impact'), nameLocation: 'middle', nameGap: 30, data: GRADES.map(String), splitArea: { show: true } },
      yAxis: { type: 'category', name: t('credit.matrix.likelihood'), nameLocation: 'middle', nameGap: 40, data: GRADES.map(String), splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f6ffed', '#ffd591', '#ff4d4f'] } },
      series: [
        {
          type: 'heatmap',
          // [impact index, likelihood index, count]
          data: GRADES.flatMap((l) => GRADES.map((i) => [i - 1, l - 1, cells.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0])),
          label: { show: true },
          emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
        },
      ],
    };
  }, [matrix.data, t]);

  const columns: TableColumnsType<Risk> = [
    { title: t('credit.risk.name'), dataIndex: 'title', width: 220, render: (v: string, r) => <Link to={`/credit/risks/${r.id}`}>{v}</Link> },
    { title: t('credit.risk.customer'), dataIndex: 'customerName', width: 200, render: (v: string, r) => <Link to={`/customers/${r.customerId}?tab=credit`}>{v}</Link> },
    { title: t('credit.risk.category'), dataIndex: 'category', width: 100, render: (v: Risk['category']) => t(`credit.risk.categories.${v}`) },
    { title: t('credit.risk.level'), dataIndex: 'level', width: 80, render: (v: RiskLevel) => <Tag color={LEVEL_COLOR[v]}>{t(`credit.risk.levels.${v}`)}</Tag> },
    { title: t('credit.risk.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('credit.risk.response'), dataIndex: 'response', width: 240, ellipsis: true },
  ];

  if (matrix.isError && !matrix.data) return <LoadError error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const acc = accuracy.data;
  return (
    <PageContainer title={t('credit.matrix.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <EChart
              option={option}
              height={360}
              label={t('credit.matrix.chart')}
              onClick={(p) => {
                const v = p.value as number[] | undefined;
                if (Array.isArray(v)) pick(v[1]! + 1, v[0]! + 1);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('credit.matrix.title')}>
            <table className="gx-risk-grid" style={{ borderCollapse: 'collapse', width: '100%' }}>
              <thead>
                <tr>
                  <th scope="col" style={{ fontWeight: 400, fontSize: 12 }}>
                    {t('credit.matrix.corner')}
                  </th>
                  {GRADES.map((i) => (
                    <th key={i} scope="col">
                      {i}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...GRADES].reverse().map((l) => (
                  <tr key={l}>
                    <th scope="row">{l}</th>
                    {GRADES.map((i) => (
                      <td key={i} style={{ padding: 2 }}>
                        <Button
                          block
                          size="small"
                          aria-label={t('credit.matrix.cell', { likelihood: l, impact: i, count: count(l, i) })}
                          aria-pressed={likelihood === l && impact === i}
                          style={{ background: CELL_BG[level(l, i)], fontWeight: likelihood === l && impact === i ? 700 : 400 }}
                          onClick={() => pick(l, i)}
                        >
                          {count(l, i)}
                        </Button>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={selected ? t('credit.matrix.selected', { likelihood, impact }) : t('credit.matrix.pick')}
        extra={selected ? <Button onClick={() => setParams({})}>{t('credit.matrix.clear')}</Button> : null}
      >
        {selected ? (
          <Table<Risk>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={risks.data?.items ?? []}
            loading={risks.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('credit.matrix.empty') }}
            pagination={{ current: page, pageSize: 20, total: risks.data?.total ?? 0, hideOnSinglePage: true, onChange: (p) => setParams({ likelihood: String(likelihood), impact: String(impact), page: String(p) }) }}
          />
        ) : null}
      </Card>

      <Card size="small" style={{ marginTop: 16 }} title={t('credit.accuracy.title')}>
        {acc ? (
          <Flex vertical gap={12}>
            <Alert
              type={acc.meetsTarget === null ? 'info' : acc.meetsTarget ? 'success' : 'warning'}
              showIcon
              title={
                acc.accuracyPct === null
                  ? t('credit.accuracy.none', { target: acc.targetPct })
                  : `${t('credit.accuracy.rate', { pct: acc.accuracyPct, target: acc.targetPct })} ${t(acc.meetsTarget ? 'credit.accuracy.meets' : 'credit.accuracy.below')}`
              }
            />
            <Table
              rowKey="level"
              size="small"
              pagination={false}
              dataSource={acc.rows}
              columns={[
                { title: t('credit.accuracy.predicted'), dataIndex: 'level', render: (v: RiskLevel) => <Tag color={LEVEL_COLOR[v]}>{t(`credit.risk.levels.${v}`)}</Tag> },
                { title: t('credit.accuracy.closed'), dataIndex: 'closed' },
                { title: t('credit.accuracy.occurred'), dataIndex: 'occurred' },
                { title: t('credit.accuracy.notOccurred'), dataIndex: 'notOccurred' },
                { title: t('credit.accuracy.correct'), dataIndex: 'correct' },
              ]}
            />
          </Flex>
        ) : (
          <Typography.Text type="secondary">…</Typography.Text>
        )}
      </Card>
    </PageContainer>
  );
}
