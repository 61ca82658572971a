import type { Messages } from './zh-CN';

/** 系统设置 — 繁體中文 */
const zhTW: Messages = {
  settings: {
    title: '系統設定',
    groups: {
      security: '安全與登入',
      calendar: '工作日曆',
      archive: '客戶檔案',
      classification: '分類分級',
      complaints: '投訴處理',
      visits: '回訪',
      notifications: '訊息通知',
      contracts: '合約',
      development: '客戶開發',
      surveys: '滿意度調查',
    },
    readOnly: '您只能檢視系統設定，修改需要「系統設定管理」權限。',
    defaultHint: '預設：{{value}}',
    invalidJson: '格式不正確（須為 JSON）',
    source: '依據：{{source}}',
    on: '開',
    off: '關',
    isDefault: '預設值',
    changed: '已修改',
    secretSet: '已設定',
    secretNotSet: '未設定',
    replaceSecret: '更換',
    newSecret: '新的值',
    blankClears: '留空儲存即清除',
    secretHint: '此項為密鑰，儲存後不再顯示。',
    secretHintEnv: '此項為密鑰，儲存後不再顯示；也可在伺服器上用環境變數 {{name}} 提供，設定了環境變數時以它為準。',
    fromEnv: '由環境變數 {{name}} 提供',
  },
  nav: {
    settings: '系統設定',
  },
};

export default zhTW;
