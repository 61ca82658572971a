import type { TransactionsMessages } from './zh-CN';

/** 交易記錄 — 繁體中文. */
const zhTW: TransactionsMessages = {
  transactions: {
    value: { title: '採購分類', class: '按採購額分類', reason: '依據', noPurchases: '尚無交易記錄', netOfYear: '{{year}} 年淨採購額' },
    nav: '交易記錄',
    title: '交易記錄',
    tab: '交易記錄',
    create: '新增交易',
    createTitle: '新增交易記錄',
    created: '交易記錄已儲存',
    searchPlaceholder: '客戶、產品、型號或單據號',
    dateRange: '交易日期',
    empty: '沒有符合條件的交易記錄',
    emptyForCustomer: '該客戶還沒有交易記錄',
    customerPlaceholder: '輸入客戶名稱、拼音或檔案編號搜尋',
    noCustomer: '沒有找到客戶',
    amountHint: '留空則按數量 × 單價計算',
    fields: {
      date: '交易日期',
      customer: '客戶',
      product: '產品',
      model: '型號',
      quantity: '數量',
      unitPrice: '單價（元）',
      amount: '金額（元）',
      salesperson: '銷售人員',
      contract: '合約',
      sourceDocNo: '來源單據號',
      source: '來源',
    },
    manual: '手工錄入',
    returns: {
      title: '退賠折價',
      create: '登記退賠折價',
      created: '退賠折價已登記',
      empty: '沒有退賠折價記錄',
      transactionPlaceholder: '不關聯具體交易（針對客戶）',
      fields: {
        kind: '類型',
        date: '日期',
        amount: '金額（元）',
        reason: '原因',
        responsibleParty: '責任方',
        transaction: '關聯交易',
        createdBy: '登記人',
      },
      kinds: { return: '退貨', refund: '退款', discount: '折價' },
    },
    class: {
      label: '按採購額分類',
      none: '未分類（尚無交易）',
      large: '大客戶',
      medium: '中客戶',
      small: '小客戶',
      at: '時間',
      change: '{{from}} → {{to}}',
      by: '操作人',
      history: '分類變更',
      causes: { transaction: '交易變動', return: '退賠折價', nightly: '每晚重算', merge: '客戶合併' },
      system: '系統',
    },
    years: {
      title: '年度採購額',
      year: '年度',
      gross: '採購額',
      returned: '退賠折價',
      net: '淨採購額',
      chart: '年度淨採購額柱狀圖',
      yearLabel: '{{year}} 年',
    },
  },
  customers: {
    history: {
      actions: {
        classify: '客戶分類',
      },
    },
  },
};

export default zhTW;
