import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the loyalty module in zh-CN / zh-TW / en, registered from its manifest. */
export const LOYALTY_MESSAGES: Catalogue = {
  'loyalty.reason_required': ['请填写原因', '請填寫原因', 'Give the reason'],
  'loyalty.not_at_risk': ['该客户目前不是流失风险客户', '該客戶目前不是流失風險客戶', 'The customer is not a churn risk now'],
  'loyalty.already_lost': ['该客户已是流失状态', '該客戶已是流失狀態', 'The customer is already recorded as lost'],
  'loyalty.task.title': ['流失风险：{customer}（已 {months} 个月未回访）', '流失風險：{customer}（已 {months} 個月未回訪）', 'Churn risk: {customer} (no visit for {months} months)'],
  'loyalty.task.body': [
    '上次回访：{last}。请尽快联系客户了解原因，在客户流失与忠诚度页面填写流失风险原因，并登记回访记录。',
    '上次回訪：{last}。請儘快聯繫客戶了解原因，在客戶流失與忠誠度頁面填寫流失風險原因，並登記回訪記錄。',
    'Last visit: {last}. Contact the customer, record the reason on the churn and loyalty page, and record the visit.',
  ],
  'loyalty.task.closed': ['流失风险期已结束（已回访或客户状态已变更）', '流失風險期已結束（已回訪或客戶狀態已變更）', 'The churn-risk period is over (visited, or the status changed)'],
  'loyalty.task.never': ['从未回访', '從未回訪', 'never'],
  'loyalty.lost.summary': ['确认流失（最后一次购买：{last}）：{reason}', '確認流失（最後一次購買：{last}）：{reason}', 'Recorded as lost (last purchase: {last}): {reason}'],
  'loyalty.lost.never': ['无', '無', 'none'],
};
