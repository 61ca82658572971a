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
] as SettingDefinition[];
