import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Lang, ReferenceLabels } from '../api/contract/platform';

export type LabelsByValue = Record<string, Record<Lang, string>>;

/** GET /api/reference-labels: every shipped reference list's values with their labels in the three languages. */
export async function fetchReferenceLabels(list?: string): Promise<ReferenceLabels> {
  return api.get('/api/reference-labels', list ? { list } : {});
}

/** value → labels of one list. */
export function labelsOf(answer: ReferenceLabels | undefined, list: string): LabelsByValue {
  const out: LabelsByValue = {};
  for (const it of answer?.items ?? []) if (it.list === list) out[it.value] = it.labels;
  return out;
}

/** A reference value in a language; a value without labels (an entry added later and not translated) reads as stored. */
export function referenceLabel(labels: LabelsByValue | undefined, value: string, lang: Lang): string {
  return labels?.[value]?.[lang] || value;
}

/** The labeller of one list in the reader's current language (re-renders when the language changes). */
export function useReferenceLabel(list: string): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const q = useQuery({ queryKey: ['reference-labels'], queryFn: () => fetchReferenceLabels(), staleTime: 10 * 60_000 });
  const labels = labelsOf(q.data, list);
  return (value) => (value ? referenceLabel(labels, value, i18n.language as Lang) : '');
}
