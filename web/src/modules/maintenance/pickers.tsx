import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CustomerListItem } from '../../api/contract/customers';
import type { Page } from '../../api/contract/platform';
import { useUserOptions } from '../admin/users/hooks';

interface MultiProps {
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
  /** Labels of values chosen before (an edited plan's customers or staff), shown before any search. */
  known?: { id: number; name: string }[];
  'aria-label'?: string;
}

/** Customers searched on the server (name, pinyin, initials …); only those in the user's scope come back. */
export function CustomerMultiSelect({ known = [], ...props }: MultiProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: ({ signal }) => api.get('/api/customers', { q: q || undefined, pageSize: 20, page: 1 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const map = new Map<number, string>(known.map((k) => [k.id, k.name]));
    for (const c of found.data?.items ?? []) map.set(c.id, t('common.withNote', { text: c.name, note: c.archiveNo }));
    return [...map].map(([value, label]) => ({ value, label }));
  }, [known, found.data]);
  return (
    <Select
      mode="multiple"
      placeholder={t('maintenance.form.customersPlaceholder')}
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      options={options}
      notFoundContent={t('maintenance.form.noCustomer')}
    />
  );
}

/** Active colleagues searched on the server (GET /api/users?q=). */
export function StaffMultiSelect({ known = [], ...props }: MultiProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const options = useMemo(() => {
    const map = new Map<number, string>(known.map((k) => [k.id, k.name]));
    for (const u of users.data?.items ?? []) if (u.active) map.set(u.id, t('common.withNote', { text: u.displayName, note: u.username }));
    return [...map].map(([value, label]) => ({ value, label }));
  }, [known, users.data]);
  return (
    <Select
      mode="multiple"
      placeholder={t('maintenance.form.staffPlaceholder')}
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      options={options}
    />
  );
}
