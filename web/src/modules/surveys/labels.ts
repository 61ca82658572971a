import type { TFunction } from 'i18next';
import type { CampaignStatus, LinkState, PlanStatus, TemplateStatus } from '../../api/contract/surveys';

export const CAMPAIGN_COLOR: Record<CampaignStatus, string> = { draft: 'default', active: 'processing', closed: 'success' };
export const TEMPLATE_COLOR: Record<TemplateStatus, string> = { draft: 'default', published: 'green' };
export const PLAN_COLOR: Record<PlanStatus, string> = { draft: 'default', pending: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default' };
export const LINK_COLOR: Record<LinkState, string> = { none: 'default', active: 'blue', expired: 'orange', used: 'green' };

export const campaignPath = (id: number) => `/surveys/campaigns/${id}`;
export const templatePath = (id: number) => `/surveys/templates/${id}`;
export const planPath = (id: number) => `/surveys/improvement-plans/${id}`;

export const label = (t: TFunction, group: string, code: string | null | undefined) => (code ? t(`surveys.${group}.${code}`, { defaultValue: code }) : t('common.none'));

/** 68.8 → "68.8"; null → "—". */
export const figure = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : v.toFixed(digits));
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
/** +12.5 / −3.0 / 0.0 */
export const signed = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(digits)}`);
