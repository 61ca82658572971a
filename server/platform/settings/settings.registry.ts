import { z } from 'zod';
import type { FieldError } from '../http/errors';

/**
 * Every blank the regulations leave ([X], _%) becomes a typed setting with a default (domain.md intro).
 * Modules add their settings here; the admin page groups them by `group`.
 */
export interface SettingDefinition<T = unknown> {
  key: string;
  group: SettingGroup;
  schema: z.ZodType<T>;
  default: T;
  label: { 'zh-CN': string; 'zh-TW': string; en: string };
  unit?: { 'zh-CN': string; 'zh-TW': string; en: string };
  /** Where the rule comes from. */
  source?: string;
}

export const SETTING_GROUPS = ['security', 'calendar', 'archive', 'classification', 'complaints', 'visits'] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

const minutes = { 'zh-CN': '分钟', 'zh-TW': '分鐘', en: 'minutes' };
const hours = { 'zh-CN': '小时', 'zh-TW': '小時', en: 'hours' };
const times = { 'zh-CN': '次', 'zh-TW': '次', en: 'times' };
const workingDays = { 'zh-CN': '个工作日', 'zh-TW': '個工作日', en: 'working days' };
const wan = { 'zh-CN': '万元', 'zh-TW': '萬元', en: '10k CNY' };
const years = { 'zh-CN': '年', 'zh-TW': '年', en: 'years' };
const chars = { 'zh-CN': '个字符', 'zh-TW': '個字元', en: 'characters' };

const int = (min: number, max: number) => z.number().int().min(min).max(max);

function def<T>(d: SettingDefinition<T>): SettingDefinition<T> {
  return d;
}

export const SETTINGS = [
  def({
    key: 'security.sessionIdleMinutes',
    group: 'security',
    schema: int(5, 24 * 60),
    default: 120,
    unit: minutes,
    label: { 'zh-CN': '无操作自动退出时间', 'zh-TW': '閒置自動登出時間', en: 'Sign out after inactivity' },
  }),
  def({
    key: 'security.sessionAbsoluteHours',
    group: 'security',
    schema: int(1, 24 * 30),
    default: 12,
    unit: hours,
    label: { 'zh-CN': '登录最长有效时间', 'zh-TW': '登入最長有效時間', en: 'Maximum session length' },
  }),
  def({
    key: 'security.lockoutThreshold',
    group: 'security',
    schema: int(3, 100),
    default: 10,
    unit: times,
    label: { 'zh-CN': '连续登录失败锁定次数', 'zh-TW': '連續登入失敗鎖定次數', en: 'Failed sign-ins before lockout' },
  }),
  def({
    key: 'security.lockoutMinutes',
    group: 'security',
    schema: int(1, 24 * 60),
    default: 10,
    unit: minutes,
    label: { 'zh-CN': '账号锁定时长', 'zh-TW': '帳號鎖定時長', en: 'Lockout duration' },
  }),
  def({
    key: 'security.loginAttemptsPerIpPerMinute',
    group: 'security',
    schema: int(5, 1000),
    default: 30,
    unit: times,
    label: { 'zh-CN': '每个IP每分钟最多登录尝试', 'zh-TW': '每個IP每分鐘最多登入嘗試', en: 'Sign-in attempts per IP per minute' },
  }),
  def({
    key: 'security.passwordMinLength',
    group: 'security',
    schema: int(8, 64),
    default: 8,
    unit: chars,
    label: { 'zh-CN': '密码最短长度', 'zh-TW': '密碼最短長度', en: 'Minimum password length' },
  }),
  def({
    key: 'calendar.missingYearWarningFromMonth',
    group: 'calendar',
    schema: int(1, 12),
    default: 11,
    label: {
      'zh-CN': '从几月起提醒录入下一年节假日',
      'zh-TW': '從幾月起提醒錄入下一年假日',
      en: 'Warn about next year’s missing holiday schedule from month',
    },
    source: 'issue 2 §8: the State Council publishes next year’s schedule around November–December',
  }),
  def({
    key: 'archive.majorChangeWorkingDays',
    group: 'archive',
    schema: int(1, 30),
    default: 3,
    unit: workingDays,
    label: { 'zh-CN': '重大变更录入时限', 'zh-TW': '重大變更錄入時限', en: 'Enter major changes within' },
    source: 'domain.md §2 dynamic management',
  }),
  def({
    key: 'archive.newCustomersPerWeek',
    group: 'archive',
    schema: int(0, 1000),
    default: 20,
    label: { 'zh-CN': '每人每周新增客户档案目标', 'zh-TW': '每人每週新增客戶檔案目標', en: 'New archive entries per person per week' },
    source: 'domain.md §2 quotas (001 §16)',
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
    source: 'domain.md §3',
  }),
  def({
    key: 'classification.smallMaxAnnualWan',
    group: 'classification',
    schema: z.number().min(0).max(1e7),
    default: 10,
    unit: wan,
    label: { 'zh-CN': '小客户年采购额上限', 'zh-TW': '小客戶年採購額上限', en: 'Small customer: annual purchases below' },
    source: 'domain.md §3',
  }),
  def({
    key: 'classification.longCooperationYears',
    group: 'classification',
    schema: int(1, 100),
    default: 5,
    unit: years,
    label: { 'zh-CN': '长期合作年限（超过）', 'zh-TW': '長期合作年限（超過）', en: 'Long cooperation: more than' },
    source: 'domain.md §3',
  }),
  def({
    key: 'classification.shortCooperationYears',
    group: 'classification',
    schema: int(0, 100),
    default: 1,
    unit: years,
    label: { 'zh-CN': '短期合作年限（少于）', 'zh-TW': '短期合作年限（少於）', en: 'Short cooperation: fewer than' },
    source: 'domain.md §3',
  }),
  def({
    key: 'complaints.firstContactWorkingDays',
    group: 'complaints',
    schema: int(1, 7),
    default: 1,
    unit: workingDays,
    label: { 'zh-CN': '首次联系客户时限', 'zh-TW': '首次聯繫客戶時限', en: 'First contact with the customer within' },
    source: 'domain.md §10',
  }),
  def({
    key: 'visits.maxDaysBetweenContacts',
    group: 'visits',
    schema: int(1, 366),
    default: 31,
    label: { 'zh-CN': '两次联系客户最长间隔（天）', 'zh-TW': '兩次聯繫客戶最長間隔（天）', en: 'Longest gap between two contacts (days)' },
    source: 'domain.md §8',
  }),
] as SettingDefinition[];

export const SETTINGS_BY_KEY = new Map(SETTINGS.map((s) => [s.key, s]));

export type SettingValues = Record<string, unknown>;

/** Rules that involve more than one setting; pure. Returns the field errors (empty when consistent). */
export function crossCheck(values: SettingValues): FieldError[] {
  const out: FieldError[] = [];
  if (Number(values['classification.smallMaxAnnualWan']) >= Number(values['classification.largeMinAnnualWan'])) {
    out.push({ field: 'value', message: 'settings.small_not_below_large' });
  }
  if (Number(values['classification.shortCooperationYears']) >= Number(values['classification.longCooperationYears'])) {
    out.push({ field: 'value', message: 'settings.short_not_below_long' });
  }
  return out;
}
