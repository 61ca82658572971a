import type { TFunction } from 'i18next';
import type { CustomerOptions, CustomerStatus, OptionValue } from '../../api/contract/customers';
import type { OptionList } from './fields';
import { currentLang } from '../../i18n';
import { type LabelsByValue, referenceLabel } from '../../components/referenceLabels';

/** The options with the industries' labels in the three languages (GET /api/reference-labels). */
export type CustomerOptionsWithLabels = CustomerOptions & { industryLabels?: LabelsByValue };

export const STATUSES: CustomerStatus[] = ['potential', 'formal', 'dormant', 'lost'];
export const SOURCE_CHANNELS: CustomerOptions['sourceChannels'] = ['online', 'trade_fair', 'telemarketing', 'referral', 'word_of_mouth', 'other'];

export const STATUS_COLOR: Record<string, string> = { potential: 'blue', formal: 'green', dormant: 'orange', lost: 'default' };

export function statusLabel(t: TFunction, status: string | null | undefined): string {
  if (!status) return t('common.none');
  return t(`customers.statuses.${status}`, { defaultValue: status });
}

export function duplicateReasonLabel(t: TFunction, reason: string): string {
  return t(`customers.duplicateReasons.${reason}`, { defaultValue: reason });
}

/** Lists whose codes we translate ourselves; the other lists (industries …) are data, shown as they come. */
const TRANSLATED: Partial<Record<OptionList, string>> = { statuses: 'customers.statuses', sourceChannels: 'customers.sourceChannels' };

/** Fallback value lists while /api/customer-options loads (or if it fails). */
export const DEFAULT_OPTIONS: CustomerOptions = {
  statuses: STATUSES,
  sourceChannels: SOURCE_CHANNELS,
  industries: [],
  companyNatures: [],
  companySizes: [],
  grades: [],
};

/** "A 重点客户": a grade code with its name from the settings (docs/regulations.md §3). */
export function gradeLabel(t: TFunction, grade: string | null | undefined, options?: CustomerOptions): string {
  if (!grade) return t('common.none');
  const g = options?.grades.find((x) => x.code === grade);
  return g ? `${g.code} ${g.label}` : grade;
}

// The server sends every value list as plain codes or texts (no labels of its own).
const valueOf = (o: OptionValue): string => o;

/** The display text of a value of one of the option lists. */
export function optionLabel(t: TFunction, list: OptionList | undefined, value: string | null | undefined, options?: CustomerOptions): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const prefix = list ? TRANSLATED[list] : undefined;
  if (prefix) return t(`${prefix}.${value}`, { defaultValue: value });
  // Shipped industries carry labels in each language; the stored value is the zh-CN one.
  if (list === 'industries') return referenceLabel((options as CustomerOptionsWithLabels | undefined)?.industryLabels, value, currentLang());
  return value;
}

export function selectOptions(t: TFunction, list: OptionList, options: CustomerOptions | undefined): { value: string; label: string }[] {
  const values = options?.[list]?.length ? options[list] : DEFAULT_OPTIONS[list];
  return values.map((o) => ({ value: valueOf(o), label: optionLabel(t, list, valueOf(o), options) }));
}
