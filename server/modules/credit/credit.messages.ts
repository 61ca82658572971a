import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the credit module in zh-CN / zh-TW / en, registered from its manifest. */
export const CREDIT_MESSAGES: Catalogue = {
  'credit.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'credit.response_required': ['高风险必须填写应对措施（密切关注，调整或终止合作）', '高風險必須填寫應對措施（密切關注，調整或終止合作）', 'A high risk needs a response plan (watch closely, adjust or end the cooperation)'],
  'credit.risk_closed': ['该风险已关闭，不能再修改', '該風險已關閉，不能再修改', 'This risk is closed and can no longer be changed'],
  'credit.rules_bands_invalid': ['信用等级分数段须从 0 分起覆盖全部分数，且等级名称不能为空或重复', '信用等級分數段須從 0 分起涵蓋全部分數，且等級名稱不能為空或重複', 'The score bands must cover every score from 0 and have distinct, non-empty labels'],
  'credit.task.review_title': ['低风险定期复评：{customer} — {title}', '低風險定期複評：{customer} — {title}', 'Re-assess low risk: {customer} — {title}'],
  'credit.task.review_body': ['复评日期 {date} 已到，请重新评估可能性与影响程度。', '複評日期 {date} 已到，請重新評估可能性與影響程度。', 'The re-assessment was due on {date}: assess likelihood and impact again.'],
};
