import { z } from 'zod';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const { times, workingDays, wan, years } = UNITS;

/**
 * The blanks of the surveys module's regulations as settings, registered from its manifest.
 */
export const SURVEY_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'surveys', label: { 'zh-CN': '满意度调查', 'zh-TW': '滿意度調查', en: 'Satisfaction surveys' } },
];

export const SURVEY_SETTINGS = [
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
