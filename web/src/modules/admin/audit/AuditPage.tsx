import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/contract/platform';
import { formatDateTime } from '../../../components/format';
import { useIsMobile } from '../../../app/useIsMobile';
import { PageContainer } from '../../../components/PageContainer';
import { LoadError } from '../../../components/status';
import zhCN from './messages/zh-CN';
import { useUserOptions } from '../users/hooks';
import { type AuditFilters, useAuditLog } from './hooks';

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

function show(v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === '') return t('common.none');
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function parseChanges(raw: AuditEntry['changes']): [string, unknown, unknown][] {
  let obj: unknown = raw;
  if (typeof raw === 'string') {
    try {
      obj = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!obj || typeof obj !== 'object') return [];
  return Object.entries(obj as Record<string, unknown>).map(([field, pair]) =>
    Array.isArray(pair) ? [field, pair[0], pair[1]] : [field, undefined, pair],
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = parseChanges(entry.changes);
  if (rows.length === 0) return null;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {rows.map(([field, oldV, newV]) => (
        <div key={field}>
          <Typography.Text code>{field}</Typography.Text>: {show(oldV, t)} → {show(newV, t)}
        </div>
      ))}
    </div>
  );
}

interface FilterValues {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
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
  const field = (w: number) => ({ width: isMobile ? '100%' : w });
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 50 });
  const audit = useAuditLog(filters);

  const apply = () => {
    const v = form.getFieldsValue();
    const [start, end] = v.range ?? [];
    setFilters((f) => ({
      page: 1,
      pageSize: f.pageSize,
      actorId: v.actorId ?? undefined,
      entityType: v.entityType ?? undefined,
      entityId: v.entityId?.trim() || undefined,
      action: v.action ?? undefined,
      // Whole local days, sent as UTC instants.
      from: start ? start.startOf('day').toISOString() : undefined,
      to: end ? end.endOf('day').toISOString() : undefined,
    }));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
    {
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
          {entityLabel(t, e.entityType)}
          {e.entityId ? <Typography.Text type="secondary"> #{e.entityId}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('audit.summary'), dataIndex: 'summary', width: 220, render: (v: string | null) => v ?? '' },
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
      <Card size={isMobile ? 'small' : 'default'}>
        <Form<FilterValues> form={form} name="auditFilters" layout={isMobile ? 'vertical' : 'inline'} onValuesChange={apply} onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('audit.actor')} name="actorId">
            <ActorSelect style={field(180)} />
          </Form.Item>
          <Form.Item label={t('audit.entityType')} name="entityType">
            <Select allowClear placeholder={t('common.all')} style={field(150)} options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(t, e) }))} />
          </Form.Item>
          <Form.Item label={t('audit.action')} name="action">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={field(160)}
              showSearch={{ optionFilterProp: 'label' }}
              options={ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
            />
          </Form.Item>
          <Form.Item label={t('audit.dateRange')} name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={isMobile ? { width: '100%' } : undefined} />
          </Form.Item>
        </Form>
        {audit.isError && !audit.data ? (
          <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            scroll={{ x: 1120 }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize !== f.pageSize ? 1 : page, pageSize })),
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
