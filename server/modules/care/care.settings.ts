import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, flag, int, UNITS, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';

/** The blanks of docs/regulations.md §12 (care) as settings. */
export const CARE_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'care', label: { 'zh-CN': '客户关怀', 'zh-TW': '客戶關懷', en: 'Customer care' } }];

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const CARE_SETTINGS = [
  def({
    key: 'care.reminderDaysAhead',
    group: 'care',
    schema: int(0, 60),
    default: 3,
    unit: UNITS.days,
    label: { 'zh-CN': '关怀提醒提前天数（生日、节日、周年、年终礼品）', 'zh-TW': '關懷提醒提前天數（生日、節日、週年、年終禮品）', en: 'Remind the owner this many days before an occasion' },
    source: 'docs/regulations.md §12',
  }),
  def({
    key: 'care.countsAsContact',
    group: 'care',
    schema: flag(),
    default: false,
    label: { 'zh-CN': '关怀记录计为一次联系（回访频率）', 'zh-TW': '關懷記錄計為一次聯繫（回訪頻率）', en: 'A care action counts as a contact for visit cadence' },
    source: 'docs/regulations.md §12, §8',
  }),
  def({
    key: 'care.yearEndGrades',
    group: 'care',
    schema: z.array(z.string().trim().min(1).max(20)).max(20),
    default: ['A'],
    label: { 'zh-CN': '年终礼品客户等级（忠诚客户）', 'zh-TW': '年終禮品客戶等級（忠誠客戶）', en: 'Customer grades that receive a year-end gift (loyal customers)' },
    source: 'docs/regulations.md §12 (001 篇5 一: 年终拜访与礼品)',
  }),
  def({
    key: 'care.yearEndTiers',
    group: 'care',
    schema: z.array(z.string().trim().min(1).max(20)).max(20),
    default: ['diamond', 'gold'],
    label: { 'zh-CN': '年终礼品会员等级（membership.tiers 的键，如 diamond、gold）', 'zh-TW': '年終禮品會員等級（membership.tiers 的鍵，如 diamond、gold）', en: 'Membership tiers that receive a year-end gift (keys of membership.tiers, e.g. diamond, gold)' },
    source: 'docs/regulations.md §12',
  }),
  def({
    key: 'care.yearEndDate',
    group: 'care',
    schema: z.string().regex(MONTH_DAY, 'care.month_day_invalid'),
    default: '12-20',
    label: { 'zh-CN': '年终礼品日期（月-日）', 'zh-TW': '年終禮品日期（月-日）', en: 'Year-end gift date (MM-DD)' },
    source: 'docs/regulations.md §12',
  }),
  def({
    key: 'care.festivals',
    group: 'care',
    schema: flag(),
    default: true,
    label: { 'zh-CN': '农历节日问候提醒（春节、端午、中秋、重阳）', 'zh-TW': '農曆節日問候提醒（春節、端午、中秋、重陽）', en: 'Remind of lunar festival greetings: Spring Festival, Dragon Boat, Mid-Autumn, Double Ninth' },
    source: 'docs/regulations.md §12 (002 四.2)',
  }),
] as SettingDefinition[];

export function careSettingsCheck(values: SettingValues): FieldError[] {
  const md = values['care.yearEndDate'];
  if (typeof md === 'string' && MONTH_DAY.test(md)) {
    const [m, d] = md.split('-').map(Number);
    if (d > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]) return [{ field: 'value', message: 'care.month_day_invalid' }];
  }
  return [];
}
