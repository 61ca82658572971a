import { z } from 'zod';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';
import { MEET_GUESTS } from './stays.rules';

/** The blanks of the hotel's meeting rule (docs/regulations.md §9) as settings. */
export const STAY_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'stays', label: { 'zh-CN': '宾客入住', 'zh-TW': '賓客入住', en: 'Guest stays' } }];

export const STAY_SETTINGS = [
  def({
    key: 'stays.meetHours',
    group: 'stays',
    schema: int(1, 72),
    default: 12,
    unit: UNITS.hours,
    label: { 'zh-CN': '预订宾客入住后须在此时限内会见', 'zh-TW': '預訂賓客入住後須在此時限內會見', en: 'A booking guest is met within this long after check-in' },
    source: 'docs/regulations.md §9 (001 篇1 十二 (4))',
  }),
  def({
    key: 'stays.meetGuests',
    group: 'stays',
    schema: z.enum(MEET_GUESTS),
    default: 'vip',
    label: {
      'zh-CN': '须会见的宾客：vip = 所有个人客户（VIP）；member = 仅会员',
      'zh-TW': '須會見的賓客：vip = 所有個人客戶（VIP）；member = 僅會員',
      en: 'Guests who are met: vip = every individual customer (VIP); member = members only',
    },
    source: 'docs/regulations.md §9 (001 篇1 十二 (4))',
  }),
] as SettingDefinition[];
