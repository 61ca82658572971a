import type { TFunction } from 'i18next';
import type { Channel, PlanStatus, Stage } from '../../api/contract/development';

/** 潜在客户接触 → 需求挖掘 → 产品演示 → 商务洽谈 → 合同签订 (docs/regulations.md §6). */
export const PIPELINE: Stage[] = ['contact', 'needs', 'demo', 'negotiation', 'contract'];
export const STAGES: Stage[] = [...PIPELINE, 'lost'];
export const CHANNELS: Channel[] = ['online', 'trade_fair', 'telemarketing', 'referral', 'word_of_mouth'];
/** The approval engine's document type of a development plan (chain 'development_plan', docs/regulations.md §18). */
export const PLAN_DOCUMENT_TYPE = 'development_plan';
export const PLAN_STATUSES: PlanStatus[] = ['draft', 'pending', 'returned', 'approved', 'rejected', 'withdrawn'];

export const STAGE_COLOR: Record<Stage, string> = {
  contact: 'default',
  needs: 'blue',
  demo: 'cyan',
  negotiation: 'orange',
  contract: 'green',
  lost: 'red',
};

export const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  draft: 'default',
  pending: 'processing',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export const stageLabel = (t: TFunction, s: string | null | undefined) => (s ? t(`development.stages.${s}`, { defaultValue: s }) : t('common.none'));
export const channelLabel = (t: TFunction, c: string | null | undefined) => (c ? t(`development.channels.${c}`, { defaultValue: c }) : t('common.none'));
export const planStatusLabel = (t: TFunction, s: string) => t(`development.planStatuses.${s}`, { defaultValue: s });

/** The stages next to one in the pipeline (the board's keyboard move buttons). */
export function neighbours(stage: Stage): { prev: Stage | null; next: Stage | null } {
  const i = PIPELINE.indexOf(stage);
  if (i < 0) return { prev: null, next: null };
  return { prev: i > 0 ? PIPELINE[i - 1] : null, next: i < PIPELINE.length - 1 ? PIPELINE[i + 1] : null };
}

/** A move that needs a note (server rule: back a stage, or reopening a lost prospect). */
export function needsNote(from: Stage, to: Stage): boolean {
  if (to === 'lost') return false;
  return from === 'lost' || PIPELINE.indexOf(to) < PIPELINE.indexOf(from);
}

/** 万元 with at most four decimals, grouped. */
export function formatWan(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}
