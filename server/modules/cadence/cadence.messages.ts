import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the cadence module in zh-CN / zh-TW / en, registered from its manifest. */
export const CADENCE_MESSAGES: Catalogue = {
  'cadence.grade_unknown': ['客户档案中没有这个等级', '客戶檔案中沒有這個等級', 'The archive defines no such grade'],
  'cadence.grade_repeated': ['每个等级只能设置一次', '每個等級只能設定一次', 'Each grade can be listed only once'],
  'cadence.tier_unknown': ['会员设置中没有这个会员等级', '會員設定中沒有這個會員等級', 'Membership defines no such tier'],
  'cadence.tier_repeated': ['每个会员等级只能设置一次', '每個會員等級只能設定一次', 'Each tier can be listed only once'],
  'cadence.task.title': ['逾期回访：{customer}（{grade}，应于 {date} 前联系）', '逾期回訪：{customer}（{grade}，應於 {date} 前聯繫）', 'Overdue contact: {customer} ({grade}, due by {date})'],
  'cadence.task.body': [
    '上次联系：{last}。按回访频率应每 {interval} 至少联系一次，请尽快上门、电话或邮件回访并登记回访记录。',
    '上次聯繫：{last}。按回訪頻率應每 {interval} 至少聯繫一次，請儘快上門、電話或郵件回訪並登記回訪記錄。',
    'Last contact: {last}. The cadence asks for contact at least every {interval}: visit, call or e-mail the customer and record it.',
  ],
  'cadence.task.never': ['从未联系', '從未聯繫', 'never'],
  'cadence.interval.day': ['{n} 天', '{n} 天', '{n} day(s)'],
  'cadence.interval.month': ['{n} 个月', '{n} 個月', '{n} month(s)'],
  'cadence.task.escalated_title': ['客户回访逾期未处理：{customer}（负责人 {owner}）', '客戶回訪逾期未處理：{customer}（負責人 {owner}）', 'Overdue contact not handled: {customer} (owner {owner})'],
  'cadence.task.escalated_body': [
    '应于 {date} 前联系，逾期回访任务建立 {days} 个工作日后仍未联系客户，请督促处理。',
    '應於 {date} 前聯繫，逾期回訪任務建立 {days} 個工作日後仍未聯繫客戶，請督促處理。',
    'Due by {date}; {days} working days after the task there is still no contact: please follow up.',
  ],
  'cadence.task.closed': ['已登记新的回访记录（{date}），回访频率已满足', '已登記新的回訪記錄（{date}），回訪頻率已滿足', 'A new contact was recorded ({date}): the cadence is met'],
  'cadence.todo.overdue': ['客户回访逾期 {days} 天：{customer}', '客戶回訪逾期 {days} 天：{customer}', 'Contact {days} days overdue: {customer}'],
  'cadence.reason_required': ['请填写豁免理由', '請填寫豁免理由', 'Give the reason for the exemption'],
};
