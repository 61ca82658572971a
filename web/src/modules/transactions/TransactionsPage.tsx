import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Transaction } from '../../api/contract/transactions';
import { saveBlob } from '../../components/download';
import { useDescribeError } from '../../components/errors';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { type TransactionFilters, useExportTransactions, useTransactions } from './hooks';
import { formatYuan } from './labels';
import { TransactionFormModal } from './TransactionFormModal';

const SORTABLE = ['date', 'amount', 'createdAt'];

/** 交易记录: search, a date range, sortable by date and amount; entered by hand, imported from Excel, exported. */
export default function TransactionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [creating, setCreating] = useState(false);
  // The state lives in the address (?q=&from=&to=&sort=-amount&page=2), so "back" returns to it.
  const list = useListState(
    [
      { name: 'q', kind: 'text', label: t('common.search'), placeholder: t('transactions.searchPlaceholder'), width: 260, search: false },
      { name: 'date', kind: 'dateRange', range: ['from', 'to'], label: t('transactions.dateRange') },
      // Links from a customer's page (?customerId=) narrow the list without a control of their own.
      { name: 'customerId', kind: 'param' },
    ],
    { sortable: SORTABLE },
  );
  const f = list.state.filters;
  const query: Omit<TransactionFilters, 'page' | 'pageSize'> = {
    q: f.q,
    from: f.from,
    to: f.to,
    customerId: f.customerId && /^\d+$/.test(f.customerId) ? Number(f.customerId) : undefined,
    sort: list.state.sort,
  };
  const transactions = useTransactions({ ...query, page: list.state.page, pageSize: list.state.pageSize });
  const exporter = useExportTransactions();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const exportList = () =>
    exporter
      .mutateAsync(query)
      .then(({ blob, filename }) => {
        const name = filename ?? t('transactions.exportFilename');
        saveBlob(blob, name);
        void message.success(t('transactions.exportDone', { filename: name }));
      })
      .catch((err: unknown) => void message.error(t('transactions.exportFailed', { reason: describe(err) })));

  const columns: ListColumn<Transaction>[] = [
    { title: t('transactions.fields.date'), dataIndex: 'date', key: 'date', width: 110, sorter: true },
    { title: t('transactions.fields.customer'), dataIndex: 'customerName', key: 'customer', ellipsis: true, render: (v: string, r) => <Link to={`/customers/${r.customerId}?tab=transactions`}>{v}</Link> },
    { title: t('transactions.fields.product'), dataIndex: 'product', key: 'product', ellipsis: true },
    { title: t('transactions.fields.model'), dataIndex: 'model', key: 'model', width: 120, render: (v: string | null) => v || none },
    { title: t('transactions.fields.quantity'), dataIndex: 'quantity', key: 'quantity', width: 90, align: 'right' },
    { title: t('transactions.fields.unitPrice'), dataIndex: 'unitPrice', key: 'unitPrice', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: t('transactions.fields.amount'),
      dataIndex: 'amount',
      key: 'amount',
      width: 140,
      align: 'right',
      sorter: true,
      render: (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(v)}</span>,
    },
    { title: t('transactions.fields.salesperson'), dataIndex: 'salespersonName', key: 'salesperson', width: 100, render: (v: string | null) => v || none },
    { title: t('transactions.fields.contract'), dataIndex: 'contractNo', key: 'contract', width: 130, render: (v: string | null, r) => (v ? <Link to={`/contracts/${r.contractId}`}>{v}</Link> : none) },
    {
      title: t('transactions.fields.sourceDocNo'),
      dataIndex: 'sourceDocNo',
      key: 'sourceDocNo',
      width: 160,
      render: (v: string | null, r) => (r.sourceSystem === 'manual' ? v || t('transactions.manual') : t('common.withNote', { text: v ?? '', note: r.sourceSystem })),
    },
  ];

  return (
    <PageContainer
      title={t('transactions.title')}
      extra={
        <>
          {can('transactions.manage') ? (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate('/transactions/import')}>
              {t('transactions.importButton')}
            </Button>
          ) : null}
          <Button icon={<DownloadOutlined aria-hidden />} loading={exporter.isPending} onClick={() => void exportList()}>
            {t('transactions.exportButton')}
          </Button>
          {can('transactions.manage') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('transactions.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <ListPage<Transaction>
        emptyHint={{ description: t('transactions.emptyHint.description'), action: can('transactions.manage') ? { label: t('transactions.emptyHint.action'), onClick: () => setCreating(true) } : null }}
        list={list}
        formName="transactionFilters"
        query={transactions}
        columns={columns}
        defaultSort="-date"
        empty={t('transactions.empty')}
        tableProps={{ scroll: { x: 1300 } }}
      />
      <TransactionFormModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
