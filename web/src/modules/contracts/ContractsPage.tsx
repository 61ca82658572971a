import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Contract, ContractStatus } from '../../api/contract/contracts';
import { useIsMobile } from '../../app/useIsMobile';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan, useCurrentUser } from '../auth/hooks';
import { type ContractFilters, useContracts } from './hooks';
import { CONTRACT_STATUSES, STATUS_COLOR, formatAmount, statusLabel } from './labels';

const SORTABLE = ['contractNo', 'signingDate', 'endDate', 'amount', 'createdAt'] as const;
const EXPIRING_CHOICES = [30, 60, 90];
const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The list's state lives in the address (?q=&status=&expiring=30&mine=1&sort=-amount&page=2), so "back" returns to it. */
function filtersFromParams(p: URLSearchParams, me: number): ContractFilters {
  const status = p.get('status') as ContractStatus | null;
  const sort = p.get('sort');
  return {
    q: p.get('q') || undefined,
    status: status && CONTRACT_STATUSES.includes(status) ? status : undefined,
    expiringWithinDays: int(p.get('expiring')),
    customerId: int(p.get('customerId')),
    signerId: p.get('mine') === '1' ? me : undefined,
    sort: sort && SORTABLE.includes(sort.replace(/^-/, '') as (typeof SORTABLE)[number]) ? sort : undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

/** `mine` = signed by me: the only signer filter of the page. */
function paramsFrom(f: ContractFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.status) p.set('status', f.status);
  if (f.expiringWithinDays !== undefined) p.set('expiring', String(f.expiringWithinDays));
  if (f.customerId) p.set('customerId', String(f.customerId));
  if (f.signerId) p.set('mine', '1');
  if (f.sort) p.set('sort', f.sort);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

interface FilterValues {
  q?: string;
  status?: ContractStatus;
  expiring?: number;
  mine?: boolean;
}

/** 合同: search, filters by status / expiry / own signature, sortable by number, amount and dates. */
export default function ContractsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params, me.id), [params, me.id]);
  const list = useContracts(filters);
  const [form] = Form.useForm<FilterValues>();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  // The address can change without the form (back / forward): show what is filtered.
  useEffect(() => {
    form.setFieldsValue({ q: filters.q, status: filters.status, expiring: filters.expiringWithinDays, mine: !!filters.signerId });
  }, [filters.q, filters.status, filters.expiringWithinDays, filters.signerId, form]);

  const update = (patch: Partial<ContractFilters>) => {
    const next = paramsFrom({ ...filters, page: 1, ...patch });
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  };

  const sortOrder = (key: string) => (filters.sort === key ? 'ascend' : filters.sort === `-${key}` ? 'descend' : null);

  const columns: TableColumnsType<Contract> = [
    {
      title: t('contracts.fields.contractNo'),
      dataIndex: 'contractNo',
      key: 'contractNo',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('contractNo'),
      render: (v: string, c) => <Link to={`/contracts/${c.id}`}>{v}</Link>,
    },
    { title: t('contracts.fields.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('contracts.fields.customer'),
      dataIndex: 'customerName',
      ellipsis: true,
      render: (v: string, c) => <Link to={`/customers/${c.customerId}`}>{v}</Link>,
    },
    {
      title: t('contracts.fields.amount'),
      dataIndex: 'amount',
      key: 'amount',
      width: 140,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('amount'),
      render: (v: number, c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatAmount(v, c.currency)}</span>,
    },
    {
      title: t('contracts.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: ContractStatus) => <Tag color={STATUS_COLOR[v]}>{statusLabel(t, v)}</Tag>,
    },
    { title: t('contracts.fields.signer'), dataIndex: 'signerName', width: 90, render: (v: string | null) => v || none },
    {
      title: t('contracts.fields.term'),
      key: 'endDate',
      dataIndex: 'endDate',
      width: 190,
      sorter: true,
      sortOrder: sortOrder('endDate'),
      render: (_: string, c) => t('contracts.termRange', { start: c.startDate, end: c.endDate }),
    },
    {
      title: t('contracts.fields.signingDate'),
      dataIndex: 'signingDate',
      key: 'signingDate',
      width: 100,
      sorter: true,
      sortOrder: sortOrder('signingDate'),
      render: (v: string | null) => v || none,
    },
  ];

  const onTableChange: TableProps<Contract>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey ?? s.field) : undefined;
    const sort = key ? (s.order === 'descend' ? `-${key}` : key) : undefined;
    const next = paramsFrom({ ...filters, sort, page: sort !== filters.sort ? 1 : (pagination.current ?? 1), pageSize: pagination.pageSize ?? 20 });
    setParams(next, { replace: true });
  };

  return (
    <PageContainer
      title={t('contracts.title')}
      extra={
        can('contracts.manage') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/contracts/new')}>
            {t('contracts.create')}
          </Button>
        ) : null
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        <Form<FilterValues>
          form={form}
          name="contractFilters"
          layout={isMobile ? 'vertical' : 'inline'}
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v) => update({ q: v.q?.trim() || undefined })}
        >
          <Form.Item name="q" label={t('common.search')}>
            <Input.Search
              allowClear
              placeholder={t('contracts.searchPlaceholder')}
              style={{ width: isMobile ? '100%' : 260 }}
              onSearch={(v) => update({ q: v.trim() || undefined })}
              enterButton={false}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item name="status" label={t('contracts.fields.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: isMobile ? '100%' : 120 }}
              options={CONTRACT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
              onChange={(v: ContractStatus | undefined) => update({ status: v })}
            />
          </Form.Item>
          <Form.Item name="expiring" label={t('contracts.expiringFilter')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: isMobile ? '100%' : 140 }}
              options={EXPIRING_CHOICES.map((d) => ({ value: d, label: t('contracts.expiringWithin', { days: d }) }))}
              onChange={(v: number | undefined) => update({ expiringWithinDays: v })}
            />
          </Form.Item>
          <Form.Item name="mine" valuePropName="checked">
            <Checkbox onChange={(e) => update({ signerId: e.target.checked ? me.id : undefined })}>{t('contracts.mine')}</Checkbox>
          </Form.Item>
        </Form>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Contract>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1150 }}
            locale={{ emptyText: t('contracts.empty') }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
