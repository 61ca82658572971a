import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleId } from '../../api/contract/platform';
import type { CustomerListItem } from '../../api/contract/customers';
import { useDepartments } from '../admin/org/hooks';
import { useUserOptions } from '../admin/users/hooks';

interface SingleProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null, label?: string) => void;
  /** The label of the value chosen before (an edited complaint's handler), shown before any search. */
  known?: { id: number; name: string } | null;
  'aria-label'?: string;
  disabled?: boolean;
}

const HANDLER_ROLES: RoleId[] = ['admin', 'director', 'manager', 'supervisor', 'specialist'];

/** Colleagues who may handle complaints (or, with `anyone`, any active colleague) within the user's scope (GET /api/users). */
export function HandlerSelect({ known, onChange, anyone, ...props }: SingleProps & { anyone?: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const options = useMemo(() => {
    const map = new Map<number, string>();
    if (known) map.set(known.id, known.name);
    for (const u of users.data?.items ?? []) if (u.active && (anyone || u.roles.some((r) => HANDLER_ROLES.includes(r)))) map.set(u.id, t('common.withNote', { text: u.displayName, note: u.username }));
    return [...map].map(([value, label]) => ({ value, label }));
  }, [known, users.data, anyone]);
  return (
    <Select
      allowClear
      placeholder={t('complaints.form.handlerPlaceholder')}
      {...props}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      options={options}
    />
  );
}

export function DepartmentSelect({ onChange, known: _known, ...props }: SingleProps) {
  const { t } = useTranslation();
  const departments = useDepartments();
  return (
    <Select
      allowClear
      placeholder={t('complaints.form.departmentPlaceholder')}
      {...props}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      loading={departments.isFetching}
      options={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
