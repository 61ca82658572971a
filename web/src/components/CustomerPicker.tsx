import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { TFunction } from 'i18next';
import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

const SEARCH_DELAY_MS = 300;
/** One page of matches: the archive may hold a million customers, the picker never asks for more. */
export const CUSTOMER_PICKER_PAGE = 20;

/** What the picker needs of a customer (the server sends the whole list row; callers may read more of it). */
export interface CustomerHit {
  id: number;
  name: string;
  archiveNo: string;
}

/** "name（archive number）", or the name alone when the number is not known. */
export const customerLabel = (t: TFunction, c: { name: string; archiveNo?: string | null }) => (c.archiveNo ? t('common.withNote', { text: c.name, note: c.archiveNo }) : c.name);

interface BaseProps {
  id?: string;
  /** Labels of customers chosen before (an edited record's), shown without asking the server. */
  known?: { id: number; name: string; archiveNo?: string | null }[];
  /** Customers never offered (e.g. the record a merge keeps). */
  exclude?: number[];
  placeholder?: string;
  /** Shown when the search finds nothing. */
  notFound?: ReactNode;
  'aria-label'?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
}

interface SingleProps extends BaseProps {
  mode?: undefined;
  value?: number | null;
  onChange?: (value: number | null, customer?: CustomerHit) => void;
}

interface MultipleProps extends BaseProps {
  mode: 'multiple';
  value?: number[];
  onChange?: (value: number[], customers: CustomerHit[]) => void;
}

/**
 * A customer of the archive, searched on the server as the user types (name, pinyin, initials, archive number,
 * phone …; only customers in the user's data scope come back), one page of matches at a time. A chosen id whose
 * label is not known is looked up by id alone (GET /api/customers/:id), never by loading the archive.
 */
export function CustomerPicker(props: SingleProps | MultipleProps) {
  const { known, exclude, notFound, ...rest } = props;
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onSearch = (text: string) => {
    setTyped(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
  };

  const found = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: ({ signal }) => api.get('/api/customers', { q: q || undefined, page: 1, pageSize: CUSTOMER_PICKER_PAGE }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const chosen = props.mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : [];
  // Picked customers stay labelled while the search moves on (else the select would show bare ids).
  const [picked, setPicked] = useState<Map<number, CustomerHit>>(new Map());
  const labelled = new Set<number>([...(known ?? []).map((k) => k.id), ...picked.keys(), ...(found.data?.items ?? []).map((c) => c.id)]);
  const lookups = useQueries({
    queries: chosen
      .filter((id) => !labelled.has(id))
      .map((id) => ({
        queryKey: ['customers', 'detail', id],
        queryFn: () => api.get(`/api/customers/${id}`),
        staleTime: 60_000,
      })),
  });
  const looked: CustomerHit[] = lookups.flatMap((l) => (l.data ? [l.data] : []));

  const byId = useMemo(() => {
    const map = new Map<number, CustomerHit | { id: number; name: string; archiveNo?: string | null }>();
    for (const k of known ?? []) map.set(k.id, k);
    for (const c of looked) map.set(c.id, c);
    for (const c of picked.values()) map.set(c.id, c);
    for (const c of found.data?.items ?? []) map.set(c.id, c);
    return map;
  }, [known, looked, picked, found.data]);

  const hidden = new Set(exclude ?? []);
  const results = (found.data?.items ?? []).filter((c) => !hidden.has(c.id));
  const options = [
    // The chosen ones first, so the select shows their names even when the current search does not list them.
    ...chosen.filter((id) => !results.some((c) => c.id === id)).map((id) => byId.get(id) ?? { id, name: String(id) }),
    ...results,
  ].map((c) => ({ value: c.id, label: customerLabel(t, c) }));

  const remember = (ids: number[]) => {
    const next = new Map(picked);
    for (const id of ids) {
      const c = byId.get(id);
      if (c && 'archiveNo' in c && c.archiveNo) next.set(id, c as CustomerHit);
    }
    setPicked(next);
    return ids.map((id) => next.get(id) ?? (byId.get(id) as CustomerHit | undefined)).filter((c): c is CustomerHit => !!c);
  };

  const searching = found.isFetching || typed.trim() !== q;
  const common = {
    id: rest.id,
    'aria-label': rest['aria-label'],
    autoFocus: rest.autoFocus,
    disabled: rest.disabled,
    style: rest.style,
    placeholder: rest.placeholder,
    allowClear: rest.allowClear ?? true,
    showSearch: { filterOption: false, onSearch },
    loading: found.isFetching,
    options,
    notFoundContent: searching ? t('app.loading') : notFound,
  };

  if (props.mode === 'multiple') {
    return (
      <Select<number[]>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(v) => props.onChange?.(v, remember(v))}
      />
    );
  }
  return (
    <Select<number>
      {...common}
      value={props.value ?? undefined}
      onChange={(v) => {
        const [c] = v === undefined || v === null ? [] : remember([v]);
        props.onChange?.(v ?? null, c);
      }}
    />
  );
}
