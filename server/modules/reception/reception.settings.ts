import { z } from 'zod';
import { def, int, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';
import { DEFAULT_HOSPITALITY, DEFAULT_TOUR_NOTICE, type HospitalityTable, type TourNotice } from './reception.rules';

/** The blanks of docs/regulations.md §9 (reception, tours, banquets) as settings. */
export const RECEPTION_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'reception', label: { 'zh-CN': '接待与参观', 'zh-TW': '接待與參觀', en: 'Reception and tours' } }];

const hours = int(0, 24 * 60);
export const tourNoticeSchema = z.object({ key: hours, group: hours, ordinary: hours, adhoc: hours }).strict() as z.ZodType<TourNotice>;
const hospitality = z.object({ managerAccompanies: z.boolean(), refreshments: z.boolean(), tea: z.enum(['always', 'if_room_fits', 'none']) }).strict();
export const hospitalitySchema = z.object({ key: hospitality, group: hospitality, ordinary: hospitality, adhoc: hospitality }).strict() as z.ZodType<HospitalityTable>;

export const DEFAULT_THANK_YOU =
  '尊敬的{customer}：\n\n感谢贵方{visitors}于{date}莅临我公司参观指导。贵方的关注与支持是我们不断进步的动力，我们将一如既往地为贵方提供优质的产品和服务，期待与贵方进一步加强合作。\n\n此致\n敬礼！\n\n客户服务部 {staff}\n{today}';

export const RECEPTION_SETTINGS = [
  def({
    key: 'reception.tourNoticeHours',
    group: 'reception',
    schema: tourNoticeSchema,
    default: DEFAULT_TOUR_NOTICE,
    label: {
      'zh-CN': '参观提前通知时间（小时；重点客户 key、团体 group、一般 ordinary、临时 adhoc）',
      'zh-TW': '參觀提前通知時間（小時；重點客戶 key、團體 group、一般 ordinary、臨時 adhoc）',
      en: 'Notice a tour needs, in hours (key, group, ordinary, ad-hoc customers)',
    },
    source: 'docs/regulations.md §9 (001 篇5 五: 3 天 / 1 天 / 1 小时)',
  }),
  def({
    key: 'reception.hospitality',
    group: 'reception',
    schema: hospitalitySchema,
    default: DEFAULT_HOSPITALITY,
    label: {
      'zh-CN': '参观接待标准（按类型：经理陪同、茶点、茶水 always / if_room_fits / none）',
      'zh-TW': '參觀接待標準（按類型：經理陪同、茶點、茶水 always / if_room_fits / none）',
      en: 'Hospitality per tour type (manager accompanies, refreshments, tea always / if_room_fits / none)',
    },
    source: 'docs/regulations.md §9 (001 篇5 五)',
  }),
  def({
    key: 'reception.meetingRoomCapacity',
    group: 'reception',
    schema: int(1, 1000),
    default: 20,
    unit: { 'zh-CN': '人', 'zh-TW': '人', en: 'people' },
    label: { 'zh-CN': '接待室可容纳人数（团体参观是否上茶）', 'zh-TW': '接待室可容納人數（團體參觀是否上茶）', en: 'Meeting room capacity (tea for a group tour)' },
    source: 'docs/regulations.md §9',
  }),
  def({
    key: 'reception.promiseDayKind',
    group: 'reception',
    schema: z.enum(['working', 'calendar']),
    default: 'working',
    label: {
      'zh-CN': '“承诺在 N 天内解决”按工作日（working）或自然日（calendar）计算',
      'zh-TW': '「承諾在 N 天內解決」按工作日（working）或自然日（calendar）計算',
      en: '"Promised within N days" counts working days (working) or calendar days (calendar)',
    },
    source: 'docs/regulations.md §9 (003 第三章第二节 客户接待记录表)',
  }),
  def({
    key: 'reception.thankYouTemplate',
    group: 'reception',
    schema: z.string().trim().min(1).max(4000),
    default: DEFAULT_THANK_YOU,
    label: {
      'zh-CN': '参观感谢信模板（{customer} {visitors} {date} {staff} {today}）',
      'zh-TW': '參觀感謝信範本（{customer} {visitors} {date} {staff} {today}）',
      en: 'Thank-you letter template ({customer} {visitors} {date} {staff} {today})',
    },
    source: 'docs/regulations.md §9 (001 篇5 五)',
  }),
] as SettingDefinition[];
