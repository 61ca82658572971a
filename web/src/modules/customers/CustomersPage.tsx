import { FilterOutlined, PlusOutlined, SettingOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Dropdown, Flex, Form, Input, Progress, Select, Table, Tag, Typography, theme } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { CustomerListItem, CustomerStatus } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { fieldLabel } from './fields';
import { ExportButton } from './ExportButton';
import { type CustomerFilters, useCustomerOptions, useCustomers } from './hooks';
import { STATUS_COLOR, STATUSES, selectOptions, statusLabel } from './labels';
import { OwnerSelect } from './OwnerSelect';
import { SavedFilters } from './SavedFilters';
import { TransferModal } from './TransferModal';

const ISO = 'YYYY-MM-DD';
const SEARCH_DELAY_MS = 300;
const COLUMNS_STORAGE_KEY = 'gx_customers_hidden_columns';

type ColumnKey = 'archiveNo' | 'name' | 'status' | 'owner' | 'team' | 'region' | 'industry' | 'phone' | 'completeness' | 'updatedAt';
const COLUMN_KEYS: ColumnKey[] = ['archiveNo', 'name', 'status', 'owner', 'team', 'region', 'industry', 'phone', 'completeness', 'updatedAt'];
/** The name column always stays: it is the link to the record. */
const FIXED_COLUMNS: ColumnKey[] = ['name'];
/** Table column → the server's sort field (docs/api.md: name sorts by pinyin). */
const SORT_FIELD: Partial<Record<ColumnKey, string>> = {
  archiveNo: 'archiveNo',
  name: 'name',
  status: 'status',
  completeness: 'completeness',
  updatedAt: 'updatedAt',
};

function readHiddenColumns(): ColumnKey[] {
  try {
    const raw = JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((k): k is ColumnKey => (COLUMN_KEYS as string[]).includes(k) && !(FIXED_COLUMNS as string[]).includes(k)) : [];
  } catch {
    return [];
  }
}

function storeHiddenColumns(keys: ColumnKey[]) {
  try {
    localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(keys));
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

interface FilterValues {
  q?: string;
  status?: CustomerStatus;
  ownerId?: number;
  province?: string;
  industry?: string;
  incomplete?: boolean;
  created?: [Dayjs | null, Dayjs | null] | null;
}

const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The list's state lives in the address (so "back" from a customer returns to the same search and page). */
function filtersFromParams(p: URLSearchParams): CustomerFilters {
  const status = p.get('status');
  return {
    q: p.get('q') || undefined,
    status: status && (STATUSES as string[]).includes(status) ? (status as CustomerStatus) : undefined,
    ownerId: int(p.get('ownerId')),
    province: p.get('province') || undefined,
    industry: p.get('industry') || undefined,
    incomplete: p.get('incomplete') === 'true' || undefined,
    createdFrom: p.get('createdFrom') || undefined,
    createdTo: p.get('createdTo') || undefined,
    sort: p.get('sort') || undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

function paramsFromFilters(f: CustomerFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    p.set(k, String(v));
  }
  return p;
}

function valuesFromFilters(f: CustomerFilters): FilterValues {
  return {
    q: f.q,
    status: f.status,
    ownerId: f.ownerId,
    province: f.province,
    industry: f.industry,
    incomplete: !!f.incomplete,
    created: f.createdFrom || f.createdTo ? [f.createdFrom ? dayjs(f.createdFrom) : null, f.createdTo ? dayjs(f.createdTo) : null] : null,
  };
}

export default function CustomersPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const can = useCan();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const field = (w: number) => ({ width: isMobile ? '100%' : w });
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const customers = useCustomers(filters);
  const options = useCustomerOptions();
  const [form] = Form.useForm<FilterValues>();
  const [hidden, setHidden] = useState<ColumnKey[]>(readHiddenColumns);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [transferIds, setTransferIds] = useState<number[]>([]);
  // Phones: the search box alone, the other filters behind a button (they would fill the whole screen).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = [filters.status, filters.ownerId, filters.province, filters.industry, filters.incomplete, filters.createdFrom || filters.createdTo].filter(Boolean).length;
  const hideFilters = isMobile && !filtersOpen;
  const canTransfer = can('customers.transfer');

  // Text boxes apply after a pause in typing (and at once on Enter); an IME composition is not a search yet.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const composing = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The address can change without the form (a saved search, back / forward): show what is searched.
  useEffect(() => {
    const shown = form.getFieldsValue();
    const wanted = valuesFromFilters(filters);
    const differs = (k: keyof FilterValues) => {
      const a = shown[k];
      const b = wanted[k];
      if (k === 'q' || k === 'province') return ((a as string | undefined)?.trim() || undefined) !== b;
      if (k === 'created') {
        const fmt = (v: FilterValues['created']) => (v ?? []).map((d) => (d ? d.format(ISO) : '')).join('~');
        return fmt(a as FilterValues['created']) !== fmt(b as FilterValues['created']);
      }
      return (a ?? undefined) !== (b ?? undefined) && !(k === 'incomplete' && !a && !b);
    };
    const patch = (Object.keys(wanted) as (keyof FilterValues)[]).filter(differs);
    if (patch.length) form.setFieldsValue(Object.fromEntries(patch.map((k) => [k, wanted[k]])));
  }, [filters, form]);

  const apply = (v: FilterValues = form.getFieldsValue()) => {
    clearTimeout(timer.current);
    const [from, to] = v.created ?? [];
    const next: CustomerFilters = {
      q: v.q?.trim() || undefined,
      status: v.status ?? undefined,
      ownerId: v.ownerId ?? undefined,
      province: v.province?.trim() || undefined,
      industry: v.industry ?? undefined,
      incomplete: v.incomplete || undefined,
      createdFrom: from ? from.format(ISO) : undefined,
      createdTo: to ? to.format(ISO) : undefined,
      sort: filters.sort,
      page: 1,
      pageSize: filters.pageSize,
    };
    const p = paramsFromFilters(next);
    if (p.toString() !== paramsFromFilters({ ...filters, page: 1 }).toString() || filters.page !== 1) setParams(p, { replace: true });
  };

  const applySoon = () => {
    clearTimeout(timer.current);
    if (composing.current) return;
    timer.current = setTimeout(() => apply(), SEARCH_DELAY_MS);
  };

  const composition = {
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      applySoon();
    },
  };

  const reset = () => {
    form.setFieldsValue({ q: undefined, status: undefined, ownerId: undefined, province: undefined, industry: undefined, incomplete: false, created: null });
    apply();
  };

  const setPage = (page: number, pageSize: number) =>
    setParams(paramsFromFilters({ ...filters, page: pageSize !== filters.pageSize ? 1 : page, pageSize }));

  const onTableChange: TableProps<CustomerListItem>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = SORT_FIELD[s?.columnKey as ColumnKey];
      const sort = key && s.order ? (s.order === 'descend' ? `-${key}` : key) : undefined;
      setParams(paramsFromFilters({ ...filters, sort, page: 1 }), { replace: true });
    } else if (extra.action === 'paginate') {
      setPage(pagination.current ?? 1, pagination.pageSize ?? filters.pageSize);
    }
  };

  const sortOrder = (key: ColumnKey) => {
    const f = SORT_FIELD[key];
    if (!f || !filters.sort) return null;
    if (filters.sort === f) return 'ascend' as const;
    if (filters.sort === `-${f}`) return 'descend' as const;
    return null;
  };

  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const allColumns: (TableColumnsType<CustomerListItem>[number] & { key: ColumnKey; width: number })[] = [
    { key: 'archiveNo', title: t('customers.archiveNo'), dataIndex: 'archiveNo', width: 140 },
    {
      key: 'name',
      title: fieldLabel(t, 'name'),
      dataIndex: 'name',
      width: 240,
      fixed: isMobile ? undefined : 'left',
      render: (_: string, c) => (
        <Flex vertical gap={2} align="start">
          <Link to={`/customers/${c.id}`}>{c.name}</Link>
          {c.matchedContact ? (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {t('customers.matchedContact', { name: c.matchedContact })}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('customers.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Tag color={STATUS_COLOR[s]}>{statusLabel(t, s)}</Tag>,
    },
    { key: 'owner', title: t('customers.owner'), dataIndex: 'ownerName', width: 110, render: (v: string | null) => v || none },
    { key: 'team', title: t('customers.team'), dataIndex: 'teamName', width: 120, render: (v: string | null) => v || none },
    {
      key: 'region',
      title: t('customers.region'),
      width: 180,
      render: (_, c) => [c.province, c.city, c.district].filter(Boolean).join(' ') || none,
    },
    { key: 'industry', title: fieldLabel(t, 'industry'), dataIndex: 'industry', width: 120, render: (v: string | null) => v || none },
    { key: 'phone', title: fieldLabel(t, 'phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v || none },
    {
      key: 'completeness',
      title: t('customers.completeness'),
      dataIndex: 'completeness',
      width: 130,
      render: (v: number) => <Progress percent={v ?? 0} size="small" status={v >= 100 ? 'success' : 'normal'} />,
    },
    { key: 'updatedAt', title: t('customers.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  const columns = allColumns
    .filter((c) => !hidden.includes(c.key))
    .map((c) => (SORT_FIELD[c.key] ? { ...c, sorter: true, sortOrder: sortOrder(c.key), showSorterTooltip: false } : c));
  const scrollX = columns.reduce((sum, c) => sum + c.width, 0) + (canTransfer ? 48 : 0);

  const toggleColumn = (key: ColumnKey, visible: boolean) => {
    const next = visible ? hidden.filter((k) => k !== key) : [...hidden, key];
    setHidden(next);
    storeHiddenColumns(next);
  };

  const columnChooser = (
    <Dropdown
      trigger={['click']}
      open={columnsOpen}
      onOpenChange={setColumnsOpen}
      popupRender={() => (
        <div
          role="group"
          aria-label={t('customers.columnsHint')}
          style={{ background: token.colorBgElevated, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowSecondary, padding: 12 }}
        >
          <Flex vertical gap={6}>
            {allColumns.map((c) => (
              <Checkbox
                key={c.key}
                checked={!hidden.includes(c.key)}
                disabled={FIXED_COLUMNS.includes(c.key)}
                onChange={(e) => toggleColumn(c.key, e.target.checked)}
              >
                {c.title as string}
              </Checkbox>
            ))}
          </Flex>
        </div>
      )}
    >
      <Button icon={<SettingOutlined />}>{t('customers.columns')}</Button>
    </Dropdown>
  );

  return (
    <PageContainer
      title={t('customers.title')}
      extra={
        <>
          {can('customers.import') ? (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate('/customers/import')}>
              {t('customers.import.button')}
            </Button>
          ) : null}
          <ExportButton filters={filters} />
          {can('customers.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
              {t('customers.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        <Form<FilterValues>
          form={form}
          name="customerFilters"
          layout={isMobile ? 'vertical' : 'inline'}
          initialValues={valuesFromFilters(filters)}
          onValuesChange={(changed) => {
            if ('q' in changed || 'province' in changed) applySoon();
            else apply();
          }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item label={t('customers.searchLabel')} name="q" >
            <Input.Search
              placeholder={t('customers.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              onSearch={() => apply()}
              style={field(460)}
              {...composition}
            />
          </Form.Item>
          <Form.Item label={t('customers.status')} name="status" hidden={hideFilters}>
            <Select allowClear placeholder={t('common.all')} style={field(110)} options={STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
          </Form.Item>
          <Form.Item label={t('customers.owner')} name="ownerId" hidden={hideFilters}>
            <OwnerSelect style={field(180)} />
          </Form.Item>
          <Form.Item label={t('customers.province')} name="province" hidden={hideFilters}>
            <Input allowClear style={field(120)} onPressEnter={() => apply()} {...composition} />
          </Form.Item>
          <Form.Item label={fieldLabel(t, 'industry')} name="industry" hidden={hideFilters}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={field(150)}
              showSearch={{ optionFilterProp: 'label' }}
              options={selectOptions(t, 'industries', options.data)}
            />
          </Form.Item>
          <Form.Item label={t('customers.createdRange')} name="created" hidden={hideFilters}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={isMobile ? { width: '100%' } : undefined} />
          </Form.Item>
          <Form.Item name="incomplete" valuePropName="checked" hidden={hideFilters}>
            <Checkbox>{t('customers.incomplete')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Flex gap={8} wrap>
              {isMobile ? (
                <Button icon={<FilterOutlined />} aria-expanded={filtersOpen} onClick={() => setFiltersOpen((o) => !o)}>
                  {activeFilters ? t('customers.filtersActive', { count: activeFilters }) : t('customers.filters')}
                </Button>
              ) : null}
              <Button onClick={reset}>{t('common.reset')}</Button>
            </Flex>
          </Form.Item>
        </Form>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Flex align="center" gap={8} wrap>
            {canTransfer && selected.length > 0 ? (
              <>
                <Typography.Text>{t('customers.selected', { count: selected.length })}</Typography.Text>
                <Button icon={<SwapOutlined />} onClick={() => setTransferIds(selected)}>
                  {t('customers.bulkTransfer')}
                </Button>
                <Button type="link" onClick={() => setSelected([])}>
                  {t('customers.clearSelection')}
                </Button>
              </>
            ) : null}
          </Flex>
          <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
            <SavedFilters current={params} onApply={(q) => setParams(q)} />
            {columnChooser}
          </Flex>
        </Flex>
        {customers.isError && !customers.data ? (
          <LoadError error={customers.error} onRetry={() => void customers.refetch()} />
        ) : (
          <>
            {customers.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 12 }} /> : null}
            <Table<CustomerListItem>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={customers.data?.items ?? []}
              loading={customers.isFetching}
              scroll={{ x: scrollX }}
              onChange={onTableChange}
              rowSelection={
                canTransfer
                  ? {
                      selectedRowKeys: selected,
                      preserveSelectedRowKeys: true,
                      onChange: (keys) => setSelected(keys as number[]),
                    }
                  : undefined
              }
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: customers.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                showTotal: (total) => t('common.total', { total }),
              }}
            />
          </>
        )}
      </Card>
      <TransferModal customerIds={transferIds} onClose={() => setTransferIds([])} onDone={() => setSelected([])} />
    </PageContainer>
  );
}
