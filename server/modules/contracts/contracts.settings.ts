import { z } from 'zod';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const { times, workingDays, wan, years } = UNITS;

/**
 * The blanks of the contracts module's regulations as settings, registered from its manifest.
 */
export const CONTRACT_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'contracts', label: { 'zh-CN': '合同', 'zh-TW': '合約', en: 'Contracts' } },
];

export const CONTRACT_SETTINGS = [
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
  // docs/regulations.md §13, 001 篇1 九 (1): a booking of this size or more must name a contract.
  def({
    key: 'contracts.sizeLine.hotel_group',
    group: 'contracts',
    schema: int(1, 100_000),
    default: 30,
    unit: { 'zh-CN': '人', 'zh-TW': '人', en: 'people' },
    label: { 'zh-CN': '团队住宿达到此人数须签合同', 'zh-TW': '團隊住宿達到此人數須簽合約', en: 'Group stays of this many people need a contract' },
    source: 'docs/regulations.md §13',
  }),
  def({
    key: 'contracts.sizeLine.production',
    group: 'contracts',
    schema: int(1, 100_000_000),
    default: 1000,
    unit: { 'zh-CN': '件', 'zh-TW': '件', en: 'units' },
    label: { 'zh-CN': '生产订单达到此数量须签合同', 'zh-TW': '生產訂單達到此數量須簽合約', en: 'Production orders of this many units need a contract' },
    source: 'docs/regulations.md §13',
  }),
] as SettingDefinition[];
