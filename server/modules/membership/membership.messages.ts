import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the membership module in zh-CN / zh-TW / en, registered from its manifest. */
export const MEMBERSHIP_MESSAGES: Catalogue = {
  'membership.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'membership.individual_not_found': ['个人客户不存在或您无权查看', '個人客戶不存在或您無權查看', 'No such guest, or it is outside your data scope'],
  'membership.holder_required': ['请选择客户或个人客户（二选一）', '請選擇客戶或個人客戶（二選一）', 'Choose either a customer or an individual guest'],
  'membership.already_member': ['该客户已是会员', '該客戶已是會員', 'This customer is a member already'],
  'membership.points_zero': ['调整积分不能为 0', '調整積分不能為 0', 'The adjustment cannot be 0 points'],
  'membership.below_zero': ['调整后积分余额不能为负数（当前余额 {balance}）', '調整後積分餘額不能為負數（目前餘額 {balance}）', 'The balance cannot go below 0 (now {balance})'],
  'membership.gift_unknown': ['礼品目录中没有该礼品', '禮品目錄中沒有該禮品', 'No such gift in the catalogue'],
  'membership.balance_short': ['积分不足：需要 {needed} 分，当前余额 {balance} 分', '積分不足：需要 {needed} 分，目前餘額 {balance} 分', 'Not enough points: {needed} needed, the balance is {balance}'],
  'membership.tiers_invalid': ['会员等级须有一个从 0 分起的等级，且代码与门槛不能重复', '會員等級須有一個從 0 分起的等級，且代碼與門檻不能重複', 'One tier must start at 0 points, and keys and thresholds must be distinct'],
  'membership.history.tier': ['会员等级：{from} → {to}。{reason}', '會員等級：{from} → {to}。{reason}', 'Membership tier: {from} → {to}. {reason}'],
  'membership.history.enrol': ['加入会员 {no}（{tier}）', '加入會員 {no}（{tier}）', 'Joined as member {no} ({tier})'],
  'membership.reason.up': ['累计积分 {points} ≥ {tier}门槛 {min}', '累計積分 {points} ≥ {tier}門檻 {min}', 'Accumulated points {points} ≥ the {tier} threshold {min}'],
  'membership.reason.down': ['累计积分 {points} < {tier}门槛 {min}（{cause}）', '累計積分 {points} < {tier}門檻 {min}（{cause}）', 'Accumulated points {points} < the {tier} threshold {min} ({cause})'],
  'membership.cause.earned': ['消费积分', '消費積分', 'points earned'],
  'membership.cause.returned': ['退赔扣回积分', '退賠扣回積分', 'points taken back by a return'],
  'membership.cause.adjusted': ['主管调整积分', '主管調整積分', "a supervisor's adjustment"],
  'membership.cause.redeemed': ['兑换礼品', '兌換禮品', 'gift redemption'],
  'membership.cause.year_end': ['年底积分到期与等级复核', '年底積分到期與等級複核', 'year-end expiry and tier review'],
  'membership.cause.merge': ['客户合并', '客戶合併', 'customer merge'],
  'membership.cause.enrol': ['加入会员', '加入會員', 'enrolment'],
};
