import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the analysis pages draw (complaints, surveys): keeps the lazily loaded chunk small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts canvas that follows its container's width. The figures are also in the tables next to
 * it; `label` names the chart for screen readers (role img). Animations stop under reduced motion.
 */
export function EChart({ option, height = 280, label, onClick }: { option: ChartOption; height?: number; label: string; onClick?: (params: { data?: unknown; value?: unknown }) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, so the chart is not rebuilt when the page re-renders.
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p as { data?: unknown; value?: unknown }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const reduced = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    chart.current?.setOption({ animation: !reduced, ...option }, true);
  }, [option]);

  // The named image wraps the canvas (ECharts writes its own attributes on the element it draws in).
  return (
    <div role="img" aria-label={label}>
      <div ref={ref} style={{ width: '100%', height }} />
    </div>
  );
}
