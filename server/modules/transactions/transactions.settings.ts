import { z } from 'zod';
import { INDUSTRY_CLASSES, type IndustryRow } from './transactions.rules';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const { wan, years } = UNITS;

/** The blanks of the classification rules (docs/regulations.md §3), registered from the transactions manifest. */
export const TRANSACTION_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'classification', label: { 'zh-CN': '分类分级', 'zh-TW': '分類分級', en: 'Classification' } },
];

/**
 * Industry → class (docs/regulations.md §3: A e.g. manufacturing and finance, B services and retail, C
 * others), one row for each industry of the archive's option list; an industry not listed gets the default.
 */
export const DEFAULT_INDUSTRY_CLASSES: IndustryRow[] = [
  { industry: '制造业', class: 'A' },
  { industry: '金融业', class: 'A' },
  { industry: '批发和零售业', class: 'B' },
  { industry: '信息技术服务', class: 'B' },
  { industry: '交通运输和物流', class: 'B' },
  { industry: '住宿和餐饮业', class: 'B' },
  { industry: '文化传媒', class: 'B' },
  { industry: '教育', class: 'B' },
  { industry: '医疗卫生', class: 'B' },
  { industry: '建筑业', class: 'C' },
  { industry: '房地产业', class: 'C' },
  { industry: '能源化工', class: 'C' },
  { industry: '农林牧渔', class: 'C' },
  { industry: '政府及公共事业', class: 'C' },
  { industry: '其他', class: 'C' },
];

export const industryClassesSchema = z
  .array(z.object({ industry: z.string().trim().min(1).max(50), class: z.enum(INDUSTRY_CLASSES) }).strict())
  .max(200)
  .refine((rows) => new Set(rows.map((r) => r.industry)).size === rows.length, 'settings.industry_listed_twice');

export const TRANSACTION_SETTINGS = [
  def({
    key: 'classification.industryClasses',
    group: 'classification',
    schema: industryClassesSchema,
    default: DEFAULT_INDUSTRY_CLASSES,
    label: { 'zh-CN': '行业分类表（所属行业 → A / B / C 类）', 'zh-TW': '行業分類表（所屬行業 → A / B / C 類）', en: 'Industry classes (industry → class A / B / C)' },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'classification.industryDefaultClass',
    group: 'classification',
    schema: z.enum(INDUSTRY_CLASSES),
    default: 'C',
    label: { 'zh-CN': '未列入行业分类表的行业归入', 'zh-TW': '未列入行業分類表的行業歸入', en: 'Class of an industry not in the table' },
    source: 'docs/regulations.md §3',
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
] as SettingDefinition[];

/** The class lines must not cross (docs/regulations.md §3). */
export function transactionSettingsCheck(values: Record<string, unknown>) {
  const out: { field: string; message: string }[] = [];
  if (Number(values['classification.smallMaxAnnualWan']) >= Number(values['classification.largeMinAnnualWan'])) {
    out.push({ field: 'value', message: 'settings.small_not_below_large' });
  }
  if (Number(values['classification.shortCooperationYears']) >= Number(values['classification.longCooperationYears'])) {
    out.push({ field: 'value', message: 'settings.short_not_below_long' });
  }
  return out;
}
