import type { MessageShape } from '../../../app/module';

/** 会员 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  membership: {
    emptyHint: { description: '这里管理会员：入会、积分和等级。', action: '登记第一位会员' },
    nav: '会员',
    title: '会员',
    searchLabel: '搜索会员',
    searchPlaceholder: '客户名称、会员号、档案编号',
    empty: '还没有会员',
    noMatch: '没有符合条件的会员',
    notFound: '会员不存在，或您无权查看。',
    back: '返回会员列表',
    enrol: '加入会员',
    enrolTitle: '加入会员',
    holderKind: '会员类型',
    holderKinds: { customer: '企业客户', individual: '个人客户（贵宾）' },
    allHolders: '全部类型',
    customer: '客户',
    individual: '个人客户',
    individualPlaceholder: '输入姓名搜索',
    joinedOn: '入会日期',
    joinedOnHint: '此日起的交易计入积分',
    fields: {
      memberNo: '会员号',
      holder: '会员',
      tier: '会员等级',
      balance: '积分余额',
      accumulated: '累计积分',
      nextTier: '下一等级',
      joinedOn: '入会日期',
    },
    allTiers: '全部等级',
    points: '{{points}} 分',
    nextTierValue: '{{tier}}，还差 {{missing}} 分',
    topTier: '已是最高等级',
    distribution: {
      title: '会员等级分布',
      chart: '各会员等级人数柱状图',
      count: '人数',
    },
    ledger: {
      title: '积分明细',
      kind: '类型',
      points: '积分',
      date: '日期',
      detail: '说明',
      by: '经办人',
      at: '记录时间',
      kinds: { earned: '消费积分', returned: '退赔扣回', redeemed: '礼品兑换', expired: '到期清零', adjusted: '积分调整' },
      transaction: '交易 #{{id}}，金额 ¥{{amount}}',
      return: '退赔 #{{id}}，金额 ¥{{amount}}',
      gift: '{{gift}} × {{quantity}}',
      empty: '暂无积分记录',
    },
    tierHistory: {
      title: '等级变更记录',
      change: '变更',
      reason: '原因',
      empty: '暂无等级变更',
    },
    process: '立即计入积分',
    processed: '已计入 {{count}} 条积分记录',
    adjust: {
      button: '调整积分',
      title: '调整积分',
      points: '调整积分（负数为扣减）',
      reason: '调整原因',
      done: '积分已调整',
    },
    redeem: {
      button: '兑换礼品',
      title: '年终积分兑换礼品',
      gift: '礼品',
      giftOption: '{{gift}}（{{points}} 分）',
      quantity: '数量',
      done: '已兑换',
    },
    value: {
      title: '会员',
      notMember: '尚未加入会员',
    },
  },
  customers: {
    history: {
      actions: {
        membership_tier: '会员等级',
        membership_enrol: '加入会员',
      },
    },
  },
};

export default zhCN;
export type MembershipMessages = MessageShape<typeof zhCN>;
