import type { MembershipMessages } from './zh-CN';

/** 會員 — 繁體中文. */
const zhTW: MembershipMessages = {
  membership: {
    nav: '會員',
    title: '會員',
    searchLabel: '搜尋會員',
    searchPlaceholder: '客戶名稱、會員號、檔案編號',
    empty: '還沒有會員',
    noMatch: '沒有符合條件的會員',
    notFound: '會員不存在，或您無權查看。',
    back: '返回會員列表',
    enrol: '加入會員',
    enrolTitle: '加入會員',
    holderKind: '會員類型',
    holderKinds: { customer: '企業客戶', individual: '個人客戶（貴賓）' },
    allHolders: '全部類型',
    customer: '客戶',
    individual: '個人客戶',
    individualPlaceholder: '輸入姓名搜尋',
    joinedOn: '入會日期',
    joinedOnHint: '此日起的交易計入積分',
    fields: {
      memberNo: '會員號',
      holder: '會員',
      tier: '會員等級',
      balance: '積分餘額',
      accumulated: '累計積分',
      nextTier: '下一等級',
      joinedOn: '入會日期',
    },
    allTiers: '全部等級',
    points: '{{points}} 分',
    nextTierValue: '{{tier}}，還差 {{missing}} 分',
    topTier: '已是最高等級',
    distribution: {
      title: '會員等級分布',
      chart: '各會員等級人數長條圖',
      count: '人數',
    },
    ledger: {
      title: '積分明細',
      kind: '類型',
      points: '積分',
      date: '日期',
      detail: '說明',
      by: '經辦人',
      at: '記錄時間',
      kinds: { earned: '消費積分', returned: '退賠扣回', redeemed: '禮品兌換', expired: '到期清零', adjusted: '積分調整' },
      transaction: '交易 #{{id}}，金額 ¥{{amount}}',
      return: '退賠 #{{id}}，金額 ¥{{amount}}',
      gift: '{{gift}} × {{quantity}}',
      empty: '暫無積分記錄',
    },
    tierHistory: {
      title: '等級變更記錄',
      change: '變更',
      reason: '原因',
      empty: '暫無等級變更',
    },
    process: '立即計入積分',
    processed: '已計入 {{count}} 筆積分記錄',
    adjust: {
      button: '調整積分',
      title: '調整積分',
      points: '調整積分（負數為扣減）',
      reason: '調整原因',
      done: '積分已調整',
    },
    redeem: {
      button: '兌換禮品',
      title: '年終積分兌換禮品',
      gift: '禮品',
      giftOption: '{{gift}}（{{points}} 分）',
      quantity: '數量',
      done: '已兌換',
    },
    value: {
      title: '會員',
      notMember: '尚未加入會員',
    },
  },
  customers: {
    history: {
      actions: {
        membership_tier: '會員等級',
        membership_enrol: '加入會員',
      },
    },
  },
};

export default zhTW;
