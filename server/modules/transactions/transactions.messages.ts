import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the transactions module in zh-CN / zh-TW / en, registered from its manifest. */
export const TRANSACTION_MESSAGES: Catalogue = {
  'settings.small_not_below_large': ['小客户上限必须小于大客户下限', '小客戶上限必須小於大客戶下限', 'The small-customer limit must be below the large-customer limit'],
  'settings.short_not_below_long': ['短期合作年限必须小于长期合作年限', '短期合作年限必須小於長期合作年限', 'Short cooperation must be fewer years than long cooperation'],
  'transaction.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'transaction.customer_required': ['请指定客户或交易记录', '請指定客戶或交易記錄', 'Name a customer or a transaction'],
  'transaction.not_found': ['交易记录不存在或您无权查看', '交易記錄不存在或您無權查看', 'No such transaction, or it is outside your data scope'],
  'transaction.customer_mismatch': ['该交易记录不属于此客户', '該交易記錄不屬於此客戶', 'That transaction belongs to another customer'],
  'transaction.contract_invalid': ['合同不存在或不属于此客户', '合約不存在或不屬於此客戶', 'No such contract for this customer'],
  'transaction.salesperson_invalid': ['销售人员不存在或已停用', '銷售人員不存在或已停用', 'No such active salesperson'],
  'transaction.quantity_invalid': ['数量应为大于 0 的数字，最多四位小数', '數量應為大於 0 的數字，最多四位小數', 'The quantity must be above 0 with at most four decimals'],
  'transaction.price_invalid': ['单价应为不小于 0 的数字，最多两位小数', '單價應為不小於 0 的數字，最多兩位小數', 'The unit price must be 0 or more with at most two decimals'],
  'transaction.amount_invalid': ['金额应为大于 0 的数字，最多两位小数', '金額應為大於 0 的數字，最多兩位小數', 'The amount must be above 0 with at most two decimals'],
  'transaction.doc_no_taken': ['该来源单据号已存在', '該來源單據號已存在', 'This source document number is already recorded'],
  'transaction.return_exceeds': ['退赔折价合计不能超过该笔交易金额（剩余 {left}）', '退賠折價合計不能超過該筆交易金額（剩餘 {left}）', 'Returns may not exceed the transaction’s amount ({left} left)'],
  'transaction.class.large': ['大客户', '大客戶', 'large'],
  'transaction.class.medium': ['中客户', '中客戶', 'medium'],
  'transaction.class.small': ['小客户', '小客戶', 'small'],
  'transaction.class.none': ['未分类', '未分類', 'unclassified'],
  'transaction.history': ['客户分类：{from} → {to}。{reason}', '客戶分類：{from} → {to}。{reason}', 'Class: {from} → {to}. {reason}'],
  'transaction.reason.large': ['{year} 年采购额 {amount} ≥ 大客户线 {large}', '{year} 年採購額 {amount} ≥ 大客戶線 {large}', '{year} purchases {amount} ≥ large-customer line {large}'],
  'transaction.reason.medium': [
    '{year} 年采购额 {amount}：不低于小客户线 {small}，低于大客户线 {large}',
    '{year} 年採購額 {amount}：不低於小客戶線 {small}，低於大客戶線 {large}',
    '{year} purchases {amount}: not below the small-customer line {small}, below the large-customer line {large}',
  ],
  'transaction.reason.small': ['{year} 年采购额 {amount} < 小客户线 {small}', '{year} 年採購額 {amount} < 小客戶線 {small}', '{year} purchases {amount} < small-customer line {small}'],
};
