import type { MessageShape } from '../../../app/module';

/** 仪表盘 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  dashboards: {
    nav: '仪表盘',
    title: '仪表盘',
    scope: { all: '全部客户', department: '本部门的客户', team: '本小组的客户', own: '我负责的客户' },
    period: '{{scope}} · 近十二个月 {{from}} 至 {{to}}',
    asOf: '截至 {{time}}',
    live: '实时',
    clickHint: '点击图形打开对应的列表',
    gradeRegion: { empty: '您负责范围内还没有客户：客户建档（或导入）后，按等级和省份在此汇总，点击可打开对应的客户列表。', title: '客户等级与区域', chart: '各省份各等级的客户数', noGrade: '未定级', noProvince: '未填省份' },
    sales: { title: '月度销售趋势', chart: '近十二个月每月销售额（元）', series: '销售额（元）' },
    top: { title: '重点客户', chart: '近十二个月销售额最高的客户（元）', empty: '近十二个月没有交易' },
    complaints: { title: '投诉处理及时率', detail: '已处理 {{resolved}} 件，其中及时 {{inTime}} 件；共受理 {{received}} 件' },
    satisfaction: { title: '满意度指数', detail: '{{responses}} 份答卷' },
    cadence: { title: '回访频率达标率', detail: '共 {{total}} 位客户：按期 {{inTime}}，将到期 {{due}}，已逾期 {{overdue}}' },
    pool: { title: '公海流动', chart: '每月退回公海与从公海领取的客户数', released: '退回公海', claimed: '领取' },
    none: '—（尚无记录）',
    open: '查看',
  },
};
export type Messages = MessageShape<typeof zhCN>;
export default zhCN;
