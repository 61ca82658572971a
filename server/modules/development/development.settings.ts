import { z } from 'zod';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const { times, workingDays, wan, years } = UNITS;

/**
 * The blanks of the development module's regulations as settings, registered from its manifest.
 */
export const DEVELOPMENT_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'development', label: { 'zh-CN': '客户开发', 'zh-TW': '客戶開發', en: 'Customer development' } },
];

export const DEVELOPMENT_SETTINGS = [
  def({
    key: 'development.newProspectsPerMonth',
    group: 'development',
    schema: int(0, 1000),
    default: 2,
    label: { 'zh-CN': '每人每月新增潜在客户目标', 'zh-TW': '每人每月新增潛在客戶目標', en: 'New prospects per person per month' },
    source: 'docs/regulations.md §2 quotas and §17 (000 篇3: at least 2 new promising customers a month)',
  }),
] as SettingDefinition[];
