import { ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/contract/platform';
import { formatDateTime } from '../../../components/format';
import { useIsMobile } from '../../../app/useIsMobile';
import { type ListColumn, ListPage, useListState } from '../../../components/ListPage';
import { PageContainer } from '../../../components/PageContainer';
import zhCN from './messages/zh-CN';
import { useUserOptions } from '../users/hooks';
import { useAuditLog } from './hooks';

// The filter lists offer every action and record type the catalogue knows a label for.
const ACTIONS = Object.keys(zhCN.audit.actions);
const ENTITY_TYPES = Object.keys(zhCN.audit.entityTypes);

const actionLabel = (t: TFunction, a: string) => t(`audit.actions.${a}`, { defaultValue: a });
const entityLabel = (t: TFunction, e: string) => t(`audit.entityTypes.${e}`, { defaultValue: e });

const ACTION_COLOR: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  'login.failure': 'orange',
  'login.rate_limited': 'orange',
  'permission.denied': 'red',
  'role.change': 'purple',
  reveal: 'gold',
  export: 'gold',
};

/** Each changed field as the server renders it for the reader: the field's label and values as the UI shows them. */
function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.display.length === 0) return null;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {entry.display.map((c) => (
        <div key={c.field}>
          <Typography.Text strong>{c.label}</Typography.Text>
          {t('audit.colon')}
          {c.before ?? t('common.none')} → {c.after ?? t('common.none')}
        </div>
      ))}
    </div>
  );
}

function ActorSelect(props: { id?: string; value?: number; onChange?: (v: number | undefined) => void; style?: CSSProperties }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  return (
    <Select
      allowClear
      placeholder={t('common.all')}
      style={{ width: 180 }}
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: t('common.withNote', { text: u.displayName, note: u.username }) }))}
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const list = useListState(
    [
      { name: 'actorId', kind: 'number', label: t('audit.actor'), input: <ActorSelect style={{ width: isMobile ? '100%' : 180 }} /> },
      { name: 'entityType', kind: 'select', label: t('audit.entityType'), width: 150, options: ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(t, e) })) },
      { name: 'action', kind: 'select', label: t('audit.action'), width: 160, searchable: true, options: ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })) },
      { name: 'range', kind: 'dateRange', range: ['from', 'to'], label: t('audit.dateRange') },
    ],
    { pageSize: 50 },
  );
  const f = list.state.filters;
  const audit = useAuditLog({
    page: list.state.page,
    pageSize: list.state.pageSize,
    actorId: f.actorId ? Number(f.actorId) : undefined,
    entityType: f.entityType,
    action: f.action,
    // Whole local days, sent as UTC instants.
    from: f.from ? dayjs(f.from).startOf('day').toISOString() : undefined,
    to: f.to ? dayjs(f.to).endOf('day').toISOString() : undefined,
  });

  const columns: ListColumn<AuditEntry>[] = [
    { key: 'at', title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: 140,
      render: (a: string) => <Tag color={ACTION_COLOR[a]}>{actionLabel(t, a)}</Tag>,
    },
    {
      title: t('audit.record'),
      key: 'record',
      width: 150,
      render: (_, e) => (
        <span>
          {t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityLabel })}
          {e.entityTitle ? <Typography.Text type="secondary"> {e.entityTitle}</Typography.Text> : e.entityId ? <Typography.Text type="secondary"> #{e.entityId}</Typography.Text> : null}
        </span>
      ),
    },
    { key: 'summary', title: t('audit.summary'), dataIndex: 'summary', width: 220, render: (v: string | null) => v ?? '' },
    { title: t('audit.changes'), key: 'changes', width: 320, render: (_, e) => <Changes entry={e} /> },
  ];

  return (
    <PageContainer
      title={t('audit.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void audit.refetch()} loading={audit.isFetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      <ListPage<AuditEntry> list={list} formName="auditFilters" query={audit} columns={columns} pageSizeOptions={[20, 50, 100, 200]} tableProps={{ size: 'small', scroll: { x: 1120 } }} />
    </PageContainer>
  );
}
