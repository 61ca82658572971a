import type { ChartOption } from '../../components/EChart';
import type { ProgressAnswer } from '../../api/contract/development';

/**
 * 开发进度 as a chart: new prospects per month, one bar series per owner, and the monthly target as a
 * line (docs/regulations.md §6). The same figures are in the table below it.
 */
export function progressChartOption(data: Pick<ProgressAnswer, 'months' | 'rows' | 'totals' | 'newProspectsTarget'>, labels: { month: (m: string) => string; target: string; unnamed: string }): ChartOption {
  const byOwnerMonth = new Map(data.rows.map((r) => [`${r.ownerId}|${r.month}`, r.newProspects]));
  const series: object[] = data.totals.map((o) => ({
    type: 'bar',
    name: o.ownerName ?? labels.unnamed,
    data: data.months.map((m) => byOwnerMonth.get(`${o.ownerId}|${m}`) ?? 0),
  }));
  if (data.newProspectsTarget > 0) {
    series.push({ type: 'line', name: labels.target, data: data.months.map(() => data.newProspectsTarget), symbol: 'none', lineStyle: { type: 'dashed', color: '#cf1322' }, itemStyle: { color: '#cf1322' } });
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: data.months.map(labels.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}
