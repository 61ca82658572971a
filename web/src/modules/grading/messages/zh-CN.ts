import type { MessageShape } from '../../../app/module';

/** 客户分级 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  grading: {
    nav: '客户分级',
    title: '客户分级',
    value: { title: '等级' },
    customer: '客户',
    team: '团队',
    current: '当前等级',
    proposed: '建议等级',
    noGrade: '未定级',
    noProposal: '尚无建议',
    amountClass: '金额分类',
    industryClassTitle: '行业分类',
    cooperationClass: '合作年限',
    industryClass: '{{class}} 类',
    amount: { large: '大客户', medium: '中客户', small: '小客户' },
    cooperation: { long: '长期合作', medium: '中期合作', short: '短期合作' },
    score: '评估分数',
    scoreValue: '{{score}} 分',
    reason: '建议依据',
    empty: '没有待确认的等级',
    proposeNow: '重新生成建议',
    proposedCount: '已更新 {{count}} 条建议',
    confirmSelected: '确认所选（{{count}}）',
    confirmHint: '按建议等级确认所选客户，变更记入客户历史。',
    confirmed: '已确认 {{count}} 个客户的等级',
    classes: '分类（金额 / 行业 / 合作年限）',
    actions: '操作',
    override: '改定',
    overrideTitle: '改定等级：{{name}}',
    overrideOk: '确认',
    grade: '等级',
    gradeRequired: '请选择等级',
    overrideReason: '理由',
    overrideHint: '与建议等级不同时必填，记入客户历史。',
    history: '等级变更记录',
    change: '{{from}} → {{to}}（{{who}}，{{at}}）',
    overridden: '未按建议',
  },
  customers: {
    history: {
      actions: {
        grade: '确认等级',
        classify_industry: '行业分类',
        classify_cooperation: '合作年限分类',
      },
    },
  },
};

export default zhCN;
export type GradingMessages = MessageShape<typeof zhCN>;
