import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { def, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { CRITERIA, DEFAULT_WEIGHTS, weightSum, type Weights } from './proposals.rules';

/** The blanks of docs/regulations.md §14 as settings, registered from the proposals manifest. */
export const PROPOSAL_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'proposals', label: { 'zh-CN': '提案', 'zh-TW': '提案', en: 'Proposals' } }];

const percent = z.number().int().min(0).max(100);
export const weightsSchema = z.object(Object.fromEntries(CRITERIA.map((c) => [c, percent])) as Record<(typeof CRITERIA)[number], typeof percent>).strict();

export const PROPOSAL_SETTINGS = [
  def({
    key: 'proposals.weights',
    group: 'proposals',
    schema: weightsSchema,
    default: DEFAULT_WEIGHTS,
    label: {
      'zh-CN': '提案评定表权重（经济效益、完整性、创造性、适用范围、研究时间、费用，合计 100%）',
      'zh-TW': '提案評定表權重（經濟效益、完整性、創造性、適用範圍、研究時間、費用，合計 100%）',
      en: 'Proposal assessment weights (economic benefit, completeness, creativity, scope, research time, cost; 100 % in all)',
    },
    source: 'docs/regulations.md §14 (003 第三章第四节 提案评定表)',
  }),
] as SettingDefinition[];

/** Weights that do not add up to 100 % would make totals above or below 100 points: refused (422). */
export function proposalSettingsCheck(values: SettingValues): FieldError[] {
  const w = values['proposals.weights'] as Weights | undefined;
  if (w && weightSum(w) !== 100) return [{ field: 'value', message: 'proposal.weights_total', params: { total: weightSum(w) } }];
  return [];
}
