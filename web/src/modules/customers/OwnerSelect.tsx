import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../admin/users/hooks';

interface Props {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  style?: CSSProperties;
  placeholder?: string;
  /** Only active users can take over customers. */
  activeOnly?: boolean;
  'aria-label'?: string;
}

/** A user picker searched on the server (GET /api/users?q=). */
export function OwnerSelect({ activeOnly, placeholder, ...props }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  return (
    <Select
      allowClear
      placeholder={placeholder ?? t('common.all')}
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      options={(users.data?.items ?? [])
        .filter((u) => !activeOnly || u.active)
        .map((u) => ({ value: u.id, label: t('common.withNote', { text: u.displayName, note: u.username }) }))}
    />
  );
}
