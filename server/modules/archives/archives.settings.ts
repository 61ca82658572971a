import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, int, UNITS, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { DEFAULT_LEVELS } from './archives.rules';

/** The blanks of the archive rules (docs/regulations.md §1, §2) as settings, registered from the archives manifest. */
export const ARCHIVE_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'archives', label: { 'zh-CN': '档案借阅', 'zh-TW': '檔案借閱', en: 'Archive lending' } }];

export const ARCHIVE_SETTINGS = [
  def({
    key: 'archives.levels',
    group: 'archives',
    schema: z.array(z.string().trim().min(1).max(20)).min(2).max(8),
    default: DEFAULT_LEVELS,
    label: { 'zh-CN': '密级（由低到高）', 'zh-TW': '密級（由低到高）', en: 'Confidentiality levels (lowest first)' },
    source: 'docs/regulations.md §1 (001 篇1 七 档案管理制度)',
  }),
  def({
    key: 'archives.approvalAbove',
    group: 'archives',
    schema: z.string().trim().min(1).max(20),
    default: '内部',
    label: {
      'zh-CN': '高于此密级的档案，下载或导出须经理审批',
      'zh-TW': '高於此密級的檔案，下載或匯出須經理審批',
      en: 'Material above this level is downloaded or exported only with the manager’s approval',
    },
    source: 'docs/regulations.md §1 (001 篇1 七: 保密性资料不得借出)',
  }),
  def({
    key: 'archives.grantHours',
    group: 'archives',
    schema: int(1, 720),
    default: 24,
    unit: UNITS.hours,
    label: { 'zh-CN': '下载审批通过后的有效时间', 'zh-TW': '下載審批通過後的有效時間', en: 'How long an approved download stays open' },
    source: 'docs/regulations.md §1',
  }),
  def({
    key: 'archives.loanDays',
    group: 'archives',
    schema: int(1, 365),
    default: 14,
    unit: UNITS.days,
    label: { 'zh-CN': '档案借阅默认期限', 'zh-TW': '檔案借閱預設期限', en: 'Default loan period' },
    source: 'docs/regulations.md §1 (001 篇1 七: 本部人员借阅，用后收回)',
  }),
] as SettingDefinition[];

/** The approval threshold must be one of the levels. */
export function archiveSettingsCheck(values: SettingValues): FieldError[] {
  const levels = values['archives.levels'] as string[] | undefined;
  const above = values['archives.approvalAbove'] as string | undefined;
  if (levels && new Set(levels).size !== levels.length) return [{ field: 'value', message: 'archive.levels_unique' }];
  if (levels && above && !levels.includes(above)) return [{ field: 'value', message: 'archive.threshold_unknown', params: { level: above } }];
  return [];
}
