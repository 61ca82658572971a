import type { Messages } from './zh-CN';

/** 績效與例行工作 — 繁體中文 */
const zhTW: Messages = {
  kpi: {
    nav: '績效',
    title: '績效考核',
    person: '人員',
    tally: { tab: '月度計分', base: '基礎分', total: '得分', deduction: '扣分原因', points: '分值', state: '狀態', annul: '撤銷扣分', annulledBy: '已由 {{by}} 撤銷：{{reason}}', reason: '撤銷原因', reasonRequired: '請填寫撤銷原因' },
    targets: { tab: '目標與實際', subject: '對象（人員或小組）', metric: '指標', target: '目標', actual: '實際', save: '儲存目標', missing: '每日有效電話、回訪次數、檔案完整率與客戶保持率暫無資料來源，不顯示。' },
    ranking: { tab: '年度排名', title: '{{year}} 年度得分排名', rank: '名次', total: '全年得分' },
    metric: {
      new_customers: '新開發客戶數（月）',
      complaint_in_time_rate: '投訴處理及時率（%）',
      complaint_resolution_rate: '投訴解決率（%）',
      complaint_satisfaction: '投訴處理滿意度',
      survey_satisfaction: '滿意度指數',
      cadence_in_time_rate: '按期回訪率（%）',
      late_plans: '逾期回訪計畫數',
    },
    meetings: { empty: '還沒有部門例會：部門例會按制度在每週二、週五 16:00 召開，主管安排下次例會後在此記錄參會人和決議事項。', nav: '例會', title: '部門例會', schedule: '安排下次例會', when: '時間', department: '部門', status: '狀態', scheduled: '待開', held: '已開', attendees: '參會人', decisions: '決議事項', notes: '備註', record: '記錄紀要' },
    reports: { empty: '本月沒有需要您提交的例行報告：主管的月度預測、總結和分析報告及回訪日報按截止日在此列出並提交。', nav: '例行報告', title: '例行報告', kind: '報告', period: '期間', due: '截止日', state: '提交情況', late: '逾期提交 {{at}}', onTime: '按時提交 {{at}}', missing: '未提交（已逾期）', submit: '提交' },
    report: { monthly_forecast: '月度預測', monthly_summary: '月度總結', monthly_analysis: '月度分析報告', daily_visit: '回訪日報' },
  },
};
export default zhTW;
