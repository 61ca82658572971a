import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the public pool in zh-CN / zh-TW / en, registered from its manifest. */
export const POOL_MESSAGES: Catalogue = {
  'pool.rules_grade_repeated': ['同一等级只能有一行规则', '同一等級只能有一行規則', 'Only one rule row per grade'],
  'pool.not_in_pool': ['该客户不在此公海中（可能已被领取）', '該客戶不在此公海中（可能已被領取）', 'This customer is not in this pool (perhaps already claimed)'],
  'pool.daily_cap': ['今天已领取 {count} 个客户，已达每日上限 {cap} 个', '今天已領取 {count} 個客戶，已達每日上限 {cap} 個', 'You have claimed {count} customers today, the daily limit is {cap}'],
  'pool.holding_cap': ['您已负责 {count} 个客户，已达上限 {cap} 个', '您已負責 {count} 個客戶，已達上限 {cap} 個', 'You hold {count} customers, the limit is {cap}'],
  'pool.cooldown': ['您是该客户的原负责人，{until} 之后才能重新领取', '您是該客戶的原負責人，{until} 之後才能重新領取', 'You were this customer’s owner; you may claim it again from {until}'],
  'pool.keeper_invalid': ['公海管理人须为本部门在职人员', '公海管理人須為本部門在職人員', 'The pool keeper must be an active member of the department'],
  'pool.department_not_found': ['部门不存在', '部門不存在', 'No such department'],
  'pool.default_name': ['{department}公海', '{department}公海', '{department} pool'],
  'pool.reason.no_contact': ['{days} 天未联系（自 {from} 起）', '{days} 天未聯繫（自 {from} 起）', 'no contact for {days} days (since {from})'],
  'pool.reason.no_deal': ['{days} 天未成交（自 {from} 起）', '{days} 天未成交（自 {from} 起）', 'no deal for {days} days (since {from})'],
  'pool.reason.contract_ended': ['合同于 {from} 结束已超过 {days} 天', '合約於 {from} 結束已超過 {days} 天', 'contract ended on {from}, more than {days} days ago'],
  'pool.released': ['进入公海「{pool}」：{reason}', '進入公海「{pool}」：{reason}', 'Moved to the pool “{pool}”: {reason}'],
  'pool.claimed': ['从公海「{pool}」领取', '從公海「{pool}」領取', 'Claimed from the pool “{pool}”'],
  'pool.skip.contract': ['未移入公海：有未结束的合同', '未移入公海：有未結束的合約', 'Not moved to the pool: an open contract'],
  'pool.skip.complaint': ['未移入公海：有未结案的投诉', '未移入公海：有未結案的投訴', 'Not moved to the pool: an open complaint'],
  'pool.skip.plan': ['未移入公海：在进行中的维护计划内', '未移入公海：在進行中的維護計劃內', 'Not moved to the pool: in a maintenance plan under way'],
  'pool.skip.no_keeper': ['未移入公海：部门公海没有管理人（请设置部门负责人）', '未移入公海：部門公海沒有管理人（請設定部門負責人）', 'Not moved to the pool: the department’s pool has no keeper (set the department head)'],
  'pool.notify.reminder_title': ['客户即将进入公海：{customer}', '客戶即將進入公海：{customer}', 'Customer about to move to the pool: {customer}'],
  'pool.notify.reminder_body': ['{reason}；如无跟进，将于 {date} 移入公海。', '{reason}；如無跟進，將於 {date} 移入公海。', '{reason}; without follow-up it moves to the pool on {date}.'],
  'pool.notify.released_title': ['客户已进入公海：{customer}', '客戶已進入公海：{customer}', 'Customer moved to the pool: {customer}'],
};
