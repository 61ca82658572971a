import type { Messages } from './zh-CN';

/** 个人客户 — 繁體中文 */
const zhTW: Messages = {
  individuals: {
    title: '個人客戶',
    create: '新增個人客戶',
    createTitle: '新增個人客戶',
    editTitle: '編輯個人客戶：{{name}}',
    created: '個人客戶已建立：{{name}}',
    updated: '個人客戶資料已儲存',
    searchLabel: '搜尋個人客戶',
    searchPlaceholder: '姓名、拼音、拼音首字母、手機號碼',
    initialBar: '依姓名首字母篩選',
    initialCount: '{{initial}}：{{count}} 位',
    initial: '首字母',
    name: '姓名',
    gender: '性別',
    genderUnknown: '未填寫',
    genders: {
      male: '男',
      female: '女',
    },
    birthday: '出生日期',
    nationality: '國籍',
    mobile: '手機號碼',
    idNumber: '證件號碼',
    idNumberHint: '國籍為中國時依居民身分證校驗；外籍客人可填護照號碼',
    notes: '備註',
    owner: '負責人',
    emptyHint: '個人客戶（VIP 個人、散客）的檔案，與公司客戶分開管理。',
    emptyAction: '登記第一位個人客戶',
    empty: '尚無個人客戶',
    noMatch: '沒有符合條件的個人客戶',
  },
  nav: {
    individuals: '個人客戶',
  },
};

export default zhTW;
