import { PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../components/EChart';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useCustomerReturns, useTransactionSummary, useTransactions } from './hooks';
import { CLASS_COLOR, classLabel, formatYuan, kindLabel } from './labels';
import { ReturnFormModal } from './ReturnFormModal';
import { TransactionFormModal } from './TransactionFormModal';
import type { ReturnKind, Transaction, TransactionReturn, TransactionSummary } from '../../api/contract/transactions';

type YearRow = TransactionSummary['years'][number];
type ChangeRow = TransactionSummary['changes'][number];
const money = (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(v)}</span>;

/**
 * 交易记录 on the customer's archive page (archive sections 3–4, docs/regulations.md §3): the class by annual
 * purchases and why, purchases per year as a table and a bar chart, the transactions, the returns and the
 * changes of class.
 */
export function CustomerTransactionsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [returnsPage, setReturnsPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [returning, setReturning] = useState(false);
  const summary = useTransactionSummary(customerId);
  const list = useTransactions({ customerId, page, pageSize: 10, sort: '-date' });
  const returns = useCustomerReturns(customerId, returnsPage);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const years = summary.data?.years ?? [];
  const cls = summary.data?.amountClass ?? null;

  const chart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 80, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: years.map((y) => t('transactions.years.yearLabel', { year: y.year })) },
      yAxis: { type: 'value' },
      series: [
        { name: t('transactions.years.gross'), type: 'bar', data: years.map((y) => y.gross) },
        { name: t('transactions.years.returned'), type: 'bar', data: years.map((y) => y.returned) },
        { name: t('transactions.years.net'), type: 'bar', data: years.map((y) => y.net) },
      ],
    }),
    [years, t],
  );

  const yearColumns: TableColumnsType<YearRow> = [
    { title: t('transactions.years.year'), dataIndex: 'year', width: 80 },
    { title: t('transactions.years.gross'), dataIndex: 'gross', align: 'right', render: money },
    { title: t('transactions.years.returned'), dataIndex: 'returned', align: 'right', render: money },
    { title: t('transactions.years.net'), dataIndex: 'net', align: 'right', render: money },
  ];
  const columns: TableColumnsType<Transaction> = [
    { title: t('transactions.fields.date'), dataIndex: 'date', width: 110 },
    { title: t('transactions.fields.product'), dataIndex: 'product', ellipsis: true },
    { title: t('transactions.fields.model'), dataIndex: 'model', width: 120, render: (v: string | null) => v || none },
    { title: t('transactions.fields.quantity'), dataIndex: 'quantity', width: 80, align: 'right' },
    { title: t('transactions.fields.amount'), dataIndex: 'amount', width: 140, align: 'right', render: money },
    { title: t('transactions.fields.salesperson'), dataIndex: 'salespersonName', width: 100, render: (v: string | null) => v || none },
    { title: t('transactions.fields.sourceDocNo'), dataIndex: 'sourceDocNo', width: 140, render: (v: string | null) => v || none },
  ];
  const returnColumns: TableColumnsType<TransactionReturn> = [
    { title: t('transactions.returns.fields.date'), dataIndex: 'date', width: 110 },
    { title: t('transactions.returns.fields.kind'), dataIndex: 'kind', width: 80, render: (v: ReturnKind) => kindLabel(t, v) },
    { title: t('transactions.returns.fields.amount'), dataIndex: 'amount', width: 130, align: 'right', render: money },
    { title: t('transactions.returns.fields.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('transactions.returns.fields.responsibleParty'), dataIndex: 'responsibleParty', width: 110 },
    {
      title: t('transactions.returns.fields.transaction'),
      key: 'transaction',
      width: 180,
      render: (_: unknown, r) => (r.transactionId ? t('common.withNote', { text: r.transactionProduct ?? '', note: r.transactionDocNo ?? `#${r.transactionId}` }) : none),
    },
  ];
  const changeColumns: TableColumnsType<ChangeRow> = [
    { title: t('transactions.class.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('transactions.class.label'), key: 'class', width: 180, render: (_: unknown, c) => t('transactions.class.change', { from: classLabel(t, c.oldClass), to: classLabel(t, c.newClass) }) },
    { title: t('transactions.returns.fields.reason'), dataIndex: 'reason', render: (v: string | null) => v || none },
    {
      title: t('transactions.class.by'),
      key: 'who',
      width: 160,
      render: (_: unknown, c) => t('common.withNote', { text: c.actorName ?? t('transactions.class.system'), note: t(`transactions.class.causes.${c.cause}`, { defaultValue: c.cause }) }),
    },
  ];

  if (summary.isError && !summary.data) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text strong>{t('transactions.class.label')}</Typography.Text>
          <Tag color={cls ? CLASS_COLOR[cls.amountClass] : undefined}>{classLabel(t, cls?.amountClass ?? null)}</Tag>
          {cls ? <Typography.Text type="secondary">{cls.reason}</Typography.Text> : null}
        </Space>
        {can('transactions.manage') ? (
          <Space wrap>
            <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setReturning(true)}>
              {t('transactions.returns.create')}
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('transactions.create')}
            </Button>
          </Space>
        ) : null}
      </Flex>
      {years.length ? (
        <Card size="small" title={t('transactions.years.title')}>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <EChart option={chart} label={t('transactions.years.chart')} height={240} />
            </Col>
            <Col xs={24} lg={10}>
              <Table<YearRow> rowKey="year" size="small" columns={yearColumns} dataSource={years} pagination={false} />
            </Col>
          </Row>
        </Card>
      ) : null}
      <Table<Transaction>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('transactions.emptyForCustomer') }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
      />
      <Card size="small" title={t('transactions.returns.title')}>
        <Table<TransactionReturn>
          rowKey="id"
          size="small"
          columns={returnColumns}
          dataSource={returns.data?.items ?? []}
          loading={returns.isFetching}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('transactions.returns.empty') }}
          pagination={{ current: returnsPage, pageSize: 20, total: returns.data?.total ?? 0, hideOnSinglePage: true, onChange: setReturnsPage }}
        />
      </Card>
      {summary.data?.changes.length ? (
        <Card size="small" title={t('transactions.class.history')}>
          <Table<ChangeRow> rowKey={(c) => `${c.at}-${c.newClass}`} size="small" columns={changeColumns} dataSource={summary.data.changes} pagination={false} scroll={{ x: 700 }} />
        </Card>
      ) : null}
      <TransactionFormModal open={creating} onClose={() => setCreating(false)} customerId={customerId} />
      <ReturnFormModal open={returning} onClose={() => setReturning(false)} customerId={customerId} />
    </Flex>
  );
}
