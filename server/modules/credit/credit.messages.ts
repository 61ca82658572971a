import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the credit module in zh-CN / zh-TW / en, registered from its manifest. */
export const CREDIT_MESSAGES: Catalogue = {
  'credit.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'credit.response_required': ['高风险必须填写应对措施（密切关注，调整或终止合作）', '高風險必須填寫應對措施（密切關注，調整或終止合作）', 'A high risk needs a response plan (watch closely, adjust or end the cooperation)'],
  'credit.risk_closed': ['该风险已关闭，不能再修改', '該風險已關閉，不能再修改', 'This risk is closed and can no longer be changed'],
  'credit.rules_bands_invalid': ['信用等级分数段须从 0 分起覆盖全部分数，且等级名称不能为空或重复', '信用等級分數段須從 0 分起涵蓋全部分數，且等級名稱不能為空或重複', 'The score bands must cover every score from 0 and have distinct, non-empty labels'],
  'credit.task.review_title': ['低风险定期复评：{customer} — {title}', '低風險定期複評：{customer} — {title}', 'Re-assess low risk: {customer} — {title}'],
  'credit.task.review_body': ['复评日期 {date} 已到，请重新评估可能性与影响程度。', '複評日期 {date} 已到，請重新評估可能性與影響程度。', 'The re-assessment was due on {date}: assess likelihood and impact again.'],
  'credit.amount_invalid': ['金额须为不小于 0 的数，最多两位小数', '金額須為不小於 0 的數，最多兩位小數', 'An amount of at least 0 with at most two decimals'],
  'credit.paid_exceeds': ['已收金额不能大于应收金额', '已收金額不能大於應收金額', 'The amount paid cannot exceed the amount receivable'],
  'credit.receivable_doc_taken': ['该单据号已登记', '該單據號已登記', 'A receivable with this document number is already recorded'],
  'credit.receivable_doc_repeated': ['同一批中单据号重复', '同一批中單據號重複', 'This document number appears twice in the batch'],
  'credit.overdue_lines_order': ['下调两级的逾期天数须大于下调一级的天数', '下調兩級的逾期天數須大於下調一級的天數', 'The days for two levels must be more than the days for one level'],
  'credit.overdue.days': ['应收账款逾期 {days} 天（逾期未收 {amount}），超过 {line} 天', '應收帳款逾期 {days} 天（逾期未收 {amount}），超過 {line} 天', 'receivables {days} days overdue ({amount} unpaid), more than {line} days'],
  'credit.overdue.amount': ['逾期未收 {amount}，达到 {line}（最长逾期 {days} 天）', '逾期未收 {amount}，達到 {line}（最長逾期 {days} 天）', '{amount} overdue, at or above {line} (oldest {days} days overdue)'],
  'credit.rating.lowered': [
    '信用等级 {from} → {to}（评定结果 {computed}，因逾期应收账款下调 {levels} 级）：{why}',
    '信用等級 {from} → {to}（評定結果 {computed}，因逾期應收帳款下調 {levels} 級）：{why}',
    'Credit rating {from} → {to} (rated {computed}, {levels} level(s) down for overdue receivables): {why}',
  ],
  'credit.rating.restored': [
    '信用等级 {from} → {to}：逾期应收账款已收回，恢复为评定结果',
    '信用等級 {from} → {to}：逾期應收帳款已收回，恢復為評定結果',
    'Credit rating {from} → {to}: the overdue receivables are paid, the rating table’s result applies again',
  ],
  'credit.rating.rated': ['信用等级 {from} → {to}：按客户信用等级评定表评定', '信用等級 {from} → {to}：按客戶信用等級評定表評定', 'Credit rating {from} → {to} by the credit rating table'],
  'credit.notify.lowered': ['信用等级因逾期调整：{customer} {from} → {to}', '信用等級因逾期調整：{customer} {from} → {to}', 'Credit rating lowered for overdue receivables: {customer} {from} → {to}'],
  'credit.notify.restored': ['信用等级恢复：{customer} {from} → {to}', '信用等級恢復：{customer} {from} → {to}', 'Credit rating restored: {customer} {from} → {to}'],
};
