import { z } from 'zod';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const { times, workingDays, wan, years } = UNITS;

/**
 * The blanks of the customers module's regulations as settings, registered from its manifest.
 * Classification and visit cadence are archive-wide numbers until the customer-value and field-work modules own them.
 */
export const CUSTOMER_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'archive', label: { 'zh-CN': '客户档案', 'zh-TW': '客戶檔案', en: 'Customer archive' } },
  { key: 'classification', label: { 'zh-CN': '分类分级', 'zh-TW': '分類分級', en: 'Classification' } },
  { key: 'visits', label: { 'zh-CN': '回访', 'zh-TW': '回訪', en: 'Follow-up visits' } },
];

export const CUSTOMER_SETTINGS = [
  def({
    key: 'archive.majorChangeWorkingDays',
    group: 'archive',
    schema: int(1, 30),
    default: 3,
    unit: workingDays,
    label: { 'zh-CN': '重大变更录入时限', 'zh-TW': '重大變更錄入時限', en: 'Enter major changes within' },
    source: 'docs/regulations.md §2 dynamic management',
  }),
  def({
    key: 'archive.newCustomersPerWeek',
    group: 'archive',
    schema: int(0, 1000),
    default: 20,
    label: { 'zh-CN': '每人每周新增客户档案目标', 'zh-TW': '每人每週新增客戶檔案目標', en: 'New archive entries per person per week' },
    source: 'docs/regulations.md §2 quotas (001 §16)',
  }),
  def({
    key: 'archive.attachmentMaxMb',
    group: 'archive',
    schema: int(1, 200),
    default: 20,
    unit: { 'zh-CN': 'MB', 'zh-TW': 'MB', en: 'MB' },
    label: { 'zh-CN': '附件大小上限', 'zh-TW': '附件大小上限', en: 'Largest attachment' },
    source: 'issue 3 §5',
  }),
  def({
    key: 'classification.largeMinAnnualWan',
    group: 'classification',
    schema: z.number().min(0).max(1e7),
    default: 100,
    unit: wan,
    label: { 'zh-CN': '大客户年采购额下限', 'zh-TW': '大客戶年採購額下限', en: 'Large customer: annual purchases from' },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'classification.smallMaxAnnualWan',
    group: 'classification',
    schema: z.number().min(0).max(1e7),
    default: 10,
    unit: wan,
    label: { 'zh-CN': '小客户年采购额上限', 'zh-TW': '小客戶年採購額上限', en: 'Small customer: annual purchases below' },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'classification.longCooperationYears',
    group: 'classification',
    schema: int(1, 100),
    default: 5,
    unit: years,
    label: { 'zh-CN': '长期合作年限（超过）', 'zh-TW': '長期合作年限（超過）', en: 'Long cooperation: more than' },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'classification.shortCooperationYears',
    group: 'classification',
    schema: int(0, 100),
    default: 1,
    unit: years,
    label: { 'zh-CN': '短期合作年限（少于）', 'zh-TW': '短期合作年限（少於）', en: 'Short cooperation: fewer than' },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'visits.maxDaysBetweenContacts',
    group: 'visits',
    schema: int(1, 366),
    default: 31,
    label: { 'zh-CN': '两次联系客户最长间隔（天）', 'zh-TW': '兩次聯繫客戶最長間隔（天）', en: 'Longest gap between two contacts (days)' },
    source: 'docs/regulations.md §8',
  }),
] as SettingDefinition[];

/** The class lines must not cross (docs/regulations.md §3). */
export function customerSettingsCheck(values: Record<string, unknown>) {
  const out: { field: string; message: string }[] = [];
  if (Number(values['classification.smallMaxAnnualWan']) >= Number(values['classification.largeMinAnnualWan'])) {
    out.push({ field: 'value', message: 'settings.small_not_below_large' });
  }
  if (Number(values['classification.shortCooperationYears']) >= Number(values['classification.longCooperationYears'])) {
    out.push({ field: 'value', message: 'settings.short_not_below_long' });
  }
  return out;
}
