import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { DEFAULT_POOL_RULES, type PoolRule } from './pool.rules';

/** The blanks of the public pool (docs/regulations.md §8) as settings. */
export const POOL_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'pool', label: { 'zh-CN': '公海', 'zh-TW': '公海', en: 'Public pool' } }];

const days = int(1, 3650).nullable();
export const poolRulesSchema = z
  .array(z.object({ grade: z.string().trim().max(20), noContactDays: days, noDealDays: days, contractEndedDays: days }).strict())
  .max(50) as z.ZodType<PoolRule[]>;

export const POOL_SETTINGS = [
  def({
    key: 'pool.rules',
    group: 'pool',
    schema: poolRulesSchema,
    default: DEFAULT_POOL_RULES,
    label: {
      'zh-CN': '按客户等级进入公海的规则（未联系天数、未成交天数、合同结束后天数；等级留空 = 其余等级；天数留空 = 不按此规则）',
      'zh-TW': '按客戶等級進入公海的規則（未聯繫天數、未成交天數、合約結束後天數；等級留空 = 其餘等級；天數留空 = 不按此規則）',
      en: 'Rules per grade for moving customers to the pool (days without contact, without a deal, after the contract ended; empty grade = every other grade; empty days = rule off)',
    },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'pool.reminderDays',
    group: 'pool',
    schema: int(1, 365),
    default: 7,
    unit: UNITS.days,
    label: { 'zh-CN': '进入公海前提前提醒负责人', 'zh-TW': '進入公海前提前提醒負責人', en: 'Remind the owner this long before the move' },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'pool.dailyClaimCap',
    group: 'pool',
    schema: int(1, 1000),
    default: 5,
    label: { 'zh-CN': '每人每天最多领取', 'zh-TW': '每人每天最多領取', en: 'Claims per person per day, at most' },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'pool.holdingCap',
    group: 'pool',
    schema: int(1, 1000000),
    default: 300,
    label: { 'zh-CN': '每人最多负责客户数（超过则不能再领取）', 'zh-TW': '每人最多負責客戶數（超過則不能再領取）', en: 'Customers a person may hold before claiming more' },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'pool.reclaimCooldownDays',
    group: 'pool',
    schema: int(0, 3650),
    default: 30,
    unit: UNITS.days,
    label: { 'zh-CN': '原负责人重新领取的冷却期', 'zh-TW': '原負責人重新領取的冷卻期', en: 'Cooldown before the previous owner may claim again' },
    source: 'docs/regulations.md §8',
  }),
] as SettingDefinition[];

/** Two rows for the same grade would leave it unclear which applies. */
export function poolSettingsCheck(values: SettingValues): FieldError[] {
  const rules = (values['pool.rules'] as PoolRule[] | undefined) ?? [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  rules.forEach((r, i) => {
    if (seen.has(r.grade)) out.push({ field: `value.${i}.grade`, message: 'pool.rules_grade_repeated' });
    seen.add(r.grade);
  });
  return out;
}
