import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors';
import { ROLES } from '../../platform/permissions/roles';
import { def, int, type SettingDefinition, type SettingGroupDefinition, type SettingValues } from '../../platform/settings/settings.registry';
import { isValidDate } from '../../platform/time';
import { DEFAULT_RULES, EVENTS, REPORT_KINDS, type PointRule } from './kpi.rules';

/** The point scheme and the routines (docs/regulations.md §17, §19) as settings. */
export const KPI_SETTING_GROUPS: SettingGroupDefinition[] = [{ key: 'kpi', label: { 'zh-CN': '绩效与例行工作', 'zh-TW': '績效與例行工作', en: 'Performance and routines' } }];

const roles = z.array(z.enum(ROLES)).max(ROLES.length);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

export const KPI_SETTINGS = [
  def({
    key: 'kpi.basePoints',
    group: 'kpi',
    schema: int(0, 1000),
    default: 100,
    label: { 'zh-CN': '每人每月基础分', 'zh-TW': '每人每月基礎分', en: 'Base points per person and month' },
    source: 'docs/regulations.md §17 (000 篇3: 基础分 100 分)',
  }),
  def({
    key: 'kpi.pointRules',
    group: 'kpi',
    schema: z.array(z.object({ event: z.enum(EVENTS), points: int(-100, 100), period: z.literal('month'), threshold: int(1, 1000).optional() }).strict()).max(20) as z.ZodType<PointRule[]>,
    default: DEFAULT_RULES,
    label: {
      'zh-CN': '扣分规则（事件、分值、周期；新客户不足规则另设月最低数）',
      'zh-TW': '扣分規則（事件、分值、週期；新客戶不足規則另設月最低數）',
      en: 'Point rules (event, points, period; the new-customers rule also has its monthly minimum)',
    },
    source: 'docs/regulations.md §17 (000 篇3 二–六)',
  }),
  def({
    key: 'kpi.assessedRoles',
    group: 'kpi',
    schema: roles.min(1),
    default: ['supervisor', 'specialist', 'sales'],
    label: { 'zh-CN': '参加月度计分的角色', 'zh-TW': '參加月度計分的角色', en: 'Roles tallied each month' },
    source: 'docs/regulations.md §17',
  }),
  def({
    key: 'kpi.reportDueDays',
    group: 'kpi',
    schema: z.object({ monthly_forecast: int(1, 31), monthly_summary: int(1, 31), monthly_analysis: int(1, 31) }).strict(),
    default: { monthly_forecast: 25, monthly_summary: 25, monthly_analysis: 28 },
    label: { 'zh-CN': '月度报告截止日（每月几号：预测、总结、分析报告）', 'zh-TW': '月度報告截止日（每月幾號：預測、總結、分析報告）', en: 'Monthly reports due on day (forecast, summary, analysis)' },
    source: 'docs/regulations.md §19 (001 篇1 三: 25 日前); §17 (000 篇3: 分析报告 28 日)',
  }),
  def({
    key: 'kpi.reportRoles',
    group: 'kpi',
    schema: z.object(Object.fromEntries(REPORT_KINDS.map((k) => [k, roles])) as Record<(typeof REPORT_KINDS)[number], typeof roles>).strict(),
    default: { monthly_forecast: ['supervisor'], monthly_summary: ['supervisor'], monthly_analysis: ['supervisor'], daily_visit: ['specialist', 'sales'] },
    label: { 'zh-CN': '各项例行报告由哪些角色提交', 'zh-TW': '各項例行報告由哪些角色提交', en: 'Who submits each routine report (by role)' },
    source: 'docs/regulations.md §19 (001 篇1 三 报告制度)',
  }),
  def({
    key: 'kpi.planRoles',
    group: 'kpi',
    schema: roles,
    default: ['specialist', 'sales'],
    label: { 'zh-CN': '须按期提交回访计划（月计划、周计划）的角色', 'zh-TW': '須按期提交回訪計劃（月計劃、週計劃）的角色', en: 'Roles that owe visit plans (monthly and weekly)' },
    source: 'docs/regulations.md §8, §19 (000 篇3 二: 月计划 30 日前; 001 篇1 二: 周五周计划)',
  }),
  def({
    key: 'kpi.routinesStart',
    group: 'kpi',
    schema: z.string().refine(isValidDate, 'validation.date'),
    default: '2026-12-01',
    label: { 'zh-CN': '例行报告和回访计划自此日起计缺交', 'zh-TW': '例行報告和回訪計劃自此日起計缺交', en: 'Routine reports and visit plans count as missing from this day' },
    source: 'docs/regulations.md §19',
  }),
  def({
    key: 'kpi.meetingSlots',
    group: 'kpi',
    schema: z.array(z.object({ weekday: int(1, 7), time }).strict()).min(1).max(14),
    default: [
      { weekday: 2, time: '16:00' },
      { weekday: 5, time: '16:00' },
    ],
    label: { 'zh-CN': '例会时间（星期 1–7，时:分）', 'zh-TW': '例會時間（星期 1–7，時:分）', en: 'Regular meetings (weekday 1–7, HH:MM)' },
    source: 'docs/regulations.md §19 (001 篇1 二 例会制度: 每周二、周五 16:00)',
  }),
] as SettingDefinition[];

/** One rule per event: two rules for the same event would deduct twice for one record. */
export function kpiSettingsCheck(values: SettingValues): FieldError[] {
  const rules = (values['kpi.pointRules'] as PointRule[] | undefined) ?? [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  rules.forEach((r, i) => {
    if (seen.has(r.event)) out.push({ field: `value.${i}.event`, message: 'kpi.rule_repeated' });
    seen.add(r.event);
  });
  return out;
}
