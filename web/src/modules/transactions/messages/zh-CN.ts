import type { MessageShape } from '../../../app/module';

/** 交易记录 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  transactions: {
    value: { title: '采购分类', class: '按采购额分类', reason: '依据', noPurchases: '尚无交易记录', netOfYear: '{{year}} 年净采购额' },
    nav: '交易记录',
    title: '交易记录',
    tab: '交易记录',
    create: '新增交易',
    createTitle: '新增交易记录',
    created: '交易记录已保存',
    searchPlaceholder: '客户、产品、型号或单据号',
    dateRange: '交易日期',
    empty: '没有符合条件的交易记录',
    emptyForCustomer: '该客户还没有交易记录',
    customerPlaceholder: '输入客户名称、拼音或档案编号搜索',
    noCustomer: '没有找到客户',
    amountHint: '留空则按数量 × 单价计算',
    fields: {
      date: '交易日期',
      customer: '客户',
      product: '产品',
      model: '型号',
      quantity: '数量',
      unitPrice: '单价（元）',
      amount: '金额（元）',
      salesperson: '销售人员',
      contract: '合同',
      sourceDocNo: '来源单据号',
      source: '来源',
    },
    manual: '手工录入',
    returns: {
      title: '退赔折价',
      create: '登记退赔折价',
      created: '退赔折价已登记',
      empty: '没有退赔折价记录',
      transactionPlaceholder: '不关联具体交易（针对客户）',
      fields: {
        kind: '类型',
        date: '日期',
        amount: '金额（元）',
        reason: '原因',
        responsibleParty: '责任方',
        transaction: '关联交易',
        createdBy: '登记人',
      },
      kinds: { return: '退货', refund: '退款', discount: '折价' },
    },
    class: {
      label: '按采购额分类',
      none: '未分类（尚无交易）',
      large: '大客户',
      medium: '中客户',
      small: '小客户',
      at: '时间',
      change: '{{from}} → {{to}}',
      by: '操作人',
      history: '分类变更',
      causes: { transaction: '交易变动', return: '退赔折价', nightly: '每晚重算', merge: '客户合并' },
      system: '系统',
    },
    years: {
      title: '年度采购额',
      year: '年度',
      gross: '采购额',
      returned: '退赔折价',
      net: '净采购额',
      chart: '年度净采购额柱状图',
      yearLabel: '{{year}} 年',
    },
  },
  customers: {
    history: {
      actions: {
        classify: '客户分类',
      },
    },
  },
};

export default zhCN;
export type TransactionsMessages = MessageShape<typeof zhCN>;
