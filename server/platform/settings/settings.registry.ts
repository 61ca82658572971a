import { z } from 'zod';
import { COMPLAINT_SETTINGS } from '../../modules/complaints/complaints.settings';
import type { FieldError } from '../http/errors';

/**
 * Every blank the regulations leave ([X], _%) becomes a typed setting with a default (docs/regulations.md §0).
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

export const SETTING_GROUPS = ['security', 'calendar', 'archive', 'classification', 'complaints', 'visits', 'notifications', 'contracts', 'development', 'surveys'] as const;
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
    source: 'docs/regulations.md §2 dynamic management',
  }),
  def({
    key: 'archive.newCustomersPerWeek',
    group: 'archive',
    schema: int(0, 1000),
    default: 20,
    label: { 'zh-CN': '每人每周新增客户档案目标', 'zh-TW': '每人每週新增客戶檔案目標', en: 'New archive entries per person per week' },
    source: 'docs/regulations.md §2 quotas (001 §16)',
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
  def({
    key: 'complaints.firstContactWorkingDays',
    group: 'complaints',
    schema: int(1, 7),
    default: 1,
    unit: workingDays,
    label: { 'zh-CN': '首次联系客户时限', 'zh-TW': '首次聯繫客戶時限', en: 'First contact with the customer within' },
    source: 'docs/regulations.md §10',
  }),
  ...COMPLAINT_SETTINGS,
  def({
    key: 'visits.maxDaysBetweenContacts',
    group: 'visits',
    schema: int(1, 366),
    default: 31,
    label: { 'zh-CN': '两次联系客户最长间隔（天）', 'zh-TW': '兩次聯繫客戶最長間隔（天）', en: 'Longest gap between two contacts (days)' },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'notifications.wecomWebhookUrl',
    group: 'notifications',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
    default: '',
    label: { 'zh-CN': '企业微信群机器人 Webhook 地址（留空不发送）', 'zh-TW': '企業微信群機器人 Webhook 位址（留空不發送）', en: 'WeCom group robot webhook URL (blank: off)' },
    source: 'issue 4 §4',
  }),
  def({
    key: 'notifications.dingtalkWebhookUrl',
    group: 'notifications',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
    default: '',
    label: { 'zh-CN': '钉钉群机器人 Webhook 地址（留空不发送）', 'zh-TW': '釘釘群機器人 Webhook 位址（留空不發送）', en: 'DingTalk group robot webhook URL (blank: off)' },
    source: 'issue 4 §4',
  }),
  def({
    key: 'notifications.dingtalkSecret',
    group: 'notifications',
    schema: z.string().trim().max(200),
    default: '',
    label: { 'zh-CN': '钉钉机器人加签密钥（可留空）', 'zh-TW': '釘釘機器人加簽密鑰（可留空）', en: 'DingTalk robot signing secret (optional)' },
  }),
  def({
    key: 'notifications.publicUrl',
    group: 'notifications',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)]),
    default: '',
    label: { 'zh-CN': '系统访问地址（用于邮件和群消息中的链接）', 'zh-TW': '系統存取位址（用於郵件和群訊息中的連結）', en: 'Public address of the app (links in e-mails and group messages)' },
  }),
  def({
    key: 'notifications.maxAttempts',
    group: 'notifications',
    schema: int(1, 20),
    default: 6,
    unit: times,
    label: { 'zh-CN': '消息发送失败最多重试', 'zh-TW': '訊息發送失敗最多重試', en: 'Delivery attempts before giving up' },
  }),
  def({
    key: 'notifications.retryBaseSeconds',
    group: 'notifications',
    schema: int(5, 3600),
    default: 60,
    unit: { 'zh-CN': '秒', 'zh-TW': '秒', en: 'seconds' },
    label: { 'zh-CN': '首次重试等待（之后每次加倍）', 'zh-TW': '首次重試等待（之後每次加倍）', en: 'Wait before the first retry (doubles each time)' },
  }),
  def({
    key: 'notifications.reminderHour',
    group: 'notifications',
    schema: int(0, 23),
    default: 9,
    unit: { 'zh-CN': '点', 'zh-TW': '點', en: 'o’clock' },
    label: { 'zh-CN': '任务提醒发送时间（北京时间）', 'zh-TW': '任務提醒發送時間（北京時間）', en: 'Send task reminders at (Beijing time)' },
  }),
  def({
    key: 'notifications.taskReminderWorkingDays',
    group: 'notifications',
    schema: int(0, 30),
    default: 1,
    unit: workingDays,
    label: { 'zh-CN': '任务到期前提前提醒', 'zh-TW': '任務到期前提前提醒', en: 'Remind the assignee before a task is due' },
    source: 'issue 4 §2',
  }),
  // Contracts (docs/regulations.md §13, 001 §9–10): tiered authority; above a signer's limit or term → director's approval.
  ...(
    [
      ['specialist', 5, '专员', '專員', 'specialist'],
      ['sales', 10, '销售', '銷售', 'sales'],
      ['supervisor', 20, '主管', '主管', 'supervisor'],
      ['manager', 50, '客户服务经理', '客戶服務經理', 'manager'],
    ] as const
  ).map(([role, dflt, zh, tw, en]) =>
    def({
      key: `contracts.limit.${role}`,
      group: 'contracts',
      schema: z.number().min(0).max(1e6),
      default: dflt,
      unit: wan,
      label: { 'zh-CN': `${zh}签约权限（合同金额上限）`, 'zh-TW': `${tw}簽約權限（合約金額上限）`, en: `Signing authority of a ${en} (largest contract)` },
      source: 'docs/regulations.md §13 (the director signs without limit)',
    }),
  ),
  def({
    key: 'contracts.maxTermMonths',
    group: 'contracts',
    schema: int(1, 600),
    default: 12,
    unit: { 'zh-CN': '个月', 'zh-TW': '個月', en: 'months' },
    label: { 'zh-CN': '权限内合同最长期限（更长需总监审批）', 'zh-TW': '權限內合約最長期限（更長需總監審批）', en: 'Longest term within authority (longer: director’s approval)' },
    source: 'docs/regulations.md §13',
  }),
  ...(
    [
      ['USD', 7.1, '美元', '美元', 'USD'],
      ['EUR', 7.7, '欧元', '歐元', 'EUR'],
      ['HKD', 0.91, '港元', '港元', 'HKD'],
    ] as const
  ).map(([cur, dflt, zh, tw, en]) =>
    def({
      key: `contracts.rate.${cur}`,
      group: 'contracts',
      schema: z.number().positive().max(10_000),
      default: dflt,
      unit: { 'zh-CN': '元人民币', 'zh-TW': '元人民幣', en: 'CNY' },
      label: { 'zh-CN': `1 ${zh}折合人民币（用于核对签约权限）`, 'zh-TW': `1 ${tw}折合人民幣（用於核對簽約權限）`, en: `1 ${en} in CNY (for checking signing authority)` },
      source: 'docs/regulations.md §13',
    }),
  ),
  def({
    key: 'contracts.expiryReminderDays',
    group: 'contracts',
    schema: int(0, 365),
    default: 30,
    unit: { 'zh-CN': '天', 'zh-TW': '天', en: 'days' },
    label: { 'zh-CN': '合同到期前提前提醒', 'zh-TW': '合約到期前提前提醒', en: 'Remind before a contract ends' },
    source: 'issue 4 §7',
  }),
  def({
    key: 'development.newProspectsPerMonth',
    group: 'development',
    schema: int(0, 1000),
    default: 2,
    label: { 'zh-CN': '每人每月新增潜在客户目标', 'zh-TW': '每人每月新增潛在客戶目標', en: 'New prospects per person per month' },
    source: 'docs/regulations.md §2 quotas and §17 (000 篇3: at least 2 new promising customers a month)',
  }),
  def({
    key: 'surveys.minCampaignsPerYear',
    group: 'surveys',
    schema: int(0, 12),
    default: 1,
    unit: times,
    label: { 'zh-CN': '每年至少开展满意度调查', 'zh-TW': '每年至少開展滿意度調查', en: 'Satisfaction surveys per year, at least' },
    source: 'docs/regulations.md §11 (004 第十二条: at least once a year)',
  }),
  def({
    key: 'surveys.linkExpiryDays',
    group: 'surveys',
    schema: int(1, 365),
    default: 30,
    unit: { 'zh-CN': '天', 'zh-TW': '天', en: 'days' },
    label: { 'zh-CN': '客户个人调查链接有效期', 'zh-TW': '客戶個人調查連結有效期', en: 'Personal survey links expire after' },
    source: 'issue 5 §9',
  }),
  def({
    key: 'surveys.publicRequestsPerIpPerMinute',
    group: 'surveys',
    schema: int(5, 1000),
    default: 30,
    unit: times,
    label: { 'zh-CN': '问卷填写页每个IP每分钟最多请求', 'zh-TW': '問卷填寫頁每個IP每分鐘最多請求', en: 'Survey answer page: requests per IP per minute' },
    source: 'issue 5 §9',
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
