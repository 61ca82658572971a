import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';
import { AMOUNT, COOPERATION, INDUSTRY, type StandardRow, unknownGrades } from './grading.rules';

/** The grading standard of docs/regulations.md §3 as settings, registered from the grading manifest. */
export const GRADING_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'grading', label: { 'zh-CN': '客户分级', 'zh-TW': '客戶分級', en: 'Customer grading' } }];

/**
 * The default standard: a large customer of an A-class industry with a good evaluation, or a large one
 * cooperating long, is a key customer; other large ones and well-evaluated or long medium ones are
 * ordinary; the rest general. The company edits it.
 */
export const DEFAULT_STANDARD: StandardRow[] = [
  { amountClass: 'large', industryClass: 'A', minScore: 80, grade: 'A' },
  { amountClass: 'large', cooperationClass: 'long', minScore: 60, grade: 'A' },
  { amountClass: 'large', grade: 'B' },
  { amountClass: 'medium', minScore: 60, grade: 'B' },
  { amountClass: 'medium', cooperationClass: 'long', grade: 'B' },
];

export const standardSchema = z
  .array(
    z
      .object({
        amountClass: z.enum(AMOUNT).optional(),
        industryClass: z.enum(INDUSTRY).optional(),
        cooperationClass: z.enum(COOPERATION).optional(),
        minScore: z.number().min(0).max(100).optional(),
        grade: z.string().trim().min(1).max(20),
      })
      .strict(),
  )
  .max(50) as z.ZodType<StandardRow[]>;

export const GRADING_SETTINGS = [
  def({
    key: 'grading.standard',
    group: 'grading',
    schema: standardSchema,
    default: DEFAULT_STANDARD,
    label: {
      'zh-CN': '分级标准（按金额分类、行业分类、合作年限分类、最近评估分数 → 等级，自上而下第一条符合者）',
      'zh-TW': '分級標準（按金額分類、行業分類、合作年限分類、最近評估分數 → 等級，自上而下第一條符合者）',
      en: 'Grading standard (amount class, industry class, cooperation class, latest evaluation score → grade; the first row that holds)',
    },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'grading.defaultGrade',
    group: 'grading',
    schema: z.string().trim().min(1).max(20),
    default: 'C',
    label: { 'zh-CN': '不符合任何一条标准时的等级', 'zh-TW': '不符合任何一條標準時的等級', en: 'Grade when no row of the standard holds' },
    source: 'docs/regulations.md §3',
  }),
] as SettingDefinition[];

/** The standard may name only the archive's grades (docs/regulations.md §3). */
export function gradingSettingsCheck(values: Record<string, unknown>): FieldError[] {
  const grades = values['archive.grades'] as { code: string }[] | undefined;
  if (!grades) return [];
  const bad = unknownGrades({ rows: (values['grading.standard'] as StandardRow[]) ?? [], defaultGrade: String(values['grading.defaultGrade']) }, grades.map((g) => g.code));
  return bad.length ? [{ field: 'value', message: 'settings.grade_not_defined' }] : [];
}
