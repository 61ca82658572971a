import { DeleteOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';

const STORAGE_KEY = 'gx_customers_saved_filters';

interface SavedFilter {
  name: string;
  /** The list's query string (without page). */
  query: string;
}

function readSaved(): SavedFilter[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((f) => f && typeof f.name === 'string' && typeof f.query === 'string') : [];
  } catch {
    return [];
  }
}

function storeSaved(list: SavedFilter[]) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // storage disabled: nothing is kept
  }
}

interface Props {
  /** The current search as a query string. */
  current: URLSearchParams;
  onApply: (query: URLSearchParams) => void;
}

/** 已存筛选: named searches of the customer list, kept in this browser. */
export function SavedFilters({ current, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saved, setSaved] = useState<SavedFilter[]>(readSaved);
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const update = (list: SavedFilter[]) => {
    setSaved(list);
    storeSaved(list);
  };

  const query = () => {
    const q = new URLSearchParams(current);
    q.delete('page');
    return q.toString();
  };

  const items: MenuProps['items'] = [
    ...(saved.length
      ? saved.map((f, i) => ({ key: `apply-${i}`, label: f.name, onClick: () => onApply(new URLSearchParams(f.query)) }))
      : [{ key: 'empty', label: t('customers.savedFiltersEmpty'), disabled: true }]),
    { type: 'divider' as const },
    { key: 'save', label: t('customers.saveFilters'), disabled: query() === '', onClick: () => setNaming(true) },
    ...(saved.length
      ? [
          {
            key: 'delete',
            label: t('customers.deleteSavedFilter'),
            icon: <DeleteOutlined />,
            children: saved.map((f, i) => ({ key: `delete-${i}`, label: f.name, danger: true, onClick: () => update(saved.filter((_, j) => j !== i)) })),
          },
        ]
      : []),
  ];

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items }}>
        <Button icon={<StarOutlined />}>{t('customers.savedFilters')}</Button>
      </Dropdown>
      <FormModal<{ name: string }>
        name="savedFilter"
        title={t('customers.saveFilters')}
        open={naming}
        form={form}
        onCancel={() => setNaming(false)}
        onFinish={(v) => {
          const name = v.name.trim();
          // The same name replaces the older search.
          update([...saved.filter((f) => f.name !== name), { name, query: query() }]);
          setNaming(false);
          void message.success(t('customers.filterSaved'));
        }}
      >
        <Form.Item label={t('customers.savedFilterName')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input autoFocus maxLength={30} autoComplete="off" />
        </Form.Item>
      </FormModal>
    </>
  );
}
