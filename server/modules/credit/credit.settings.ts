import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { BANK_RATINGS, DEFAULT_RATING_RULES, DEFAULT_RISK_MATRIX, PAYMENT_RECORDS, RISK_LEVELS, ratingRulesProblems, type RatingRules } from './credit.rules';

/** The blanks of docs/regulations.md §5 (credit and risk) as settings, registered from the credit manifest. */
export const CREDIT_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'credit', label: { 'zh-CN': '信用与风险', 'zh-TW': '信用與風險', en: 'Credit and risk' } }];

const points = z.number().int().min(0).max(100);
const amount = z.number().min(0).max(1e7);
const byKey = <K extends readonly [string, ...string[]]>(keys: K) => z.object(Object.fromEntries(keys.map((k) => [k, points])) as Record<K[number], typeof points>).strict();

export const ratingRulesSchema = z
  .object({
    registeredCapital: z.array(z.object({ atLeast: amount, points }).strict()).min(1).max(10),
    yearsInBusiness: z.array(z.object({ atLeast: z.number().min(0).max(200), points }).strict()).min(1).max(10),
    paymentRecord: byKey(PAYMENT_RECORDS),
    overdueAmount: z.array(z.object({ atMost: amount, points }).strict()).min(1).max(10),
    bankRating: byKey(BANK_RATINGS),
    bands: z
      .array(z.object({ minScore: z.number().min(0).max(500), label: z.string().trim().min(1).max(20), limitWan: amount, termDays: int(0, 3650) }).strict())
      .min(1)
      .max(10),
  })
  .strict() as z.ZodType<RatingRules>;

export const riskMatrixSchema = z.array(z.array(z.enum(RISK_LEVELS)).length(5)).length(5);

export const CREDIT_SETTINGS = [
  def({
    key: 'credit.ratingRules',
    group: 'credit',
    schema: ratingRulesSchema,
    default: DEFAULT_RATING_RULES,
    label: {
      'zh-CN': '客户信用等级评定表（指标分值、分数段与等级名称、信用额度与账期）',
      'zh-TW': '客戶信用等級評定表（指標分值、分數段與等級名稱、信用額度與帳期）',
      en: 'Credit rating table (indicator points, score bands and their labels, credit limit and terms)',
    },
    source: 'docs/regulations.md §5 (003 第七章 客户信用等级评定表)',
  }),
  def({
    key: 'credit.riskMatrix',
    group: 'credit',
    schema: riskMatrixSchema,
    default: DEFAULT_RISK_MATRIX,
    label: {
      'zh-CN': '风险矩阵（可能性 1–5 × 影响程度 1–5 → 高 / 中 / 低）',
      'zh-TW': '風險矩陣（可能性 1–5 × 影響程度 1–5 → 高 / 中 / 低）',
      en: 'Risk matrix (likelihood 1–5 × impact 1–5 → high / medium / low)',
    },
    source: 'docs/regulations.md §5 (002 七 客户风险管理)',
  }),
  def({
    key: 'credit.lowRiskReviewDays',
    group: 'credit',
    schema: int(1, 3650),
    default: 90,
    unit: UNITS.days,
    label: { 'zh-CN': '低风险定期复评间隔', 'zh-TW': '低風險定期複評間隔', en: 'Re-assess a low risk every' },
    source: 'docs/regulations.md §5',
  }),
  def({
    key: 'credit.forecastAccuracyTarget',
    group: 'credit',
    schema: z.number().min(0).max(100),
    default: 80,
    unit: { 'zh-CN': '%', 'zh-TW': '%', en: '%' },
    label: { 'zh-CN': '信用风险预测准确率目标', 'zh-TW': '信用風險預測準確率目標', en: 'Target accuracy of risk forecasts' },
    source: 'docs/regulations.md §5 (003: 准确率达到 _% 以上)',
  }),
  def({
    key: 'credit.overdueOneLevelDays',
    group: 'credit',
    schema: int(1, 3650),
    default: 30,
    unit: UNITS.days,
    label: { 'zh-CN': '应收账款逾期超过此天数：信用等级下调一级', 'zh-TW': '應收帳款逾期超過此天數：信用等級下調一級', en: 'Receivables overdue more than this: the rating drops one level' },
    source: 'docs/regulations.md §5 (003 第七章: 逾期应收账款自动降低信用等级)',
  }),
  def({
    key: 'credit.overdueOneLevelAmountWan',
    group: 'credit',
    schema: z.number().min(0).max(1e6),
    default: 10,
    unit: { 'zh-CN': '万元', 'zh-TW': '萬元', en: '10k yuan' },
    label: {
      'zh-CN': '逾期金额达到此数：信用等级下调一级（0 = 不按金额）',
      'zh-TW': '逾期金額達到此數：信用等級下調一級（0 = 不按金額）',
      en: 'Overdue amount at or above this: the rating drops one level (0 = not by amount)',
    },
    source: 'docs/regulations.md §5',
  }),
  def({
    key: 'credit.overdueTwoLevelsDays',
    group: 'credit',
    schema: int(1, 3650),
    default: 90,
    unit: UNITS.days,
    label: { 'zh-CN': '应收账款逾期超过此天数：信用等级下调两级', 'zh-TW': '應收帳款逾期超過此天數：信用等級下調兩級', en: 'Receivables overdue more than this: the rating drops two levels' },
    source: 'docs/regulations.md §5',
  }),
] as SettingDefinition[];

/** A rule table whose bands leave scores without a label, or repeat a label, is refused; so are overdue lines out of order. */
export function creditSettingsCheck(values: SettingValues): FieldError[] {
  const out: FieldError[] = [];
  const rules = values['credit.ratingRules'] as RatingRules | undefined;
  if (rules) out.push(...ratingRulesProblems(rules).map((p) => ({ field: `value.${p}`, message: 'credit.rules_bands_invalid' })));
  // Two levels must take longer than one, or the two-level line would never be the one crossed.
  if (Number(values['credit.overdueTwoLevelsDays']) <= Number(values['credit.overdueOneLevelDays'])) out.push({ field: 'value', message: 'credit.overdue_lines_order' });
  return out;
}
