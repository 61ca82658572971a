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
  def({
    key: 'notifications.pollSeconds',
    group: 'notifications',
    schema: int(1, 300),
    default: 5,
    unit: { 'zh-CN': '秒', 'zh-TW': '秒', en: 'seconds' },
    label: { 'zh-CN': '检查到期提醒和待发消息的间隔', 'zh-TW': '檢查到期提醒和待發訊息的間隔', en: 'Check for due reminders and queued messages every' },
    source: 'issue 18 §3',
  }),
  def({
    key: 'notifications.connectTimeoutSeconds',
    group: 'notifications',
    schema: int(1, 60),
    default: 5,
    unit: { 'zh-CN': '秒', 'zh-TW': '秒', en: 'seconds' },
    label: { 'zh-CN': '连接邮件服务器或机器人的超时', 'zh-TW': '連線郵件伺服器或機器人的逾時', en: 'Connect timeout (mail server, robots)' },
    source: 'issue 18 §3',
  }),
  def({
    key: 'notifications.sendTimeoutSeconds',
    group: 'notifications',
    schema: int(2, 300),
    default: 20,
    unit: { 'zh-CN': '秒', 'zh-TW': '秒', en: 'seconds' },
    label: { 'zh-CN': '单条消息发送总超时', 'zh-TW': '單則訊息發送總逾時', en: 'Total timeout for sending one message' },
    source: 'issue 18 §3',
  }),
  def({
    key: 'notifications.wecomPerWindow',
    group: 'notifications',
    schema: int(1, 1000),
    default: 20,
    unit: { 'zh-CN': '条', 'zh-TW': '則', en: 'messages' },
    label: { 'zh-CN': '企业微信机器人每个限速窗口最多发送', 'zh-TW': '企業微信機器人每個限速視窗最多發送', en: 'WeCom robot: messages per rate window at most' },
    source: 'issue 18 §3',
  }),
  def({
    key: 'notifications.dingtalkPerWindow',
    group: 'notifications',
    schema: int(1, 1000),
    default: 20,
    unit: { 'zh-CN': '条', 'zh-TW': '則', en: 'messages' },
    label: { 'zh-CN': '钉钉机器人每个限速窗口最多发送', 'zh-TW': '釘釘機器人每個限速視窗最多發送', en: 'DingTalk robot: messages per rate window at most' },
    source: 'issue 18 §3',
  }),
  def({
    key: 'notifications.rateWindowSeconds',
    group: 'notifications',
    schema: int(1, 3600),
    default: 60,
    unit: { 'zh-CN': '秒', 'zh-TW': '秒', en: 'seconds' },
    label: { 'zh-CN': '机器人限速窗口（两家均为每分钟 20 条）', 'zh-TW': '機器人限速視窗（兩家均為每分鐘 20 則）', en: 'Robot rate window (both allow 20 a minute)' },
    source: 'issue 18 §3',
  }),
] as SettingDefinition[];
