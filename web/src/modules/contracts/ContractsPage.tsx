import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Contract, ContractStatus } from '../../api/contract/contracts';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan, useCurrentUser } from '../auth/hooks';
import { type ContractFilters, useContracts } from './hooks';
import { CONTRACT_STATUSES, STATUS_COLOR, formatAmount, statusLabel } from './labels';

const SORTABLE = ['contractNo', 'signingDate', 'endDate', 'amount', 'createdAt'];
const EXPIRING_CHOICES = [30, 60, 90];

/** 合同: search, filters by status / expiry / own signature, sortable by number, amount and dates. */
export default function ContractsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const navigate = useNavigate();
  // The state lives in the address (?q=&status=&expiring=30&mine=1&sort=-amount&page=2), so "back" returns to it.
  const list = useListState(
    [
      { name: 'q', kind: 'text', label: t('common.search'), placeholder: t('contracts.searchPlaceholder'), width: 260, search: false },
      { name: 'status', kind: 'select', allowed: CONTRACT_STATUSES, label: t('contracts.fields.status'), width: 120, options: CONTRACT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })) },
      {
        name: 'expiring',
        kind: 'number',
        label: t('contracts.expiringFilter'),
        width: 140,
        options: EXPIRING_CHOICES.map((d) => ({ value: d, label: t('contracts.expiringWithin', { days: d }) })),
      },
      // Links from a customer's page (?customerId=) narrow the list without a control of their own.
      { name: 'customerId', kind: 'param' },
      // `mine` = signed by me: the only signer filter of the page.
      { name: 'mine', kind: 'flag', text: t('contracts.mine') },
    ],
    { sortable: SORTABLE },
  );
  const f = list.state.filters;
  const filters: ContractFilters = {
    q: f.q,
    status: f.status as ContractStatus | undefined,
    expiringWithinDays: f.expiring ? Number(f.expiring) : undefined,
    customerId: f.customerId && /^\d+$/.test(f.customerId) ? Number(f.customerId) : undefined,
    signerId: f.mine ? me.id : undefined,
    sort: list.state.sort,
    page: list.state.page,
    pageSize: list.state.pageSize,
  };
  const contracts = useContracts(filters);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: ListColumn<Contract>[] = [
    {
      title: t('contracts.fields.contractNo'),
      dataIndex: 'contractNo',
      key: 'contractNo',
      width: 130,
      sorter: true,
      render: (v: string, c) => <Link to={`/contracts/${c.id}`}>{v}</Link>,
    },
    { title: t('contracts.fields.title'), dataIndex: 'title', key: 'title', ellipsis: true },
    {
      title: t('contracts.fields.customer'),
      dataIndex: 'customerName',
      key: 'customer',
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
      render: (v: number, c) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatAmount(v, c.currency)}</span>,
    },
    {
      title: t('contracts.fields.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (v: ContractStatus) => <Tag color={STATUS_COLOR[v]}>{statusLabel(t, v)}</Tag>,
    },
    { title: t('contracts.fields.signer'), dataIndex: 'signerName', key: 'signer', width: 90, render: (v: string | null) => v || none },
    {
      title: t('contracts.fields.term'),
      key: 'endDate',
      dataIndex: 'endDate',
      width: 190,
      sorter: true,
      render: (_: string, c) => t('contracts.termRange', { start: c.startDate, end: c.endDate }),
    },
    {
      title: t('contracts.fields.signingDate'),
      dataIndex: 'signingDate',
      key: 'signingDate',
      width: 100,
      sorter: true,
      render: (v: string | null) => v || none,
    },
  ];

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
      <ListPage<Contract> list={list} formName="contractFilters" query={contracts} columns={columns} empty={t('contracts.empty')} emptyHint={{ description: t('contracts.emptyHint'), action: can('contracts.manage') ? { label: t('contracts.emptyAction'), onClick: () => navigate('/contracts/new') } : null }} tableProps={{ scroll: { x: 1150 } }} />
    </PageContainer>
  );
}
