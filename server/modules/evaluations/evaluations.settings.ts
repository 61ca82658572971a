import { def, int, type SettingDefinition, type SettingGroupDefinition } from '../../platform/settings/settings.registry';

const points = { 'zh-CN': '分', 'zh-TW': '分', en: 'points' };

/** The blanks of relationship evaluation (docs/regulations.md §4) as settings, registered from its manifest. */
export const EVALUATION_SETTING_GROUPS: SettingGroupDefinition[] = [
  { key: 'evaluations', label: { 'zh-CN': '客户关系评估', 'zh-TW': '客戶關係評估', en: 'Relationship evaluation' } },
];

export const EVALUATION_SETTINGS = [
  def({
    key: 'evaluations.maintainMinScore',
    group: 'evaluations',
    schema: int(1, 100),
    default: 80,
    unit: points,
    label: { 'zh-CN': '总分不低于此分：维持关系', 'zh-TW': '總分不低於此分：維持關係', en: 'Total at or above: maintain the relationship' },
    source: 'docs/regulations.md §4 (003 第三章第三节: 改进关系 / 维持关系 / 终止关系)',
  }),
  def({
    key: 'evaluations.terminateBelowScore',
    group: 'evaluations',
    schema: int(0, 100),
    default: 60,
    unit: points,
    label: { 'zh-CN': '总分低于此分：终止关系（两者之间：改进关系）', 'zh-TW': '總分低於此分：終止關係（兩者之間：改進關係）', en: 'Total below: end the relationship (in between: improve it)' },
    source: 'docs/regulations.md §4',
  }),
] as SettingDefinition[];

/** The terminate line must lie below (or at) the maintain line, or a total could fall in both bands. */
export function evaluationSettingsCheck(values: Record<string, unknown>) {
  const out: { field: string; message: string }[] = [];
  if (Number(values['evaluations.terminateBelowScore']) > Number(values['evaluations.maintainMinScore'])) {
    out.push({ field: 'value', message: 'settings.terminate_above_maintain' });
  }
  return out;
}
