import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { type TransactionFilters, useTransactions } from './hooks';
import { formatYuan } from './labels';
import { TransactionFormModal } from './TransactionFormModal';
import type { Transaction } from '../../api/contract/transactions';

const SORTABLE = ['date', 'amount', 'createdAt'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const date = (v: string | null) => (v && DATE.test(v) ? v : undefined);

/** The list's state lives in the address (?q=&from=&to=&sort=-amount&page=2), so "back" returns to it. */
function filtersFromParams(p: URLSearchParams): TransactionFilters {
  const sort = p.get('sort');
  return {
    q: p.get('q') || undefined,
    customerId: int(p.get('customerId')),
    from: date(p.get('from')),
    to: date(p.get('to')),
    sort: sort && SORTABLE.includes(sort.replace(/^-/, '') as (typeof SORTABLE)[number]) ? sort : undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

function paramsFrom(f: TransactionFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.customerId) p.set('customerId', String(f.customerId));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.sort) p.set('sort', f.sort);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

interface FilterValues {
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** 交易记录: search, a date range, sortable by date and amount; new ones entered by hand. */
export default function TransactionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const list = useTransactions(filters);
  const [form] = Form.useForm<FilterValues>();
  const [creating, setCreating] = useState(false);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  useEffect(() => {
    form.setFieldsValue({ q: filters.q, range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null });
  }, [filters.q, filters.from, filters.to, form]);

  const update = (patch: Partial<TransactionFilters>) => {
    const next = paramsFrom({ ...filters, page: 1, ...patch });
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  };
  const sortOrder = (key: string) => (filters.sort === key ? 'ascend' : filters.sort === `-${key}` ? 'descend' : null);

  const columns: TableColumnsType<Transaction> = [
    { title: t('transactions.fields.date'), dataIndex: 'date', key: 'date', width: 110, sorter: true, sortOrder: sortOrder('date') },
    { title: t('transactions.fields.customer'), dataIndex: 'customerName', ellipsis: true, render: (v: string, r) => <Link to={`/customers/${r.customerId}?tab=transactions`}>{v}</Link> },
    { title: t('transactions.fields.product'), dataIndex: 'product', ellipsis: true },
    { title: t('transactions.fields.model'), dataIndex: 'model', width: 120, render: (v: string | null) => v || none },
    { title: t('transactions.fields.quantity'), dataIndex: 'quantity', width: 90, align: 'right' },
    { title: t('transactions.fields.unitPrice'), dataIndex: 'unitPrice', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: t('transactions.fields.amount'),
      dataIndex: 'amount',
      key: 'amount',
      width: 140,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('amount'),
      render: (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(v)}</span>,
    },
    { title: t('transactions.fields.salesperson'), dataIndex: 'salespersonName', width: 100, render: (v: string | null) => v || none },
    { title: t('transactions.fields.contract'), dataIndex: 'contractNo', width: 130, render: (v: string | null, r) => (v ? <Link to={`/contracts/${r.contractId}`}>{v}</Link> : none) },
    {
      title: t('transactions.fields.sourceDocNo'),
      dataIndex: 'sourceDocNo',
      width: 160,
      render: (v: string | null, r) => (r.sourceSystem === 'manual' ? v || t('transactions.manual') : t('common.withNote', { text: v ?? '', note: r.sourceSystem })),
    },
  ];

  const onTableChange: TableProps<Transaction>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey ?? s.field) : undefined;
    const sort = key ? (s.order === 'descend' ? `-${key}` : key) : undefined;
    setParams(paramsFrom({ ...filters, sort, page: sort !== filters.sort ? 1 : (pagination.current ?? 1), pageSize: pagination.pageSize ?? 20 }), { replace: true });
  };

  return (
    <PageContainer
      title={t('transactions.title')}
      extra={
        can('transactions.manage') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('transactions.create')}
          </Button>
        ) : null
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        <Form<FilterValues> form={form} name="transactionFilters" layout={isMobile ? 'vertical' : 'inline'} style={{ marginBottom: 16, rowGap: 8 }} onFinish={(v) => update({ q: v.q?.trim() || undefined })}>
          <Form.Item name="q" label={t('common.search')}>
            <Input.Search
              allowClear
              placeholder={t('transactions.searchPlaceholder')}
              style={{ width: isMobile ? '100%' : 260 }}
              onSearch={(v) => update({ q: v.trim() || undefined })}
              enterButton={false}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item name="range" label={t('transactions.dateRange')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              format="YYYY-MM-DD"
              onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            />
          </Form.Item>
        </Form>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Transaction>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1300 }}
            locale={{ emptyText: t('transactions.empty') }}
            pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
      <TransactionFormModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
