import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

/** The blanks of docs/regulations.md §16 (churn and loyalty) as settings, registered from the loyalty manifest. */
export const LOYALTY_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'loyalty', label: { 'zh-CN': '客户流失与忠诚度', 'zh-TW': '客戶流失與忠誠度', en: 'Churn and loyalty' } }];

const months = { 'zh-CN': '个月', 'zh-TW': '個月', en: 'months' };

export const LOYALTY_SETTINGS = [
  def({
    key: 'loyalty.churnRiskMonths',
    group: 'loyalty',
    schema: int(1, 36),
    default: 6,
    unit: months,
    label: { 'zh-CN': '超过此时间未回访的客户列为流失风险', 'zh-TW': '超過此時間未回訪的客戶列為流失風險', en: 'No visit for this long: the customer is a churn risk' },
    source: 'docs/regulations.md §16 (001 篇4: 半年未回访)',
  }),
  def({
    key: 'loyalty.lostMonths',
    group: 'loyalty',
    schema: int(1, 60),
    default: 12,
    unit: months,
    label: { 'zh-CN': '超过此时间无购买的客户建议确认为流失', 'zh-TW': '超過此時間無購買的客戶建議確認為流失', en: 'No purchase for this long: the customer is proposed as lost' },
    source: 'docs/regulations.md §16',
  }),
  def({
    key: 'loyalty.rfmWindowMonths',
    group: 'loyalty',
    schema: int(1, 60),
    default: 12,
    unit: months,
    label: { 'zh-CN': 'RFM 分析的购买期间（最近 N 个月）', 'zh-TW': 'RFM 分析的購買期間（最近 N 個月）', en: 'RFM analysis over the purchases of the last' },
    source: 'docs/regulations.md §16',
  }),
  def({
    key: 'loyalty.taskWorkingDays',
    group: 'loyalty',
    schema: int(1, 30),
    default: 5,
    unit: UNITS.workingDays,
    label: { 'zh-CN': '流失风险挽回任务的完成期限', 'zh-TW': '流失風險挽回任務的完成期限', en: 'A churn-risk outreach task is due within' },
    source: 'docs/regulations.md §16',
  }),
] as SettingDefinition[];
