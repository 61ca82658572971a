import type { TFunction } from 'i18next';

/** Class codes of docs/regulations.md §3 in words: 大客户, A 类, 长期合作. */
export function amountLabel(t: TFunction, c: string | null): string {
  return c ? t(`grading.amount.${c}`, { defaultValue: c }) : t('common.none');
}
export function industryLabel(t: TFunction, c: string | null): string {
  return c ? t('grading.industryClass', { class: c }) : t('common.none');
}
export function cooperationLabel(t: TFunction, c: string | null): string {
  return c ? t(`grading.cooperation.${c}`, { defaultValue: c }) : t('common.none');
}
