import { z } from 'zod';
import type { SettingDefinition, SettingGroupDefinition } from '../../platform/settings/settings.registry';
import { MAX_TOTAL_WORKING_DAYS, parseCategories } from './complaints.rules';

const workingDays = { 'zh-CN': '个工作日', 'zh-TW': '個工作日', en: 'working days' };
const perHour = { 'zh-CN': '次/小时', 'zh-TW': '次/小時', en: 'per hour' };
const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const DEFAULT_CATEGORIES = '产品质量、服务态度、配送交付、费用账单、其他';

/**
 * The blanks of the complaint rules (docs/regulations.md §10) as settings, registered from the module's manifest.
 * The 1 and 3 working days of general and major complaints are the
 * seed's own numbers (004 第十一条) and stay in complaints.rules.ts.
 */
export const COMPLAINT_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'complaints', label: { 'zh-CN': '投诉处理', 'zh-TW': '投訴處理', en: 'Complaints' } },
];

export const COMPLAINT_SETTINGS: SettingDefinition[] = [
  {
    key: 'complaints.firstContactWorkingDays',
    group: 'complaints',
    schema: int(1, 7),
    default: 1,
    unit: workingDays,
    label: { 'zh-CN': '首次联系客户时限', 'zh-TW': '首次聯繫客戶時限', en: 'First contact with the customer within' },
    source: 'docs/regulations.md §10',
  },
  {
    key: 'complaints.seriousResolutionWorkingDays',
    group: 'complaints',
    schema: int(1, MAX_TOTAL_WORKING_DAYS),
    default: 5,
    unit: workingDays,
    label: { 'zh-CN': '重大投诉处理时限（经理办公会专题研究）', 'zh-TW': '重大投訴處理時限（經理辦公會專題研究）', en: 'Serious complaints resolved within (management meeting)' },
    source: 'docs/regulations.md §10: serious complaints go to the 经理办公会; the seed sets no time, 7 working days at most',
  },
  {
    key: 'complaints.categories',
    group: 'complaints',
    schema: z
      .string()
      .trim()
      .max(500)
      .refine((v) => parseCategories(v).length > 0, 'validation.required')
      .refine((v) => parseCategories(v).every((c) => c.length <= 20), 'complaint.category_too_long'),
    default: DEFAULT_CATEGORIES,
    label: { 'zh-CN': '投诉类别（用顿号分隔）', 'zh-TW': '投訴類別（以頓號分隔）', en: 'Complaint categories (separated by 、 or commas)' },
    source: 'issue 5 §2',
  },
  {
    key: 'complaints.managerEscalationWorkingDays',
    group: 'complaints',
    schema: int(0, 7),
    default: 1,
    unit: workingDays,
    label: { 'zh-CN': '超期后再过几个工作日通知经理', 'zh-TW': '逾期後再過幾個工作日通知經理', en: 'Alert the managers this long after a missed deadline' },
    source: 'issue 5 §5: after a breach the supervisor, then the manager',
  },
  {
    key: 'complaints.rectificationWorkingDays',
    group: 'complaints',
    schema: int(1, 60),
    default: 5,
    unit: workingDays,
    label: { 'zh-CN': '问题整改通知单默认回复期限', 'zh-TW': '問題整改通知單預設回覆期限', en: 'Default reply time of a rectification notice' },
    source: 'docs/regulations.md §10',
  },
  {
    key: 'complaints.publicPerIpPerHour',
    group: 'complaints',
    schema: int(3, 10_000),
    default: 30,
    unit: perHour,
    label: { 'zh-CN': '公开投诉页面每个IP每小时最多请求', 'zh-TW': '公開投訴頁面每個IP每小時最多請求', en: 'Public complaint page: requests per IP per hour' },
    source: 'issue 5 §1',
  },
  {
    key: 'complaints.publicPerPhonePerHour',
    group: 'complaints',
    schema: int(2, 1000),
    default: 10,
    unit: perHour,
    label: { 'zh-CN': '公开投诉页面每个手机号每小时最多请求', 'zh-TW': '公開投訴頁面每個手機號每小時最多請求', en: 'Public complaint page: requests per phone number per hour' },
    source: 'issue 5 §1',
  },
];
