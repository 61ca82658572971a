import type { GradingMessages } from './zh-CN';

/** 客戶分級 — 繁體中文. */
const zhTW: GradingMessages = {
  grading: {
    nav: '客戶分級',
    title: '客戶分級',
    value: { title: '等級' },
    customer: '客戶',
    team: '團隊',
    current: '目前等級',
    proposed: '建議等級',
    noGrade: '未定級',
    noProposal: '尚無建議',
    amountClass: '金額分類',
    industryClassTitle: '行業分類',
    cooperationClass: '合作年限',
    industryClass: '{{class}} 類',
    amount: { large: '大客戶', medium: '中客戶', small: '小客戶' },
    cooperation: { long: '長期合作', medium: '中期合作', short: '短期合作' },
    score: '評估分數',
    scoreValue: '{{score}} 分',
    reason: '建議依據',
    empty: '沒有待確認的等級',
    proposeNow: '重新產生建議',
    proposedCount: '已更新 {{count}} 筆建議',
    confirmSelected: '確認所選（{{count}}）',
    confirmHint: '按建議等級確認所選客戶，變更記入客戶歷史。',
    confirmed: '已確認 {{count}} 個客戶的等級',
    classes: '分類（金額 / 行業 / 合作年限）',
    actions: '操作',
    override: '改定',
    overrideTitle: '改定等級：{{name}}',
    overrideOk: '確認',
    grade: '等級',
    gradeRequired: '請選擇等級',
    overrideReason: '理由',
    overrideHint: '與建議等級不同時必填，記入客戶歷史。',
    history: '等級變更記錄',
    change: '{{from}} → {{to}}（{{who}}，{{at}}）',
    overridden: '未按建議',
  },
  customers: {
    history: {
      actions: {
        grade: '確認等級',
        classify_industry: '行業分類',
        classify_cooperation: '合作年限分類',
      },
    },
  },
};

export default zhTW;
