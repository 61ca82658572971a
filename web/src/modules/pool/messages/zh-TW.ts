import type { Messages } from './zh-CN';

/** 公海 — 繁體中文 */
const zhTW: Messages = {
  pool: {
    nav: '公海',
    title: '公海客戶',
    pool: '公海',
    poolOption: '{{name}}（{{count}} 個客戶）',
    noPools: '暫無公海：客戶按規則移入後，本部門的公海會出現在這裡',
    empty: '公海中沒有客戶',
    search: '客戶名稱或檔案號',
    customer: '客戶',
    grade: '等級',
    industry: '行業',
    reason: '進入原因',
    allReasons: '全部原因',
    previousOwner: '原負責人',
    releasedAt: '進入日期',
    actions: '操作',
    claim: '領取',
    claimed: '已領取：{{name}}',
    cooldownUntil: '{{date}} 後可重新領取',
    status: '今日已領取 {{claimed}} / {{cap}}，負責客戶 {{holding}} / {{holdingCap}}',
    rules: { no_contact: '未聯繫', no_deal: '未成交', contract_ended: '合約結束' },
  },
};
export default zhTW;
