import { describe, expect, it } from 'vitest';
import { progressChartOption } from './progressChart';

const labels = { month: (m: string) => m, target: '目标', unnamed: '—' };

describe('开发进度 chart (issue 16 §5)', () => {
  it('draws new prospects per owner and month, a missing month as 0, with the monthly target as a line', () => {
    const option = progressChartOption(
      {
        months: ['2026-10', '2026-11', '2026-12'],
        newProspectsTarget: 2,
        rows: [
          { ownerId: 1, ownerName: '吴专员', month: '2026-10', newProspects: 3, stageAdvances: 1, won: 0, wonAmount: 0 },
          { ownerId: 1, ownerName: '吴专员', month: '2026-12', newProspects: 1, stageAdvances: 0, won: 1, wonAmount: 20 },
          { ownerId: 2, ownerName: '李销售', month: '2026-11', newProspects: 2, stageAdvances: 2, won: 0, wonAmount: 0 },
        ],
        totals: [
          { ownerId: 1, ownerName: '吴专员', newProspects: 4, stageAdvances: 1, won: 1, wonAmount: 20 },
          { ownerId: 2, ownerName: '李销售', newProspects: 2, stageAdvances: 2, won: 0, wonAmount: 0 },
        ],
      },
      labels,
    ) as { xAxis: { data: string[] }; series: { type: string; name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(option.series).toMatchObject([
      { type: 'bar', name: '吴专员', data: [3, 0, 1] },
      { type: 'bar', name: '李销售', data: [0, 2, 0] },
      { type: 'line', name: '目标', data: [2, 2, 2] },
    ]);
  });

  it('leaves out the target line when there is no target', () => {
    const option = progressChartOption({ months: ['2026-10'], newProspectsTarget: 0, rows: [], totals: [] }, labels) as { series: unknown[] };
    expect(option.series).toEqual([]);
  });
});
