import { z } from 'zod';
import { def, type SettingDefinition } from '../../platform/settings/settings.registry';
import { parseLatLng } from './visits.rules';

/** The blanks of docs/regulations.md §8 routes as settings (the group 回访 is the archive's). */
const url = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), 'visits.url_invalid');

export const VISIT_SETTINGS = [
  def({
    key: 'visits.osrmUrl',
    group: 'visits',
    schema: url,
    default: '',
    label: {
      'zh-CN': '路线规划道路距离服务（OSRM 地址，留空 = 直线距离）',
      'zh-TW': '路線規劃道路距離服務（OSRM 位址，留空 = 直線距離）',
      en: 'Road distances for day routes (OSRM server URL; empty = straight line)',
    },
    source: 'docs/regulations.md §8 (001 篇5 四 客户拜访区域规划制度)',
  }),
  def({
    key: 'visits.mapTilesUrl',
    group: 'visits',
    schema: url,
    default: '',
    label: {
      'zh-CN': '地图瓦片地址（{z}/{x}/{y}，留空 = 不显示地图）',
      'zh-TW': '地圖圖磚位址（{z}/{x}/{y}，留空 = 不顯示地圖）',
      en: 'Map tile URL ({z}/{x}/{y}; empty = no map)',
    },
    source: 'docs/regulations.md §8',
  }),
  def({
    key: 'visits.routeStart',
    group: 'visits',
    // "latitude,longitude" in WGS-84 degrees; blank = none (the planner then asks for a start)
    schema: z
      .string()
      .trim()
      .max(60)
      .refine((v) => v === '' || parseLatLng(v) !== null, 'visits.start_invalid'),
    default: '',
    label: {
      'zh-CN': '路线默认起点（公司所在地，WGS-84“纬度,经度”，如 39.9042,116.4074；留空 = 无）',
      'zh-TW': '路線預設起點（公司所在地，WGS-84「緯度,經度」，如 39.9042,116.4074；留空 = 無）',
      en: 'Default start of day routes (the office, WGS-84 "lat,lng" such as 39.9042,116.4074; empty = none)',
    },
    source: 'docs/regulations.md §8',
  }),
  // Visit plans 回访计划表 (docs/regulations.md §8, 000 篇3 二; 001 篇1 三)
  def({
    key: 'visits.monthlyPlanDueDay',
    group: 'visits',
    schema: z.number().int().min(1).max(31),
    default: 30,
    label: {
      'zh-CN': '月度回访计划截止日（上月几号前提交；该月没有这一天时为月末）',
      'zh-TW': '月度回訪計畫截止日（上月幾號前提交；該月沒有這一天時為月底）',
      en: 'Monthly visit plan due day (of the month before; the last day when that month is shorter)',
    },
    source: 'docs/regulations.md §8 (000 篇3 二: by the 30th)',
  }),
  def({
    key: 'visits.weeklyPlanDueWeekday',
    group: 'visits',
    schema: z.number().int().min(1).max(7),
    default: 5,
    label: {
      'zh-CN': '周回访计划截止日（上周星期几，1 = 星期一 … 7 = 星期日）',
      'zh-TW': '週回訪計畫截止日（上週星期幾，1 = 星期一 … 7 = 星期日）',
      en: 'Weekly visit plan due weekday (of the week before; 1 = Monday … 7 = Sunday)',
    },
    source: 'docs/regulations.md §8 (001 篇1 三: weekly plan on Fridays)',
  }),
  def({
    key: 'visits.monthlyVisitDays',
    group: 'visits',
    schema: z.number().int().min(0).max(31),
    default: 0,
    label: {
      'zh-CN': '月度计划最少上门拜访天数（0 = 不检查；不足时计划上显示提醒）',
      'zh-TW': '月度計畫最少上門拜訪天數（0 = 不檢查；不足時計畫上顯示提醒）',
      en: 'Least on-site visit days in a monthly plan (0 = not checked; fewer shows a warning on the plan)',
    },
    source: 'docs/regulations.md §8 (the restaurant: 6 visit days a month)',
  }),
] as SettingDefinition[];
