import { PlusOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CustomerListItem, CustomerStatus } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { fieldLabel } from './fields';
import { ExportButton } from './ExportButton';
import { type CustomerFilters, useCustomerOptions, useCustomers } from './hooks';
import { STATUS_COLOR, STATUSES, gradeLabel, optionLabel, selectOptions, statusLabel } from './labels';
import { OwnerSelect } from './OwnerSelect';
import { SavedFilters } from './SavedFilters';
import { TransferModal } from './TransferModal';

const COLUMNS_STORAGE_KEY = 'gx_customers_hidden_columns';
/** Table column keys the server sorts by (docs/api.md: name sorts by pinyin). */
const SORTABLE = ['archiveNo', 'name', 'status', 'completeness', 'updatedAt'];

export default function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const options = useCustomerOptions();
  const [selected, setSelected] = useState<number[]>([]);
  const [transferIds, setTransferIds] = useState<number[]>([]);
  const canTransfer = can('customers.transfer');
  const isMobile = useIsMobile();

  const list = useListState(
    [
      { name: 'q', kind: 'text', label: t('customers.searchLabel'), placeholder: t('customers.searchPlaceholder'), width: 460, search: t('common.search'), live: true },
      { name: 'status', kind: 'select', allowed: STATUSES, label: t('customers.status'), width: 110, collapsible: true, options: STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })) },
      { name: 'ownerId', kind: 'number', label: t('customers.owner'), collapsible: true, input: <OwnerSelect style={{ width: isMobile ? '100%' : 180 }} /> },
      { name: 'province', kind: 'text', label: t('customers.province'), width: 120, live: true, collapsible: true },
      { name: 'industry', kind: 'select', label: fieldLabel(t, 'industry'), width: 150, searchable: true, collapsible: true, options: selectOptions(t, 'industries', options.data) },
      {
        name: 'grade',
        kind: 'select',
        label: fieldLabel(t, 'grade'),
        width: 130,
        collapsible: true,
        options: (options.data?.grades ?? []).map((g) => ({ value: g.code, label: gradeLabel(t, g.code, options.data) })),
      },
      { name: 'created', kind: 'dateRange', range: ['createdFrom', 'createdTo'], label: t('customers.createdRange'), collapsible: true },
      { name: 'incomplete', kind: 'flag', on: 'true', text: t('customers.incomplete'), collapsible: true },
    ],
    { sortable: SORTABLE },
  );
  const { state } = list;
  const filters: CustomerFilters = {
    q: state.filters.q,
    status: state.filters.status as CustomerStatus | undefined,
    ownerId: state.filters.ownerId ? Number(state.filters.ownerId) : undefined,
    province: state.filters.province,
    industry: state.filters.industry,
    grade: state.filters.grade,
    incomplete: state.filters.incomplete ? true : undefined,
    createdFrom: state.filters.createdFrom,
    createdTo: state.filters.createdTo,
    sort: state.sort,
    page: state.page,
    pageSize: state.pageSize,
  };
  const customers = useCustomers(filters);

  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: ListColumn<CustomerListItem>[] = [
    { key: 'archiveNo', title: t('customers.archiveNo'), dataIndex: 'archiveNo', width: 140, sorter: true },
    {
      key: 'name',
      title: fieldLabel(t, 'name'),
      dataIndex: 'name',
      width: 240,
      sorter: true,
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
      sorter: true,
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
    { key: 'industry', title: fieldLabel(t, 'industry'), dataIndex: 'industry', width: 120, render: (v: string | null) => (v ? optionLabel(t, 'industries', v, options.data) : none) },
    { key: 'grade', title: fieldLabel(t, 'grade'), dataIndex: 'grade', width: 110, render: (v: string | null) => (v ? <Tag color="gold">{gradeLabel(t, v, options.data)}</Tag> : none) },
    { key: 'phone', title: fieldLabel(t, 'phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v || none },
    {
      key: 'completeness',
      title: t('customers.completeness'),
      dataIndex: 'completeness',
      width: 130,
      sorter: true,
      render: (v: number) => <Progress percent={v ?? 0} size="small" status={v >= 100 ? 'success' : 'normal'} />,
    },
    { key: 'updatedAt', title: t('customers.updatedAt'), dataIndex: 'updatedAt', width: 150, sorter: true, render: (v: string) => formatDateTime(v) },
  ];

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
      <ListPage<CustomerListItem>
        list={list}
        formName="customerFilters"
        query={customers}
        columns={columns}
        emptyHint={{ description: t('customers.emptyHint'), action: can('customers.create') ? { label: t('customers.create'), onClick: () => navigate('/customers/new') } : null }}
        reset
        mobileFilters={(count) => (count ? t('customers.filtersActive', { count }) : t('customers.filters'))}
        columnChooser={{ storageKey: COLUMNS_STORAGE_KEY, label: t('customers.columns'), hint: t('customers.columnsHint'), fixed: ['name'] }}
        toolbar={
          canTransfer && selected.length > 0 ? (
            <>
              <Typography.Text>{t('customers.selected', { count: selected.length })}</Typography.Text>
              <Button icon={<SwapOutlined />} onClick={() => setTransferIds(selected)}>
                {t('customers.bulkTransfer')}
              </Button>
              <Button type="link" onClick={() => setSelected([])}>
                {t('customers.clearSelection')}
              </Button>
            </>
          ) : null
        }
        toolbarEnd={<SavedFilters current={list.params} onApply={(q) => list.setParams(q)} />}
        tableProps={{
          rowSelection: canTransfer
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys as number[]),
              }
            : undefined,
        }}
      />
      <TransferModal customerIds={transferIds} onClose={() => setTransferIds([])} onDone={() => setSelected([])} />
    </PageContainer>
  );
}
