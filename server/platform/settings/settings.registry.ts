import { z } from 'zod';
import type { FieldError } from '../http/errors';
import { createOwnership } from '../ownership';

/**
 * Every blank the regulations leave ([X], _%) becomes a typed setting with a default (docs/regulations.md).
 * The platform declares its own (security, calendar); each module declares its settings in its manifest,
 * and the admin page groups them by `group` in the order the groups were registered.
 */
export interface SettingDefinition<T = unknown> {
  key: string;
  group: string;
  schema: z.ZodType<T>;
  default: T;
  label: { 'zh-CN': string; 'zh-TW': string; en: string };
  unit?: { 'zh-CN': string; 'zh-TW': string; en: string };
  /** Where the rule comes from. */
  source?: string;
  /**
   * A credential (a robot key, token or signing secret): never sent back by the API nor written to the
   * audit log in clear; the page shows only whether it is set.
   */
  secret?: boolean;
  /** An environment variable that, when set, supplies the value instead of the database (it wins). */
  env?: string;
}

export interface SettingGroupDefinition {
  key: string;
  label: { 'zh-CN': string; 'zh-TW': string; en: string };
}

export type SettingValues = Record<string, unknown>;

/** Units shared by the settings of several modules. */
export const UNITS = {
  minutes: { 'zh-CN': '分钟', 'zh-TW': '分鐘', en: 'minutes' },
  hours: { 'zh-CN': '小时', 'zh-TW': '小時', en: 'hours' },
  times: { 'zh-CN': '次', 'zh-TW': '次', en: 'times' },
  days: { 'zh-CN': '天', 'zh-TW': '天', en: 'days' },
  workingDays: { 'zh-CN': '个工作日', 'zh-TW': '個工作日', en: 'working days' },
  wan: { 'zh-CN': '万元', 'zh-TW': '萬元', en: '10k CNY' },
  years: { 'zh-CN': '年', 'zh-TW': '年', en: 'years' },
  chars: { 'zh-CN': '个字符', 'zh-TW': '個字元', en: 'characters' },
};
const { minutes, hours, times, chars } = UNITS;

export const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** An on / off setting: stored and sent as true / false, shown as a switch on the settings page. */
export const flag = () => z.boolean();

export function def<T>(d: SettingDefinition<T>): SettingDefinition<T> {
  return d;
}

/** Every registered setting, in registration order; read by the settings service and routes. */
export const SETTINGS: SettingDefinition[] = [];
export const SETTINGS_BY_KEY = new Map<string, SettingDefinition>();
/** Groups in the order the admin page shows them. */
export const SETTING_GROUPS: SettingGroupDefinition[] = [];
const groupOwners = createOwnership('Settings group');
const settingOwners = createOwnership('Setting');
const checks = new Map<string, (values: SettingValues) => FieldError[]>();

/** Adds an owner's (the platform's or a module's) groups, settings and cross-setting check; the same owner may register again. */
export function registerSettings(
  owner: string,
  groups: readonly SettingGroupDefinition[],
  settings: readonly SettingDefinition[],
  check?: (values: SettingValues) => FieldError[],
): void {
  for (const g of groups) {
    if (groupOwners.claim(g.key, owner)) SETTING_GROUPS.push(g);
  }
  for (const s of settings) {
    if (!groupOwners.has(s.group)) throw new Error(`Setting ${s.key} of ${owner} names an unknown group ${s.group}`);
    if (settingOwners.claim(s.key, owner)) SETTINGS.push(s);
    SETTINGS_BY_KEY.set(s.key, s);
  }
  if (check) checks.set(owner, check);
}

/**
 * The environment's stand-ins for settings, checked once at start-up against each setting's schema: a
 * malformed value stops the process instead of silently disabling a channel. Returns the problems.
 */
export function checkSettingEnv(env: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const d of SETTINGS) {
    if (!d.env || env[d.env] === undefined) continue;
    const parsed = d.schema.safeParse(env[d.env]);
    if (!parsed.success) problems.push(`  ${d.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return problems;
}

/** Rules that involve more than one setting; pure. Returns the field errors (empty when consistent). */
export function crossCheck(values: SettingValues): FieldError[] {
  return [...checks.values()].flatMap((c) => c(values));
}

registerSettings(
  'platform',
  [
    { key: 'security', label: { 'zh-CN': '安全与登录', 'zh-TW': '安全與登入', en: 'Security and sign-in' } },
    { key: 'calendar', label: { 'zh-CN': '工作日历', 'zh-TW': '工作日曆', en: 'Working-day calendar' } },
  ],
  [
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
    label: {
      'zh-CN': '每个IP每分钟最多登录尝试（仅在可信任客户端地址时生效）',
      'zh-TW': '每個IP每分鐘最多登入嘗試（僅在可信任用戶端位址時生效）',
      en: 'Sign-in attempts per IP per minute (only when client addresses can be trusted)',
    },
  }),
  def({
    key: 'security.loginAttemptsPerAccountPerMinute',
    group: 'security',
    schema: int(5, 1000),
    default: 20,
    unit: times,
    label: { 'zh-CN': '每个账号每分钟最多登录尝试', 'zh-TW': '每個帳號每分鐘最多登入嘗試', en: 'Sign-in attempts per account per minute' },
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
  ],
);
