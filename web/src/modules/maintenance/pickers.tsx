import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../admin/users/hooks';

interface MultiProps {
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
  /** Labels of values chosen before (an edited plan's customers or staff), shown before any search. */
  known?: { id: number; name: string }[];
  'aria-label'?: string;
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
