import type { MessageShape } from '../../../app/module';

/** 绩效与例行工作 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  kpi: {
    nav: '绩效',
    title: '绩效考核',
    person: '人员',
    tally: { tab: '月度计分', base: '基础分', total: '得分', deduction: '扣分原因', points: '分值', state: '状态', annul: '撤销扣分', annulledBy: '已由 {{by}} 撤销：{{reason}}', reason: '撤销原因', reasonRequired: '请填写撤销原因' },
    targets: { tab: '目标与实际', subject: '对象（人员或小组）', metric: '指标', target: '目标', actual: '实际', save: '保存目标', missing: '每日有效电话、回访次数、档案完整率与客户保持率暂无数据来源，不显示。' },
    ranking: { tab: '年度排名', title: '{{year}} 年度得分排名', rank: '名次', total: '全年得分' },
    metric: {
      new_customers: '新开发客户数（月）',
      complaint_in_time_rate: '投诉处理及时率（%）',
      complaint_resolution_rate: '投诉解决率（%）',
      complaint_satisfaction: '投诉处理满意度',
      survey_satisfaction: '满意度指数',
      cadence_in_time_rate: '按期回访率（%）',
      late_plans: '逾期回访计划数',
    },
    meetings: { empty: '还没有部门例会：部门例会按制度在每周二、周五 16:00 召开，主管安排下次例会后在此记录参会人和决议事项。', nav: '例会', title: '部门例会', schedule: '安排下次例会', when: '时间', department: '部门', status: '状态', scheduled: '待开', held: '已开', attendees: '参会人', decisions: '决议事项', notes: '备注', record: '记录纪要' },
    reports: { empty: '本月没有需要您提交的例行报告：主管的月度预测、总结和分析报告及回访日报按截止日在此列出并提交。', nav: '例行报告', title: '例行报告', kind: '报告', period: '期间', due: '截止日', state: '提交情况', late: '逾期提交 {{at}}', onTime: '按时提交 {{at}}', missing: '未提交（已逾期）', submit: '提交' },
    report: { monthly_forecast: '月度预测', monthly_summary: '月度总结', monthly_analysis: '月度分析报告', daily_visit: '回访日报' },
  },
};
export type Messages = MessageShape<typeof zhCN>;
export default zhCN;
