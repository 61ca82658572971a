import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { DEFAULT_GRADES } from '../customers/customers.settings';
import { defaultIntervals, INTERVAL_UNITS, type GradeInterval, type TierInterval } from './cadence.rules';

/** The blanks of docs/regulations.md §8 (visit cadence) as settings, registered from the cadence manifest. */
export const CADENCE_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'cadence', label: { 'zh-CN': '回访频率', 'zh-TW': '回訪頻率', en: 'Visit cadence' } }];

export const intervalsSchema = z
  .array(z.object({ grade: z.string().trim().min(1).max(20), every: int(1, 730), unit: z.enum(INTERVAL_UNITS) }).strict())
  .max(10) as z.ZodType<GradeInterval[]>;

export const tierIntervalsSchema = z
  .array(z.object({ tier: z.string().trim().min(1).max(30), every: int(1, 730), unit: z.enum(INTERVAL_UNITS) }).strict())
  .max(10) as z.ZodType<TierInterval[]>;

export const CADENCE_SETTINGS = [
  def({
    key: 'cadence.intervals',
    group: 'cadence',
    schema: intervalsSchema,
    default: defaultIntervals(DEFAULT_GRADES.map((g) => g.code)),
    label: {
      'zh-CN': '各等级客户回访间隔（每 N 天或 N 个月至少联系一次；未列出的等级不考核）',
      'zh-TW': '各等級客戶回訪間隔（每 N 天或 N 個月至少聯繫一次；未列出的等級不考核）',
      en: 'Contact interval per grade (at least once every N days or months; grades not listed are not checked)',
    },
    source: 'docs/regulations.md §8 (002 四.1: 大客户每月、中客户每季度、小客户每半年)',
  }),
  def({
    key: 'cadence.tierIntervals',
    group: 'cadence',
    schema: tierIntervalsSchema,
    default: [],
    label: {
      'zh-CN': '各会员等级回访间隔（会员按等级间隔与会员等级间隔中较短者考核；个人会员只按会员等级；未列出的会员等级不另加要求）',
      'zh-TW': '各會員等級回訪間隔（會員按等級間隔與會員等級間隔中較短者考核；個人會員只按會員等級；未列出的會員等級不另加要求）',
      en: 'Contact interval per membership tier (a member owes the shorter of its grade’s and its tier’s; individual members by the tier alone; tiers not listed add nothing)',
    },
    source: 'docs/regulations.md §8 (002 四.1)',
  }),
  def({
    key: 'cadence.capMonths',
    group: 'cadence',
    schema: int(0, 12),
    default: 0,
    unit: { 'zh-CN': '个月', 'zh-TW': '個月', en: 'months' },
    label: {
      'zh-CN': '任何客户两次联系最长间隔（1 = 不超过一个月；0 = 不限，按等级间隔；已登记豁免理由的客户除外）',
      'zh-TW': '任何客戶兩次聯繫最長間隔（1 = 不超過一個月；0 = 不限，按等級間隔；已登記豁免理由的客戶除外）',
      en: 'Longest gap between two contacts with any customer (1 = one month; 0 = none, the grade interval applies; customers with a recorded reason excepted)',
    },
    source: 'docs/regulations.md §8 (001 篇1 十六 (3))',
  }),
  def({
    key: 'cadence.dueSoonDays',
    group: 'cadence',
    schema: int(0, 60),
    default: 7,
    unit: UNITS.days,
    label: { 'zh-CN': '距应回访日期不超过此天数：列为“待回访”', 'zh-TW': '距應回訪日期不超過此天數：列為「待回訪」', en: 'Due: the contact is owed within' },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'cadence.taskWorkingDays',
    group: 'cadence',
    schema: int(1, 30),
    default: 3,
    unit: UNITS.workingDays,
    label: { 'zh-CN': '逾期回访任务的完成期限', 'zh-TW': '逾期回訪任務的完成期限', en: 'An overdue-contact task is due within' },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'cadence.escalateWorkingDays',
    group: 'cadence',
    schema: int(1, 60),
    default: 5,
    unit: UNITS.workingDays,
    label: {
      'zh-CN': '逾期回访任务建立后仍未联系客户：上报主管',
      'zh-TW': '逾期回訪任務建立後仍未聯繫客戶：上報主管',
      en: 'Still no contact this long after the task: the supervisor is told',
    },
    source: 'docs/regulations.md §8',
  }),
] as SettingDefinition[];

/** The table may name only the archive's grades, each once (docs/regulations.md §3). */
export function cadenceSettingsCheck(values: SettingValues): FieldError[] {
  const grades = values['archive.grades'] as { code: string }[] | undefined;
  const rows = (values['cadence.intervals'] as GradeInterval[] | undefined) ?? [];
  const out: FieldError[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (grades && !grades.some((g) => g.code === r.grade)) out.push({ field: `value.${i}.grade`, message: 'cadence.grade_unknown' });
    else if (seen.has(r.grade)) out.push({ field: `value.${i}.grade`, message: 'cadence.grade_repeated' });
    seen.add(r.grade);
  });
  const tiers = values['membership.tiers'] as { key: string }[] | undefined;
  const seenTiers = new Set<string>();
  ((values['cadence.tierIntervals'] as TierInterval[] | undefined) ?? []).forEach((r, i) => {
    if (tiers && !tiers.some((t) => t.key === r.tier)) out.push({ field: `value.${i}.tier`, message: 'cadence.tier_unknown' });
    else if (seenTiers.has(r.tier)) out.push({ field: `value.${i}.tier`, message: 'cadence.tier_repeated' });
    seenTiers.add(r.tier);
  });
  return out;
}
