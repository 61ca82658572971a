import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the care module in zh-CN / zh-TW / en. */
export const CARE_MESSAGES: Catalogue = {
  'care.month_day_invalid': ['日期应为有效的 月-日，如 12-20', '日期應為有效的 月-日，如 12-20', 'A valid month and day, e.g. 12-20'],
  'care.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'care.contact_not_of_customer': ['该联系人不属于此客户', '該聯絡人不屬於此客戶', 'This contact does not belong to the customer'],
  'care.template_not_found': ['问候模板不存在', '問候範本不存在', 'No such greeting template'],
  'care.unknown_placeholder': ['未知的占位符：{names}', '未知的佔位符：{names}', 'Unknown placeholders: {names}'],
  'care.range_too_long': ['日期范围最长 366 天，且结束不早于开始', '日期範圍最長 366 天，且結束不早於開始', 'The range is at most 366 days and ends on or after its start'],
  'care.already_invited': ['该客户已在邀请名单中', '該客戶已在邀請名單中', 'This customer is already invited'],
  'care.occasion.birthday': ['生日', '生日', 'birthday'],
  'care.occasion.festival': ['节日', '節日', 'festival'],
  'care.occasion.cooperation': ['合作周年', '合作週年', 'cooperation anniversary'],
  'care.occasion.firstPurchase': ['首次购买周年', '首次購買週年', 'first-purchase anniversary'],
  'care.occasion.yearEnd': ['年终礼品', '年終禮品', 'year-end gift'],
  'care.occasion.other': ['关怀', '關懷', 'care'],
  'care.festival.spring': ['春节', '春節', 'Spring Festival'],
  'care.festival.dragonBoat': ['端午节', '端午節', 'Dragon Boat Festival'],
  'care.festival.midAutumn': ['中秋节', '中秋節', 'Mid-Autumn Festival'],
  'care.festival.doubleNinth': ['重阳节', '重陽節', 'Double Ninth Festival'],
  'care.remind.title': ['关怀提醒：{date} {who} {occasion}{years}{lunar}', '關懷提醒：{date} {who} {occasion}{years}{lunar}', 'Care reminder: {who} {occasion}{years}{lunar} on {date}'],
  'care.remind.festival_title': ['关怀提醒：{date} {festival}，请问候您的 {count} 位客户', '關懷提醒：{date} {festival}，請問候您的 {count} 位客戶', 'Care reminder: {festival} on {date}, greet your {count} customers'],
  'care.remind.guest': ['贵宾 {name}', '貴賓 {name}', 'guest {name}'],
  'care.todo.today': ['今天关怀：{who} {occasion}', '今天關懷：{who} {occasion}', 'Care today: {who} {occasion}'],
  'care.todo.week': ['本周关怀：{date} {who} {occasion}', '本週關懷：{date} {who} {occasion}', 'Care this week: {who} {occasion} on {date}'],
  'care.todo.more': ['另有 {count} 项关怀，见关怀日历', '另有 {count} 項關懷，見關懷日曆', '{count} more care occasions on the care calendar'],
  'care.remind.lunar': ['（农历生日）', '（農曆生日）', ' (lunar birthday)'],
};
