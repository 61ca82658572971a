import { z } from 'zod';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const { times, workingDays, wan, years } = UNITS;

/**
 * The blanks of the workflow module's regulations as settings, registered from its manifest.
 */
export const WORKFLOW_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'notifications', label: { 'zh-CN': '消息通知', 'zh-TW': '訊息通知', en: 'Notifications' } },
];

export const WORKFLOW_SETTINGS = [
  def({
    key: 'notifications.wecomWebhookUrl',
    group: 'notifications',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
    default: '',
    secret: true, // the key in the URL is the robot's credential
    env: 'GUANXI_WECOM_WEBHOOK_URL',
    label: { 'zh-CN': '企业微信群机器人 Webhook 地址（留空不发送）', 'zh-TW': '企業微信群機器人 Webhook 位址（留空不發送）', en: 'WeCom group robot webhook URL (blank: off)' },
    source: 'issue 4 §4',
  }),
  def({
    key: 'notifications.dingtalkWebhookUrl',
    group: 'notifications',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
    default: '',
    secret: true, // the access_token in the URL is the robot's credential
    env: 'GUANXI_DINGTALK_WEBHOOK_URL',
    label: { 'zh-CN': '钉钉群机器人 Webhook 地址（留空不发送）', 'zh-TW': '釘釘群機器人 Webhook 位址（留空不發送）', en: 'DingTalk group robot webhook URL (blank: off)' },
    source: 'issue 4 §4',
  }),
  def({
    key: 'notifications.dingtalkSecret',
    group: 'notifications',
    schema: z.string().trim().max(200),
    default: '',
    secret: true,
    env: 'GUANXI_DINGTALK_SECRET',
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
] as SettingDefinition[];
