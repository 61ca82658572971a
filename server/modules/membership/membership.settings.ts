import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, flag, int, UNITS, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { DEFAULT_GIFTS, DEFAULT_TIERS, type Gift, type Tier, tierListProblems } from './membership.rules';

/** The blanks of docs/regulations.md §3 (membership) as settings, registered from the membership manifest. */
export const MEMBERSHIP_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'membership', label: { 'zh-CN': '会员与积分', 'zh-TW': '會員與積分', en: 'Membership and points' } }];

const name = z.string().trim().min(1).max(30);
const label = z.object({ 'zh-CN': name, 'zh-TW': name, en: name }).strict();
const key = z.string().regex(/^[a-z][a-z0-9_]{0,29}$/);

export const tiersSchema = z.array(z.object({ key, minPoints: z.number().int().min(0).max(1e9), label }).strict()).min(1).max(10) as z.ZodType<Tier[]>;
export const giftsSchema = z.array(z.object({ key, points: z.number().int().min(1).max(1e9), label }).strict()).max(50) as z.ZodType<Gift[]>;

export const MEMBERSHIP_SETTINGS = [
  def({
    key: 'membership.tiers',
    group: 'membership',
    schema: tiersSchema,
    default: DEFAULT_TIERS,
    label: {
      'zh-CN': '会员等级（名称与累计积分门槛：钻石 / 金卡 / 银卡 / 普通）',
      'zh-TW': '會員等級（名稱與累計積分門檻：鑽石 / 金卡 / 銀卡 / 普通）',
      en: 'Membership tiers (names and accumulated-points thresholds: diamond / gold / silver / regular)',
    },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'membership.pointsPerYuan',
    group: 'membership',
    schema: z.number().min(0).max(100),
    default: 1,
    unit: { 'zh-CN': '分 / 元', 'zh-TW': '分 / 元', en: 'points per ¥' },
    label: { 'zh-CN': '积分比例（每消费 1 元所得积分）', 'zh-TW': '積分比例（每消費 1 元所得積分）', en: 'Points earned per ¥1 spent' },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'membership.validityYears',
    group: 'membership',
    schema: int(1, 20),
    default: 2,
    unit: UNITS.years,
    label: { 'zh-CN': '积分有效期（到期年度年底清零）', 'zh-TW': '積分有效期（到期年度年底清零）', en: 'Points are valid for (expire at the year end)' },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'membership.tierDownAtYearEnd',
    group: 'membership',
    schema: flag(),
    default: true,
    label: {
      'zh-CN': '年底按累计积分降级（关闭 = 保持原等级）',
      'zh-TW': '年底按累計積分降級（關閉 = 保持原等級）',
      en: 'Lower the tier at the year end when the points no longer reach it (off = keep)',
    },
    source: 'docs/regulations.md §3',
  }),
  def({
    key: 'membership.gifts',
    group: 'membership',
    schema: giftsSchema,
    default: DEFAULT_GIFTS,
    label: { 'zh-CN': '年终积分兑换礼品目录（礼品与所需积分）', 'zh-TW': '年終積分兌換禮品目錄（禮品與所需積分）', en: 'Year-end gift catalogue (gifts and the points each costs)' },
    source: 'docs/regulations.md §3',
  }),
] as SettingDefinition[];

/** A tier list without a tier from 0 points, or with a key or threshold twice, is refused. */
export function membershipSettingsCheck(values: SettingValues): FieldError[] {
  const tiers = values['membership.tiers'] as Tier[] | undefined;
  if (!tiers) return [];
  return tierListProblems(tiers).map((p) => ({ field: `value.${p}`, message: 'membership.tiers_invalid' }));
}
