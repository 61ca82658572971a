import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../api/contract/projects';
import { EChart, type ChartOption } from '../../components/EChart';

const DAY = 86_400_000;
const dayNo = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY);
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/**
 * The schedule as a Gantt-style timeline (docs/regulations.md §15): per milestone a planned bar and an actual
 * bar (to today while running), drawn as stacked bars whose first, invisible part is the offset from the start.
 */
export function Gantt({ milestones, today }: { milestones: Milestone[]; today: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const rows = [...milestones].reverse(); // first milestone on top
    const starts = rows.flatMap((m) => [dayNo(m.plannedStart), ...(m.actualStart ? [dayNo(m.actualStart)] : [])]);
    const origin = Math.min(...starts);
    const actualEnd = (m: Milestone) => (m.actualEnd ? dayNo(m.actualEnd) : m.actualStart ? Math.max(dayNo(today), dayNo(m.actualStart)) : null);
    const offset = (n: number | null) => (n === null ? null : n - origin);
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const m = rows[ps[0]?.dataIndex ?? 0]!;
          const actual = m.actualStart ? `${m.actualStart} – ${m.actualEnd ?? t('projects.gantt.ongoing')}` : t('projects.gantt.notStarted');
          return `${m.title}<br/>${t('projects.gantt.planned')}: ${m.plannedStart} – ${m.plannedEnd}<br/>${t('projects.gantt.actual')}: ${actual}`;
        },
      },
      legend: { data: [t('projects.gantt.planned'), t('projects.gantt.actual')] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => dateOf(v + origin).slice(5) } },
      yAxis: { type: 'category', data: rows.map((m) => m.title) },
      series: [
        { name: 'plan-offset', type: 'bar', stack: 'plan', itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, data: rows.map((m) => dayNo(m.plannedStart) - origin) },
        { name: t('projects.gantt.planned'), type: 'bar', stack: 'plan', itemStyle: { color: '#91caff' }, data: rows.map((m) => dayNo(m.plannedEnd) - dayNo(m.plannedStart) + 1) },
        { name: 'actual-offset', type: 'bar', stack: 'actual', itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, data: rows.map((m) => (m.actualStart ? offset(dayNo(m.actualStart)) : null)) },
        {
          name: t('projects.gantt.actual'),
          type: 'bar',
          stack: 'actual',
          data: rows.map((m) => {
            const end = actualEnd(m);
            if (!m.actualStart || end === null) return null;
            return { value: end - dayNo(m.actualStart) + 1, itemStyle: { color: m.slipDays > 0 || m.overdue ? '#ff7875' : '#95de64' } };
          }),
        },
      ],
    };
  }, [milestones, today, t]);
  if (!milestones.length) return null;
  return <EChart option={option} height={80 + milestones.length * 48} label={t('projects.gantt.label')} />;
}
