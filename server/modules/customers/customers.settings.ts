import { z } from 'zod';
import { def, int, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';


/**
 * The blanks of the customers module's regulations as settings, registered from its manifest.
 * Visit cadence belongs to the cadence module (cadence.capMonths), classification to transactions.
 */
export const CUSTOMER_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'archive', label: { 'zh-CN': '客户档案', 'zh-TW': '客戶檔案', en: 'Customer archive' } },
  { key: 'visits', label: { 'zh-CN': '回访', 'zh-TW': '回訪', en: 'Follow-up visits' } },
];

/** The grade codes and their names (docs/regulations.md §3); the order is from the best grade down. */
export const gradesSchema = z
  .array(z.object({ code: z.string().trim().min(1).max(20), label: z.string().trim().min(1).max(20) }).strict())
  .min(1)
  .max(10)
  .refine((g) => new Set(g.map((x) => x.code)).size === g.length, 'settings.grade_codes_distinct');
export type Grades = z.infer<typeof gradesSchema>;
export const DEFAULT_GRADES: Grades = [
  { code: 'A', label: '重点客户' },
  { code: 'B', label: '普通客户' },
  { code: 'C', label: '一般客户' },
];

export const CUSTOMER_SETTINGS = [
  def({
    key: 'archive.grades',
    group: 'archive',
    schema: gradesSchema,
    default: DEFAULT_GRADES,
    label: { 'zh-CN': '客户等级（代码与名称，由高到低）', 'zh-TW': '客戶等級（代碼與名稱，由高到低）', en: 'Customer grades (code and name, best first)' },
    source: 'docs/regulations.md §3',
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
] as SettingDefinition[];
