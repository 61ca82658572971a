import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, int, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { DEFAULT_QA_TEMPLATE, templateProblems, type QaItem } from './callcentre.rules';

/** The blanks of the call centre's rules (docs/regulations.md §1) as settings. */
export const CALLCENTRE_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'callcentre', label: { 'zh-CN': '呼叫中心', 'zh-TW': '呼叫中心', en: 'Call centre' } }];

const pct = { 'zh-CN': '%', 'zh-TW': '%', en: '%' };

export const CALLCENTRE_SETTINGS = [
  def({
    key: 'callcentre.qaTemplate',
    group: 'callcentre',
    schema: z
      .array(z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/), label: z.string().trim().min(1).max(30), weight: int(1, 100) }).strict())
      .min(1)
      .max(20) as z.ZodType<QaItem[]>,
    default: DEFAULT_QA_TEMPLATE,
    label: { 'zh-CN': '质检评分表（评分项与权重，权重合计 100%）', 'zh-TW': '質檢評分表（評分項與權重，權重合計 100%）', en: 'QA scoring template (items and weights, totalling 100 %)' },
    source: 'docs/regulations.md §1 (003 呼叫中心 质检)',
  }),
  def({
    key: 'callcentre.qaSamplePerAgent',
    group: 'callcentre',
    schema: int(1, 100),
    default: 5,
    unit: { 'zh-CN': '通/人/月', 'zh-TW': '通/人/月', en: 'calls per agent per month' },
    label: { 'zh-CN': '每月每名座席抽检通话数', 'zh-TW': '每月每名座席抽檢通話數', en: 'Calls sampled for QA per agent per month' },
    source: 'docs/regulations.md §1',
  }),
  def({
    key: 'callcentre.targetRecordsComplete',
    group: 'callcentre',
    schema: z.number().min(0).max(100),
    default: 100,
    unit: pct,
    label: { 'zh-CN': '服务目标：通话记录完整率', 'zh-TW': '服務目標：通話記錄完整率', en: 'Service target: call records complete' },
    source: 'docs/regulations.md §1 (003 呼叫中心: 记录完整 100%)',
  }),
  def({
    key: 'callcentre.targetComplaintsInTime',
    group: 'callcentre',
    schema: z.number().min(0).max(100),
    default: 95,
    unit: pct,
    label: { 'zh-CN': '服务目标：投诉按时处理率', 'zh-TW': '服務目標：投訴按時處理率', en: 'Service target: complaints resolved in time' },
    source: 'docs/regulations.md §1 (003 呼叫中心: 投诉处理及时率 _%)',
  }),
] as SettingDefinition[];

export function callcentreSettingsCheck(values: SettingValues): FieldError[] {
  const t = values['callcentre.qaTemplate'] as QaItem[] | undefined;
  if (!t) return [];
  return templateProblems(t).map((p) => ({ field: 'value', message: p === 'weights' ? 'callcentre.weights_total' : 'callcentre.keys_repeated' }));
}
