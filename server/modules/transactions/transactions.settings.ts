import { z } from 'zod';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const { wan, years } = UNITS;

/** The blanks of the classification rules (docs/regulations.md §3), registered from the transactions manifest. */
export const TRANSACTION_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'classification', label: { 'zh-CN': '分类分级', 'zh-TW': '分類分級', en: 'Classification' } },
];

export const TRANSACTION_SETTINGS = [
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
