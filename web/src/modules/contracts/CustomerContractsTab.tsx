import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Contract, ContractStatus } from '../../api/contract/contracts';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useCustomerContracts } from './hooks';
import { STATUS_COLOR, formatAmount, statusLabel } from './labels';

/** 合同 on the customer's archive page (docs/regulations.md §13: an effective contract appears in the customer's archive). */
export function CustomerContractsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useCustomerContracts(customerId, page);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableColumnsType<Contract> = [
    { title: t('contracts.fields.contractNo'), dataIndex: 'contractNo', width: 140, render: (v: string, c) => <Link to={`/contracts/${c.id}`}>{v}</Link> },
    { title: t('contracts.fields.title'), dataIndex: 'title', width: 220, ellipsis: true },
    {
      title: t('contracts.fields.amount'),
      dataIndex: 'amount',
      width: 150,
      align: 'right',
      render: (v: number, c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatAmount(v, c.currency)}</span>,
    },
    { title: t('contracts.fields.status'), dataIndex: 'status', width: 90, render: (v: ContractStatus) => <Tag color={STATUS_COLOR[v]}>{statusLabel(t, v)}</Tag> },
    { title: t('contracts.fields.term'), key: 'term', width: 200, render: (_: unknown, c) => t('contracts.termRange', { start: c.startDate, end: c.endDate }) },
    { title: t('contracts.fields.signer'), dataIndex: 'signerName', width: 100, render: (v: string | null) => v || none },
  ];

  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {can('contracts.manage') ? (
        <Flex justify="end">
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => navigate(`/contracts/new?customerId=${customerId}`)}>
            {t('contracts.create')}
          </Button>
        </Flex>
      ) : null}
      <Table<Contract>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('contracts.emptyForCustomer') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
      />
    </Flex>
  );
}
